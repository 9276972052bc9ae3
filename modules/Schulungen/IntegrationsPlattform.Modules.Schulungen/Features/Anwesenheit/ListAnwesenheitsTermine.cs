using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Termine;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>
/// The sessions whose attendance the user records — a trainer the ones she leads, staff all — with at least one
/// appointment and not cancelled, the latest first, with paging.
/// </summary>
internal sealed record ListAnwesenheitsTermine(int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<AnwesenheitsTermin>>;

internal sealed class ListAnwesenheitsTermineHandler(IModuleDatabase<SchulungenModule> database, ICurrentUser user, DeploymentInfo deployment)
    : IRequestHandler<ListAnwesenheitsTermine, PagedList<AnwesenheitsTermin>>
{
    // A class, not a positional record: SQLite reports no type for a NULL column, and Dapper matches a record's
    // constructor by column types.
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string Titel { get; init; } = "";
        public string? KommuneAgs { get; init; }
        public string? BeginntAm { get; init; }
        public string? EndetAm { get; init; }
        public string Status { get; init; } = "";
        public long Teilnehmende { get; init; }
        public long Zeiten { get; init; }
        public long ZeitenErfasst { get; init; }
    }

    public async Task<PagedList<AnwesenheitsTermin>> Handle(ListAnwesenheitsTermine request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameter = new DynamicParameters(new { platzstatus = TeilnahmeRegeln.Platzstatus, take = groesse, skip = Paging.Offset(seite, groesse) });
        var where = $"WHERE t.status <> 'abgesagt' AND t.beginnt_am IS NOT NULL AND {TerminBereich.SqlCondition(TerminBereich.Of(user), parameter)}";
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM termine t {where}", parameter);
        var rows = await connection.QueryAsync<Zeile>(
            $"""
            SELECT t.id AS Id, k.titel AS Titel, t.kommune_ags AS KommuneAgs, t.beginnt_am AS BeginntAm, t.endet_am AS EndetAm, t.status AS Status,
                   (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = t.id AND a.status IN @platzstatus) AS Teilnehmende,
                   (SELECT count(*) FROM termin_zeiten z WHERE z.termin_id = t.id) AS Zeiten,
                   (SELECT count(DISTINCT w.zeit_id) FROM anwesenheit w JOIN termin_zeiten z ON z.id = w.zeit_id WHERE z.termin_id = t.id) AS ZeitenErfasst
            FROM termine t JOIN kurse k ON k.id = t.kurs_id {where}
            ORDER BY t.beginnt_am DESC, t.id LIMIT @take OFFSET @skip
            """,
            parameter);
        return new PagedList<AnwesenheitsTermin>(
            rows.Select(r => new AnwesenheitsTermin(
                r.Id, r.Titel, r.KommuneAgs is { } ags ? deployment.MunicipalityName(ags) : null, r.BeginntAm, r.EndetAm,
                r.Status, Lebenszyklen.Termin.Label(r.Status), (int)r.Teilnehmende, (int)r.Zeiten, (int)r.ZeitenErfasst)).ToList(),
            total, seite, groesse);
    }
}
