using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Browser.Tests.Modules.Lotsen;

/// <summary>
/// Invented Lotsen and requests written straight into the Lotsen module's database, so that matching
/// and the lists have someone to show (registering them is not the workflow under test here).
/// </summary>
internal static class LotsenTestdaten
{
    public const string Erbach = "06437006";

    /// <summary>Speaks the language as mother tongue, serves Erbach for "Behörden", available Tuesday 09:00–12:00, holds the Basisqualifizierung.</summary>
    public static string AktiverLotse(string datenbank, string vorname, string nachname, string sprache)
    {
        var id = Guid.CreateVersion7().ToString();
        using var connection = new SqliteConnection($"Data Source={datenbank};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        void Ausfuehren(string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$vorname", vorname);
            command.Parameters.AddWithValue("$nachname", nachname);
            command.Parameters.AddWithValue("$sprache", sprache);
            command.Parameters.AddWithValue("$ags", Erbach);
            command.Parameters.AddWithValue("$qid", Guid.CreateVersion7().ToString());
            command.ExecuteNonQuery();
        }

        Ausfuehren("""
            INSERT INTO lotsen (id, vorname, nachname, wohnort_ags, status, status_seit, vermittelt_durch,
                                einwilligung_am, einwilligung_version, einwilligung_bis, angelegt_am, geaendert_am)
            VALUES ($id, $vorname, $nachname, $ags, 'aktiv', '2026-01-01T00:00:00Z', 'ehrenamtsagentur',
                    '2026-01-01', '2026-01', '2028-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
            """);
        Ausfuehren("INSERT INTO lotse_sprachen (lotse_id, code, niveau) VALUES ($id, $sprache, 'muttersprache')");
        Ausfuehren("INSERT INTO lotse_kommunen (lotse_id, ags) VALUES ($id, $ags)");
        Ausfuehren("INSERT INTO lotse_themen (lotse_id, thema) VALUES ($id, 'behoerden')");
        Ausfuehren("INSERT INTO lotse_verfuegbarkeit (lotse_id, wochentag, von, bis) VALUES ($id, 2, '09:00', '12:00')");
        Ausfuehren("""
            INSERT INTO lotse_qualifikationen (id, lotse_id, art, datum, anbieter, angelegt_am)
            VALUES ($qid, $id, 'basisqualifizierung', '2026-02-01', 'Land Hessen', '2026-02-01T00:00:00Z')
            """);
        tx.Commit();
        return id;
    }

    /// <summary>An open request for Erbach (topic "Behörden") in the language, taken in at <paramref name="angelegtAm"/>.</summary>
    public static void OffeneAnfrage(string datenbank, string kennung, string sprache, DateTimeOffset angelegtAm)
    {
        var id = Guid.CreateVersion7().ToString();
        var tag = DateOnly.FromDateTime(angelegtAm.UtcDateTime).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var connection = new SqliteConnection($"Data Source={datenbank};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO anfragen (id, kennung, thema, kommune_ags, datum_von, datum_bis, vermittelt_durch, angelegt_am)
            VALUES ($id, $kennung, 'behoerden', $ags, $tag, $tag, 'jobcenter', $angelegtAm);
            INSERT INTO anfrage_sprachen (anfrage_id, code) VALUES ($id, $sprache);
            """;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$kennung", kennung);
        command.Parameters.AddWithValue("$ags", Erbach);
        command.Parameters.AddWithValue("$tag", tag);
        command.Parameters.AddWithValue("$angelegtAm", angelegtAm.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$sprache", sprache);
        command.ExecuteNonQuery();
    }
}
