using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

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
