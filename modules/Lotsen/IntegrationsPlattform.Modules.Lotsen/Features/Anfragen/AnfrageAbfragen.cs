using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record AnfrageFilter(string? Status = null, string? KommuneAgs = null, string? Thema = null, string? Sprache = null, int Seite = 1);

/// <remarks>The Lotse's name comes as two columns: Dapper maps a NULL expression column as a blob, a NULL table column keeps its type.</remarks>
internal sealed record AnfrageZeile(string Id, string? Kennung, string Thema, string KommuneAgs, string DatumVon, string DatumBis, string Status, string? LotseVorname, string? LotseNachname, string AngelegtAm)
{
    public string? LotseName => LotseVorname is null ? null : $"{LotseVorname} {LotseNachname}";

    /// <summary>ISO 639 codes of the request's languages.</summary>
    public IReadOnlyList<string> Sprachen { get; init; } = [];
}

internal sealed record ListAnfragen(AnfrageFilter Filter) : IQuery<PagedList<AnfrageZeile>>;

internal sealed record AktivitaetZeile(string Art, string? Notiz, string Am, string Durch);

internal sealed record EinsatzKurz(string Id, string Beginn, long DauerMinuten, string Status, string? Ergebnis, string LotseVorname, string LotseNachname)
{
    public string LotseName => $"{LotseVorname} {LotseNachname}";
}

internal sealed record AnfrageDetail(
    string Id,
    string? Kennung,
    string? Kontakt,
    string Thema,
    string? Ziel,
    string KommuneAgs,
    string DatumVon,
    string DatumBis,
    string? UhrzeitVon,
    string? UhrzeitBis,
    string VermitteltDurch,
    string? QuelleModul,
    string Status,
    string? StatusGrund,
    string? LotseId,
    string? LotseVorname,
    string? LotseNachname,
    string AngelegtAm,
    string? GeschlossenAm,
    string? AnonymisiertAm)
{
    public string? LotseName => LotseVorname is null ? null : $"{LotseVorname} {LotseNachname}";

    public IReadOnlyList<string> Sprachen { get; init; } = [];

    public IReadOnlyList<AktivitaetZeile> Aktivitaeten { get; init; } = [];

    public IReadOnlyList<EinsatzKurz> Einsaetze { get; init; } = [];
}

internal sealed record GetAnfrage(Guid Id) : IQuery<AnfrageDetail>;

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

internal sealed class GetAnfrageHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetAnfrage, AnfrageDetail>
{
    public async Task<AnfrageDetail> Handle(GetAnfrage request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var detail = await LadeAsync(connection, null, request.Id.ToString(), await AnfragenReichweite.FuerAsync(user, LotsenModule.Lesen, connection));
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Anfrage", detail.Id), cancellationToken);
        return detail;
    }

    /// <summary>The request as its user may see it; outside their scope it does not exist for them.</summary>
    public static async Task<AnfrageDetail> LadeAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? tx, string id, RecordScope sicht)
    {
        var detail = await connection.QuerySingleOrDefaultAsync<AnfrageDetail>(
            """
            SELECT a.id, a.kennung, a.kontakt, a.thema, a.ziel, a.kommune_ags AS KommuneAgs, a.datum_von AS DatumVon, a.datum_bis AS DatumBis,
                   a.uhrzeit_von AS UhrzeitVon, a.uhrzeit_bis AS UhrzeitBis, a.vermittelt_durch AS VermitteltDurch, a.quelle_modul AS QuelleModul,
                   a.status, a.status_grund AS StatusGrund, a.lotse_id AS LotseId, l.vorname AS LotseVorname, l.nachname AS LotseNachname,
                   a.angelegt_am AS AngelegtAm, a.geschlossen_am AS GeschlossenAm, a.anonymisiert_am AS AnonymisiertAm
            FROM anfragen a LEFT JOIN lotsen l ON l.id = a.lotse_id WHERE a.id = @id
            """,
            new { id },
            tx);
        if (detail is null || !sicht.CanRead([detail.KommuneAgs], detail.LotseId))
        {
            throw new RecordNotFoundException("Anfrage nicht gefunden.");
        }

        var sprachen = await connection.QueryAsync<string>("SELECT code FROM anfrage_sprachen WHERE anfrage_id = @id ORDER BY code", new { id }, tx);
        var log = await connection.QueryAsync<AktivitaetZeile>("SELECT art, notiz, am, durch FROM anfrage_aktivitaeten WHERE anfrage_id = @id ORDER BY am DESC, rowid DESC", new { id }, tx);
        var einsaetze = await connection.QueryAsync<EinsatzKurz>(
            "SELECT e.id, e.beginn, e.dauer_minuten AS DauerMinuten, e.status, e.ergebnis, l.vorname AS LotseVorname, l.nachname AS LotseNachname FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id WHERE e.anfrage_id = @id ORDER BY e.beginn",
            new { id },
            tx);
        return detail with { Sprachen = sprachen.ToList(), Aktivitaeten = log.ToList(), Einsaetze = einsaetze.ToList() };
    }

    /// <summary>The request a command changes under the user's <paramref name="permission"/>: 404 when they may not see it, 403 when they may not write it.</summary>
    public static async Task<AnfrageDetail> ZumAendernAsync(ModuleTransaction tx, string id, ICurrentUser user, string permission)
    {
        var sicht = await AnfragenReichweite.FuerAsync(user, permission, tx.Connection, tx.Sql);
        var anfrage = await LadeAsync(tx.Connection, tx.Sql, id, sicht);
        sicht.EnsureWritable([anfrage.KommuneAgs], anfrage.LotseId, "Anfrage", id, "kommuneAgs");
        return anfrage;
    }
}
