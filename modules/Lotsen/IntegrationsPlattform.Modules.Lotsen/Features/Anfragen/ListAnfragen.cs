using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record ListAnfragen(AnfrageFilter Filter) : IQuery<PagedList<AnfrageZeile>>;

internal sealed class ListAnfragenHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<ListAnfragen, PagedList<AnfrageZeile>>
{
    public const int Seitengroesse = 25;

    public async Task<PagedList<AnfrageZeile>> Handle(ListAnfragen request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        await using var connection = await database.OpenAsync(cancellationToken);
        var sicht = await AnfragenReichweite.FuerAsync(user, LotsenModule.Lesen, connection);
        var p = new DynamicParameters(new { status = f.Status, ags = f.KommuneAgs, thema = f.Thema, sprache = f.Sprache, limit = Seitengroesse, offset = Paging.Offset(f.Seite, Seitengroesse) });
        var where = $"""
            WHERE {sicht.SqlCondition(ags => $"a.kommune_ags IN {ags}", "a.lotse_id", p)}
              AND (@status IS NULL OR a.status = @status)
              AND (@ags IS NULL OR a.kommune_ags = @ags)
              AND (@thema IS NULL OR a.thema = @thema)
              AND (@sprache IS NULL OR EXISTS (SELECT 1 FROM anfrage_sprachen s WHERE s.anfrage_id = a.id AND s.code = @sprache))
            """;
        var total = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM anfragen a {where}", p);
        // Plain columns only: an expression column (the languages' group_concat) is typed BLOB by an empty
        // result, and Dapper then finds no constructor. The languages come in a second query.
        var seite = (await connection.QueryAsync<AnfrageZeile>(
            $"""
            SELECT a.id, a.kennung, a.thema, a.kommune_ags AS KommuneAgs, a.datum_von AS DatumVon, a.datum_bis AS DatumBis, a.status,
                   l.vorname AS LotseVorname, l.nachname AS LotseNachname, a.angelegt_am AS AngelegtAm
            FROM anfragen a LEFT JOIN lotsen l ON l.id = a.lotse_id
            {where}
            ORDER BY a.angelegt_am DESC
            LIMIT @limit OFFSET @offset
            """,
            p)).ToList();
        var sprachen = (await connection.QueryAsync<(string AnfrageId, string Code)>(
            "SELECT anfrage_id, code FROM anfrage_sprachen WHERE anfrage_id IN @ids ORDER BY code", new { ids = seite.Select(r => r.Id) })).ToLookup(s => s.AnfrageId, s => s.Code);
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Anfrage", null, $"Filter Status={f.Status ?? "alle"}, Kommune={f.KommuneAgs ?? "alle"}, Thema={f.Thema ?? "alle"}, Sprache={f.Sprache ?? "alle"}; {total} Treffer"), cancellationToken);
        return new PagedList<AnfrageZeile>(seite.Select(r => r with { Sprachen = sprachen[r.Id].ToList() }).ToList(), (int)total, Math.Max(1, f.Seite), Seitengroesse);
    }
}
