using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// A held session written straight into the Schulungen module's database — course, one appointment yesterday, its
/// trainer and two registrations — so that attendance and certificates have someone to show (planning sessions and
/// registering is not the workflow under test here).
/// </summary>
internal static class SchulungenTestdaten
{
    /// <summary>The session's id; the trainer is the account <paramref name="trainerKonto"/>.</summary>
    public static string GestrigerTermin(string datenbank, MovableClock clock, string trainerKonto, params (string Vorname, string Nachname)[] personen)
    {
        var termin = Guid.CreateVersion7().ToString();
        var gestern = clock.LocalNow.Date.AddDays(-1);
        using var connection = new SqliteConnection($"Data Source={datenbank};Pooling=False");
        connection.Open();
        using var tx = connection.BeginTransaction();
        void Ausfuehren(string sql, params (string Name, object Wert)[] werte)
        {
            using var command = connection.CreateCommand();
            command.Transaction = tx;
            command.CommandText = sql;
            command.Parameters.AddWithValue("$termin", termin);
            command.Parameters.AddWithValue("$jetzt", clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            foreach (var (name, wert) in werte)
            {
                command.Parameters.AddWithValue(name, wert);
            }

            command.ExecuteNonQuery();
        }

        Ausfuehren("""
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status, status_seit, angelegt_am, geaendert_am)
            VALUES ($termin, 'Elternarbeit in der Migrationsgesellschaft (Nachweis)', 'Zusammenarbeit mit Eltern', 'Elterngespräche vorbereiten', 'Schulsozialarbeit',
                    'praesenz', 4, 3, 'veroeffentlicht', $jetzt, $jetzt, $jetzt)
            """);
        Ausfuehren("""
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, angelegt_am, geaendert_am)
            VALUES ($termin, $termin, '06437006', 20, 0, '2020-01-01', 'offen', $jetzt, $jetzt, $jetzt)
            """);
        Ausfuehren(
            "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort) VALUES ($termin, $termin, $beginn, $ende, 'Schulzentrum Erbach')",
            ("$beginn", Lokal(gestern.AddHours(9))), ("$ende", Lokal(gestern.AddHours(12))));
        Ausfuehren("INSERT INTO trainer (id, name, benutzername, angelegt_am) VALUES ($termin, 'Dana Trainerin', $konto, $jetzt)", ("$konto", trainerKonto));
        Ausfuehren("INSERT INTO termin_trainer (termin_id, trainer_id) VALUES ($termin, $termin)");
        foreach (var (vorname, nachname) in personen)
        {
            var id = Guid.CreateVersion7().ToString();
            Ausfuehren(
                "INSERT INTO teilnehmende (id, vorname, nachname, email, angelegt_am) VALUES ($id, $vorname, $nachname, $email, $jetzt)",
                ("$id", id), ("$vorname", vorname), ("$nachname", nachname), ("$email", id + "@example.invalid"));
            Ausfuehren(
                "INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, geaendert_am) VALUES ($id, $termin, $id, 'angemeldet', $jetzt, $jetzt, $jetzt)",
                ("$id", id));
        }

        tx.Commit();
        return termin;
    }

    /// <summary>Anonymous answers of the session as the feedback form stores them: one per overall score, with a free text each.</summary>
    public static void Feedback(string datenbank, string termin, params int[] gesamt)
    {
        using var connection = new SqliteConnection($"Data Source={datenbank};Pooling=False");
        connection.Open();
        foreach (var (wert, nummer) in gesamt.Select((g, i) => (g, i + 1)))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO feedback_antworten (id, termin_id, gesamt, praxisnutzen, freitext) VALUES ($id, $termin, $gesamt, $gesamt, $freitext)";
            command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
            command.Parameters.AddWithValue("$termin", termin);
            command.Parameters.AddWithValue("$gesamt", wert);
            command.Parameters.AddWithValue("$freitext", $"Rückmeldung {nummer}: hilfreich für die Elternarbeit.");
            command.ExecuteNonQuery();
        }
    }

    /// <summary>A feedback invitation of the session, open for 14 days, behind the returned token (the database keeps its SHA-256).</summary>
    public static string FeedbackLink(string datenbank, MovableClock clock, string termin)
    {
        var token = Guid.NewGuid().ToString("N");
        using var connection = new SqliteConnection($"Data Source={datenbank};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO feedback_einladungen (id, termin_id, token_hash, erstellt_am, gueltig_bis) VALUES ($id, $termin, $hash, $erstellt, $bis)";
        command.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
        command.Parameters.AddWithValue("$termin", termin);
        command.Parameters.AddWithValue("$hash", Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
        command.Parameters.AddWithValue("$erstellt", clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$bis", clock.Now.UtcDateTime.AddDays(14).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        return token;
    }

    private static string Lokal(DateTime zeit) => zeit.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
