using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>One barrier with its measures (oldest first), each with the status changes it may take next.</summary>
internal sealed record GetBarriere(string Id) : IQuery<BarriereDetail>;

internal sealed class GetBarriereHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<GetBarriere, BarriereDetail>
{
    public async Task<BarriereDetail> Handle(GetBarriere request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = request.Id.ToLowerInvariant();
        var gefunden = await BarrierenSql.ZeilenAsync(connection, "WHERE b.id = @id", new { id });
        if (gefunden.Count == 0)
        {
            throw new RecordNotFoundException("Barriere nicht gefunden.");
        }

        var massnahmen = await connection.QueryAsync<Zeile>(
            """
            SELECT id, art, titel, beschreibung, verantwortlich, status, status_seit AS StatusSeit
            FROM massnahmen WHERE barriere_id = @id ORDER BY angelegt_am, id
            """,
            new { id });
        var (barriere, erfasstVon) = gefunden[0];
        return new BarriereDetail(barriere, erfasstVon, massnahmen.Select(m => new MassnahmeZeile(
            m.Id, m.Art, Barrierenarten.Massnahme(m.Art), m.Titel, m.Beschreibung, m.Verantwortlich, m.Status, Lebenszyklen.Massnahme.Label(m.Status),
            m.StatusSeit, Lebenszyklen.Massnahme.Get(m.Status).Next)).ToList());
    }

    private sealed record Zeile(string Id, string Art, string Titel, string? Beschreibung, string Verantwortlich, string Status, string StatusSeit);
}
