using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>A session as the attendance tests need it: its id and its appointments' ids in order.</summary>
internal sealed record TestTermin(string Id, IReadOnlyList<string> Zeiten);

/// <summary>
/// Sessions, trainers and registrations for the attendance and certificate tests, written in the arrange step straight
/// into the module's database (sessions and registrations are other areas' use cases); times from the host's clock.
/// </summary>
internal static class NachweisDaten
{
    /// <summary>
    /// A session of a new course in <paramref name="kommune"/> led by the trainer whose account is
    /// <paramref name="trainerKonto"/> (none: no trainer), with an appointment of three hours on each of the
    /// <paramref name="vergangeneTage"/> days before today and one in a week for each of <paramref name="kuenftigeTage"/>.
    /// </summary>
    public static TestTermin Termin(SqliteConnection db, MovableClock clock, string? kommune = "06437006", string? trainerKonto = null, int vergangeneTage = 2, int kuenftigeTage = 0, string status = "offen")
    {
        var jetzt = Gespeichert(clock);
        var kurs = Guid.NewGuid().ToString();
        db.Execute(
            """
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@kurs, @titel, 'Grundbegriffe und Fallarbeit', 'Diskriminierung erkennen
            Handlungsmöglichkeiten kennen', 'Schulsozialarbeit', 'praesenz', 8, 6, 'veroeffentlicht', @jetzt, @jetzt, @jetzt)
            """,
            new { kurs, titel = "Umgang mit Rassismus " + kurs[..8], jetzt });
        var termin = Guid.NewGuid().ToString();
        db.Execute(
            """
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, absage_grund, angelegt_am, geaendert_am)
            VALUES (@termin, @kurs, @kommune, 20, 5, '2020-01-01', @status, @jetzt, CASE WHEN @status = 'abgesagt' THEN 'Krankheit' END, @jetzt, @jetzt)
            """,
            new { termin, kurs, kommune, status, jetzt });
        if (trainerKonto is not null)
        {
            // A trainer leads several sessions: her record is made with the first.
            db.Execute(
                "INSERT INTO trainer (id, name, benutzername, angelegt_am) VALUES (@id, 'Dana Trainerin', @trainerKonto, @jetzt) ON CONFLICT (benutzername) DO NOTHING",
                new { id = Guid.NewGuid().ToString(), trainerKonto, jetzt });
            var trainer = db.ExecuteScalar<string>("SELECT id FROM trainer WHERE benutzername = @trainerKonto", new { trainerKonto });
            db.Execute("INSERT INTO termin_trainer (termin_id, trainer_id) VALUES (@termin, @trainer)", new { termin, trainer });
        }

        var heute = clock.LocalNow.Date;
        var tage = Enumerable.Range(1, vergangeneTage).Select(t => heute.AddDays(-t)).OrderBy(t => t)
            .Concat(Enumerable.Range(0, kuenftigeTage).Select(t => heute.AddDays(7 + t)));
        var zeiten = tage.Select(tag =>
        {
            var id = Guid.NewGuid().ToString();
            db.Execute(
                "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort) VALUES (@id, @termin, @beginn, @ende, 'Schulzentrum Erbach, Raum 12')",
                new { id, termin, beginn = Lokal(tag.AddHours(9)), ende = Lokal(tag.AddHours(12)) });
            return id;
        }).ToList();
        return new TestTermin(termin, zeiten);
    }

    /// <summary>A registration of a new person in the session, in <paramref name="status"/>.</summary>
    public static string Anmeldung(SqliteConnection db, MovableClock clock, string termin, string vorname, string nachname, string status = "angemeldet")
    {
        var jetzt = Gespeichert(clock);
        var person = Guid.NewGuid().ToString();
        db.Execute(
            "INSERT INTO teilnehmende (id, vorname, nachname, email, angelegt_am) VALUES (@person, @vorname, @nachname, @email, @jetzt)",
            new { person, vorname, nachname, email = person + "@example.invalid", jetzt });
        var id = Guid.NewGuid().ToString();
        db.Execute(
            """
            INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, warteposition, geaendert_am)
            VALUES (@id, @termin, @person, @status, @jetzt, @jetzt, CASE WHEN @status = 'warteliste' THEN 1 END, @jetzt)
            """,
            new { id, termin, person, status, jetzt });
        return id;
    }

    public static string Status(SqliteConnection db, string anmeldung)
        => db.ExecuteScalar<string>("SELECT status FROM anmeldungen WHERE id = @anmeldung", new { anmeldung })!;

    private static string Lokal(DateTime zeit) => zeit.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Gespeichert(MovableClock clock) => clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
