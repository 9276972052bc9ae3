using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>One campaign with its status history (oldest first) and the hand-outs linked to it (newest first).</summary>
internal sealed record GetKampagne(string Id) : IQuery<KampagneDetail>;

internal sealed class GetKampagneHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<GetKampagne, KampagneDetail>
{
    public async Task<KampagneDetail> Handle(GetKampagne request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = request.Id.ToLowerInvariant();
        var gefunden = await KampagnenSql.ZeilenAsync(connection, "WHERE k.id = @id", new { id });
        if (gefunden.Count == 0)
        {
            throw new RecordNotFoundException("Kampagne nicht gefunden.");
        }

        var (beschreibung, angelegtVon) = await connection.QuerySingleAsync<(string?, string)>(
            "SELECT beschreibung, angelegt_von FROM kampagnen WHERE id = @id", new { id });
        var verlauf = await connection.QueryAsync<KampagneVerlauf>(
            "SELECT von, nach, grund, am, durch FROM kampagne_status_verlauf WHERE kampagne_id = @id ORDER BY am, id", new { id });
        var ausgaben = await MaterialausgabenSql.ZeilenAsync(connection, "WHERE m.kampagne_id = @id ORDER BY m.datum DESC, m.id", new { id });
        var kampagne = gefunden[0];
        return new KampagneDetail(kampagne, beschreibung, angelegtVon, Lebenszyklen.Kampagne.Get(kampagne.Status).Next, verlauf.ToList(), ausgaben);
    }
}
