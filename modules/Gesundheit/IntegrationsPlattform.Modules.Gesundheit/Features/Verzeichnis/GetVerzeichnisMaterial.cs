using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

/// <summary>
/// The stored file of a material of an offer the public sees (its published version): the owner and id the SDK's
/// file service answers the download with. A material of a draft or a change waiting for review is not found.
/// </summary>
internal sealed record GetVerzeichnisMaterial(Guid AngebotId, Guid MaterialId) : IQuery<(FileOwner Owner, Guid DateiId)>;

internal sealed class GetVerzeichnisMaterialHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock) : IRequestHandler<GetVerzeichnisMaterial, (FileOwner Owner, Guid DateiId)>
{
    /// <summary>The record type the offers' files are kept under (<see cref="FileOwner"/>), as the offer's data-subject record.</summary>
    public const string Angebot = "Angebot";

    public async Task<(FileOwner Owner, Guid DateiId)> Handle(GetVerzeichnisMaterial request, CancellationToken cancellationToken)
    {
        var id = request.AngebotId.ToString();
        await using var connection = await database.OpenAsync(cancellationToken);
        var datei = await connection.QuerySingleOrDefaultAsync<string>(
            $"""
            SELECT m.datei_id FROM angebote a, angebot_fassungen f JOIN materialien m ON m.angebot_id = a.id AND m.fassung = f.fassung
            WHERE a.id = @id AND m.id = @material AND {VerzeichnisSql.Sichtbar}
            """, new { id, material = request.MaterialId.ToString(), heute = GermanFormat.StoredDay(clock.Today) });
        return datei is not null && Guid.TryParse(datei, out var dateiId)
            ? (new FileOwner(Angebot, id), dateiId)
            : throw new RecordNotFoundException("Material nicht gefunden.");
    }
}
