using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialien;

/// <summary>
/// The materials of an offer's working version by language and title. Callers check first that the user may read the
/// offer (<c>GetAngebot</c>), as the file service's listing does for its owner.
/// </summary>
internal sealed record ListMaterialien(string AngebotId) : IQuery<IReadOnlyList<MaterialZeile>>;

internal sealed class ListMaterialienHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<ListMaterialien, IReadOnlyList<MaterialZeile>>
{
    public async Task<IReadOnlyList<MaterialZeile>> Handle(ListMaterialien request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Titel, string Sprache, string DateiId, long Veroeffentlicht, string AngelegtAm)>(
            """
            SELECT m.id, m.titel, m.sprache, m.datei_id,
                   EXISTS (SELECT 1 FROM materialien v WHERE v.id = m.id AND v.fassung = 'veroeffentlicht'), m.angelegt_am
            FROM materialien m WHERE m.angebot_id = @id AND m.fassung = 'arbeit' ORDER BY m.sprache, m.titel
            """,
            new { id = request.AngebotId.ToLowerInvariant() });
        return rows.Select(r => new MaterialZeile(r.Id, r.Titel, r.Sprache, r.DateiId, r.Veroeffentlicht == 1, r.AngelegtAm)).ToList();
    }
}
