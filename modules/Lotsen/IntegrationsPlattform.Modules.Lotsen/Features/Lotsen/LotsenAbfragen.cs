using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed class SearchLotsenHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit)
    : IRequestHandler<SearchLotsen, PagedList<LotseZeile>>
{
    public async Task<PagedList<LotseZeile>> Handle(SearchLotsen request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.Groesse);
        var seite = Math.Max(1, request.Seite);
        var (where, p) = LotsenSql.Bedingungen(request.Filter, RecordScope.Of(user, LotsenModule.Lesen));
        p.Add("take", groesse);
        p.Add("skip", Paging.Offset(seite, groesse));
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM lotsen l WHERE {where}", p);
        var rows = (await connection.QueryAsync<(string Id, string Vorname, string Nachname, string Status)>(
            $"SELECT l.id, l.vorname, l.nachname, l.status FROM lotsen l WHERE {where} ORDER BY l.nachname COLLATE NOCASE, l.vorname COLLATE NOCASE LIMIT @take OFFSET @skip", p)).ToList();
        var listen = await LotsenListen.LadenAsync(connection, rows.Select(r => r.Id).ToList());
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Lotse", null, $"Suche: {request.Filter.Beschreibung()}; {total} Treffer"), cancellationToken);
        return new PagedList<LotseZeile>(
            rows.Select(r => new LotseZeile(r.Id, r.Vorname, r.Nachname, r.Status, listen.Sprachen(r.Id), listen.Kommunen(r.Id), listen.Themen(r.Id))).ToList(),
            (int)total, seite, groesse);
    }
}

/// <summary>Languages, municipalities and topics of a set of Lotsen: one query per table, however many rows.</summary>
internal sealed class LotsenListen
{
    private ILookup<string, string> _sprachen = Array.Empty<string>().ToLookup(x => x);
    private ILookup<string, string> _kommunen = Array.Empty<string>().ToLookup(x => x);
    private ILookup<string, string> _themen = Array.Empty<string>().ToLookup(x => x);

    public IReadOnlyList<string> Sprachen(string id) => _sprachen[id].ToList();

    public IReadOnlyList<string> Kommunen(string id) => _kommunen[id].ToList();

    public IReadOnlyList<string> Themen(string id) => _themen[id].ToList();

    public static async Task<LotsenListen> LadenAsync(SqliteConnection connection, IReadOnlyList<string> ids)
    {
        var listen = new LotsenListen();
        if (ids.Count == 0)
        {
            return listen;
        }

        listen._sprachen = (await connection.QueryAsync<(string Id, string Wert)>("SELECT lotse_id, code FROM lotse_sprachen WHERE lotse_id IN @ids ORDER BY lotse_id, code", new { ids }))
            .ToLookup(r => r.Id, r => r.Wert);
        listen._kommunen = (await connection.QueryAsync<(string Id, string Wert)>("SELECT lotse_id, ags FROM lotse_kommunen WHERE lotse_id IN @ids ORDER BY lotse_id, ags", new { ids }))
            .ToLookup(r => r.Id, r => r.Wert);
        listen._themen = (await connection.QueryAsync<(string Id, string Wert)>("SELECT lotse_id, thema FROM lotse_themen WHERE lotse_id IN @ids ORDER BY lotse_id, thema", new { ids }))
            .ToLookup(r => r.Id, r => r.Wert);
        return listen;
    }
}

internal sealed class ExportLotsenHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit, DeploymentInfo deployment, LotsenSettings settings)
    : IRequestHandler<ExportLotsen, byte[]>
{
    public async Task<byte[]> Handle(ExportLotsen request, CancellationToken cancellationToken)
    {
        var (where, p) = LotsenSql.Bedingungen(request.Filter, RecordScope.Of(user, LotsenModule.Lesen));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Id, string Vorname, string Nachname, string Status, string StatusSeit, string EinwilligungBis, string? Basis)>(
            $"""
            SELECT l.id, l.vorname, l.nachname, l.status, l.status_seit, l.einwilligung_bis,
                   (SELECT max(q.datum) FROM lotse_qualifikationen q WHERE q.lotse_id = l.id AND q.art = 'basisqualifizierung')
            FROM lotsen l WHERE {where} ORDER BY l.nachname COLLATE NOCASE, l.vorname COLLATE NOCASE
            """, p)).ToList();
        var listen = await LotsenListen.LadenAsync(connection, rows.Select(r => r.Id).ToList());
        var csv = CsvExport.Write(
            ["Nachname", "Vorname", "Status", "Sprachen", "Kommunen", "Themen", "Basisqualifizierung", "Einwilligung bis"],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Nachname,
                r.Vorname,
                Lebenszyklen.Lotse.Label(r.Status),
                string.Join(", ", listen.Sprachen(r.Id).Select(Languages.GermanName)),
                string.Join(", ", listen.Kommunen(r.Id).Select(a => deployment.MunicipalityName(a))),
                string.Join(", ", listen.Themen(r.Id).Select(settings.ThemaText)),
                r.Basis is null ? "" : GermanFormat.Day(GermanFormat.ParseStoredDay(r.Basis)),
                GermanFormat.Day(GermanFormat.ParseStoredDay(r.EinwilligungBis)),
            ]));
        await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Lotse", null, $"CSV: {request.Filter.Beschreibung()}; {rows.Count} Zeilen"), cancellationToken);
        return csv;
    }
}

internal sealed class GetLotseHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetLotse, LotseDetail>
{
    public async Task<LotseDetail> Handle(GetLotse request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var detail = await LotseLesen.LadenAsync(connection, request.Id.ToString());
        if (detail is null || !RecordScope.Of(user, LotsenModule.Lesen).CanRead(detail.Kommunen, detail.Benutzername))
        {
            throw new RecordNotFoundException("Diesen Lotsen gibt es nicht.");
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Lotse", detail.Id), cancellationToken);
        return detail;
    }
}

/// <summary>Everything the module holds about one Lotse (detail page, API, DSGVO export).</summary>
internal static class LotseLesen
{
    public static async Task<LotseDetail?> LadenAsync(SqliteConnection connection, string id)
    {
        var detail = await connection.QuerySingleOrDefaultAsync<LotseDetail>(
            """
            SELECT l.id AS Id, l.vorname AS Vorname, l.nachname AS Nachname, l.email AS Email, l.telefon AS Telefon, l.wohnort_ags AS WohnortAgs,
                   l.status AS Status, l.status_seit AS StatusSeit, l.vermittelt_durch AS VermitteltDurch, l.traeger_id AS TraegerId, t.name AS TraegerName,
                   l.benutzername AS Benutzername, l.einwilligung_am AS EinwilligungAm, l.einwilligung_version AS EinwilligungVersion,
                   l.einwilligung_bis AS EinwilligungBis, l.erinnerung_am AS ErinnerungAm, l.angelegt_am AS AngelegtAm, l.geaendert_am AS GeaendertAm
            FROM lotsen l LEFT JOIN traeger t ON t.id = l.traeger_id WHERE l.id = @id
            """, new { id });
        if (detail is null)
        {
            return null;
        }

        var sprachen = await connection.QueryAsync<(string Code, string Niveau)>("SELECT code, niveau FROM lotse_sprachen WHERE lotse_id = @id", new { id });
        var themen = await connection.QueryAsync<string>("SELECT thema FROM lotse_themen WHERE lotse_id = @id ORDER BY thema", new { id });
        var kommunen = await connection.QueryAsync<string>("SELECT ags FROM lotse_kommunen WHERE lotse_id = @id ORDER BY ags", new { id });
        var fenster = await connection.QueryAsync<(long Tag, string Von, string Bis)>("SELECT wochentag, von, bis FROM lotse_verfuegbarkeit WHERE lotse_id = @id ORDER BY wochentag, von", new { id });
        var qualis = await connection.QueryAsync<(string Id, string Art, string Datum, string Anbieter)>(
            "SELECT id, art, datum, anbieter FROM lotse_qualifikationen WHERE lotse_id = @id ORDER BY datum, id", new { id });
        var verlauf = await connection.QueryAsync<(string? Von, string Nach, string Am, string Durch, string? Grund)>(
            "SELECT von, nach, am, durch, grund FROM lotse_status_verlauf WHERE lotse_id = @id ORDER BY am, rowid", new { id });
        return detail with
        {
            Sprachen = sprachen.Select(s => new SpracheInfo(s.Code, s.Niveau))
                .OrderByDescending(s => SprachniveauTexte.Parse(s.Niveau) ?? Sprachniveau.Grundkenntnisse).ThenBy(s => Languages.GermanName(s.Code)).ToList(),
            Themen = themen.ToList(),
            Kommunen = kommunen.ToList(),
            Verfuegbarkeit = fenster.Select(f => new ZeitfensterEingabe((int)f.Tag, f.Von, f.Bis)).ToList(),
            Qualifikationen = qualis.Select(q => new QualifikationInfo(q.Id, q.Art, q.Datum, q.Anbieter)).ToList(),
            Verlauf = verlauf.Select(v => new StatusWechselInfo(v.Von, v.Nach, v.Am, v.Durch, v.Grund)).ToList(),
        };
    }
}

/// <summary>The Träger to choose from when a Träger referred a Lotse (id, name).</summary>
internal sealed record LotsenTraegerAuswahl : IQuery<IReadOnlyList<(string Id, string Name)>>;

internal sealed class LotsenTraegerAuswahlHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<LotsenTraegerAuswahl, IReadOnlyList<(string Id, string Name)>>
{
    public async Task<IReadOnlyList<(string Id, string Name)>> Handle(LotsenTraegerAuswahl request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string, string)>("SELECT id, name FROM traeger ORDER BY name COLLATE NOCASE")).ToList();
    }
}
