using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen;

/// <summary>
/// Sessions to register for, written straight into the module's database (the catalogue and session areas have their own
/// tests): a published course, a session with capacity, waiting list, deadline and status, and its appointments —
/// dated from the host's clock, so that the tests pass on any day.
/// </summary>
internal static class AnmeldungTestdaten
{
    public sealed record Termin(string Id, string Kurs, string ZeitId);

    public static Termin NeuerTermin(
        PlatformHost host, int kapazitaet = 10, int maxWarteliste = 5, string status = "offen", int anmeldeschlussInTagen = 7, int beginntInTagen = 14)
    {
        using var db = Open(host);
        var heute = host.Clock.Today;
        var jetzt = host.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var kurs = Guid.CreateVersion7().ToString();
        var titel = "Umgang mit Rassismus im Schulalltag " + kurs[^6..];
        db.Execute(
            """
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@kurs, @titel, 'Rassismuskritische Haltung im Schulalltag', 'Situationen erkennen und handeln', 'Schulsozialarbeit', 'praesenz', 8, 6, 'veroeffentlicht', @jetzt, @jetzt, @jetzt)
            """,
            new { kurs, titel, jetzt });
        var termin = Guid.CreateVersion7().ToString();
        db.Execute(
            """
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@termin, @kurs, '06437006', @kapazitaet, @maxWarteliste, @schluss, @status, @jetzt, @jetzt, @jetzt)
            """,
            new { termin, kurs, kapazitaet, maxWarteliste, schluss = Tag(heute.AddDays(anmeldeschlussInTagen)), status, jetzt });
        var zeit = Guid.CreateVersion7().ToString();
        var tag = Tag(heute.AddDays(beginntInTagen));
        db.Execute(
            "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort) VALUES (@zeit, @termin, @beginn, @ende, 'Landratsamt Erbach, Raum 112')",
            new { zeit, termin, beginn = tag + "T09:00", ende = tag + "T16:00" });
        return new Termin(termin, titel, zeit);
    }

    /// <summary>A second appointment a week after the first.</summary>
    public static string ZweiteZeit(PlatformHost host, Termin termin, int beginntInTagen = 21)
    {
        using var db = Open(host);
        var zeit = Guid.CreateVersion7().ToString();
        var tag = Tag(host.Clock.Today.AddDays(beginntInTagen));
        db.Execute(
            "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, online_link) VALUES (@zeit, @termin, @beginn, @ende, 'https://konferenz.example.invalid/raum')",
            new { zeit, termin = termin.Id, beginn = tag + "T14:00", ende = tag + "T17:00" });
        return zeit;
    }

    public static string NeueSchule(PlatformHost host, string name, string ags = "06437011")
    {
        using var db = Open(host);
        var id = Guid.CreateVersion7().ToString();
        db.Execute(
            "INSERT INTO schulen (id, name, schulart, kommune_ags, angelegt_am) VALUES (@id, @name, 'igs', @ags, '2026-01-01T00:00:00Z')",
            new { id, name, ags });
        return id;
    }

    public static SqliteConnection Open(PlatformHost host)
    {
        var db = new SqliteConnection($"Data Source={host.ModuleDatabase("Schulungen")};Pooling=False");
        db.Open();
        db.Execute("PRAGMA busy_timeout = 5000;");
        return db;
    }

    private static string Tag(DateOnly tag) => tag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
