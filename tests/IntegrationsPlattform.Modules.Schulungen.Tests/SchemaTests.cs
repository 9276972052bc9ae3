using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>
/// The invariants the schema holds by itself, whoever writes (the module's commands, concurrent registrations, a tool):
/// capacity and waiting list, one active registration per person and session, appointments that end after they start,
/// and the session's span kept from its appointments. Written straight into the module's database file.
/// </summary>
public sealed class SchemaTests : SchulungenFixture
{
    private const string Jetzt = "2026-11-18T09:00:00Z";

    [Test]
    public void A_session_takes_registrations_up_to_its_capacity_and_waiting_list_and_not_one_more()
    {
        using var db = Open();
        var termin = NeuerTermin(db, kapazitaet: 2, maxWarteliste: 1);

        Anmelden(db, termin, "angemeldet");
        Anmelden(db, termin, "angemeldet");
        var dritteAngemeldet = Assert.Throws<SqliteException>(() => Anmelden(db, termin, "angemeldet"))!;
        var wartend = Anmelden(db, termin, "warteliste");
        var zweiteWartend = Assert.Throws<SqliteException>(() => Anmelden(db, termin, "warteliste"))!;
        var nachgerueckt = Assert.Throws<SqliteException>(() => db.Execute("UPDATE anmeldungen SET status = 'angemeldet', warteposition = NULL WHERE id = @wartend", new { wartend }))!;

        Assert.Multiple(() =>
        {
            Assert.That(dritteAngemeldet.Message, Does.Contain("termin_ausgebucht"));
            Assert.That(zweiteWartend.Message, Does.Contain("warteliste_voll"));
            Assert.That(nachgerueckt.Message, Does.Contain("termin_ausgebucht"), "moving up needs a free seat");
            Assert.That(db.ExecuteScalar<long>("SELECT count(*) FROM anmeldungen WHERE termin_id = @termin AND status = 'angemeldet'", new { termin }), Is.EqualTo(2));
        });
    }

    [Test]
    public void A_cancellation_frees_the_seat_for_the_first_waiting_person()
    {
        using var db = Open();
        var termin = NeuerTermin(db, kapazitaet: 1, maxWarteliste: 1);
        var erste = Anmelden(db, termin, "angemeldet");
        var wartend = Anmelden(db, termin, "warteliste");

        db.Execute("UPDATE anmeldungen SET status = 'abgemeldet' WHERE id = @erste", new { erste });
        db.Execute("UPDATE anmeldungen SET status = 'angemeldet', warteposition = NULL WHERE id = @wartend", new { wartend });

        Assert.That(db.ExecuteScalar<string>("SELECT status FROM anmeldungen WHERE id = @wartend", new { wartend }), Is.EqualTo("angemeldet"));
    }

    [Test]
    public void Capacity_and_waiting_list_cannot_be_lowered_below_those_registered()
    {
        using var db = Open();
        var termin = NeuerTermin(db, kapazitaet: 3, maxWarteliste: 2);
        Anmelden(db, termin, "angemeldet");
        Anmelden(db, termin, "vollstaendig");
        Anmelden(db, termin, "warteliste");

        var kapazitaet = Assert.Throws<SqliteException>(() => db.Execute("UPDATE termine SET kapazitaet = 1 WHERE id = @termin", new { termin }))!;
        var warteliste = Assert.Throws<SqliteException>(() => db.Execute("UPDATE termine SET max_warteliste = 0 WHERE id = @termin", new { termin }))!;
        db.Execute("UPDATE termine SET kapazitaet = 2, max_warteliste = 1 WHERE id = @termin", new { termin });

        Assert.Multiple(() =>
        {
            Assert.That(kapazitaet.Message, Does.Contain("kapazitaet_unter_anmeldungen"));
            Assert.That(warteliste.Message, Does.Contain("warteliste_unter_wartenden"));
            Assert.That(db.ExecuteScalar<long>("SELECT kapazitaet FROM termine WHERE id = @termin", new { termin }), Is.EqualTo(2));
        });
    }

    [Test]
    public void A_person_holds_one_active_registration_per_session_and_may_register_again_after_cancelling()
    {
        using var db = Open();
        var termin = NeuerTermin(db, kapazitaet: 5, maxWarteliste: 0);
        var person = NeuePerson(db);
        var erste = Anmelden(db, termin, "angemeldet", person);

        Assert.Throws<SqliteException>(() => Anmelden(db, termin, "angefragt", person));
        db.Execute("UPDATE anmeldungen SET status = 'abgemeldet' WHERE id = @erste", new { erste });
        Anmelden(db, termin, "angemeldet", person);

        Assert.That(db.ExecuteScalar<long>("SELECT count(*) FROM anmeldungen WHERE teilnehmende_id = @person", new { person }), Is.EqualTo(2));
    }

    [Test]
    public void Appointments_end_after_they_start_and_give_the_session_its_span()
    {
        using var db = Open();
        var termin = NeuerTermin(db, kapazitaet: 5, maxWarteliste: 0);

        Assert.Throws<SqliteException>(() => Zeit(db, termin, "2027-02-10T13:00", "2027-02-10T09:00"));
        Zeit(db, termin, "2027-02-17T09:00", "2027-02-17T16:00");
        var erste = Zeit(db, termin, "2027-02-10T09:00", "2027-02-10T16:00");
        var spanne = db.QuerySingle<(string Beginn, string Ende)>("SELECT beginnt_am, endet_am FROM termine WHERE id = @termin", new { termin });
        db.Execute("DELETE FROM termin_zeiten WHERE id = @erste", new { erste });
        var nachLoeschen = db.ExecuteScalar<string>("SELECT beginnt_am FROM termine WHERE id = @termin", new { termin });

        Assert.Multiple(() =>
        {
            Assert.That(spanne, Is.EqualTo(("2027-02-10T09:00", "2027-02-17T16:00")));
            Assert.That(nachLoeschen, Is.EqualTo("2027-02-17T09:00"));
        });
    }

    private SqliteConnection Open()
    {
        var db = ModuleDatabase();
        db.Open();
        db.Execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        return db;
    }

    private static string NeuerTermin(SqliteConnection db, int kapazitaet, int maxWarteliste)
    {
        var kurs = Guid.NewGuid().ToString();
        db.Execute(
            """
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status_seit, angelegt_am, geaendert_am)
            VALUES (@kurs, @titel, 'Beschreibung', 'Lernziele', 'Schulsozialarbeit', 'praesenz', 4, 3, @jetzt, @jetzt, @jetzt)
            """,
            new { kurs, titel = "Kurs " + kurs, jetzt = Jetzt });
        var termin = Guid.NewGuid().ToString();
        db.Execute(
            """
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@termin, @kurs, '06437006', @kapazitaet, @maxWarteliste, '2027-02-01', 'offen', @jetzt, @jetzt, @jetzt)
            """,
            new { termin, kurs, kapazitaet, maxWarteliste, jetzt = Jetzt });
        return termin;
    }

    private static string NeuePerson(SqliteConnection db)
    {
        var id = Guid.NewGuid().ToString();
        db.Execute(
            "INSERT INTO teilnehmende (id, vorname, nachname, email, angelegt_am) VALUES (@id, 'Alex', 'Beispiel', @email, @jetzt)",
            new { id, email = id + "@example.invalid", jetzt = Jetzt });
        return id;
    }

    private static string Anmelden(SqliteConnection db, string termin, string status, string? person = null)
    {
        var id = Guid.NewGuid().ToString();
        db.Execute(
            """
            INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, warteposition, geaendert_am)
            VALUES (@id, @termin, @person, @status, @jetzt, CASE WHEN @status = 'warteliste' THEN 1 END, @jetzt)
            """,
            new { id, termin, person = person ?? NeuePerson(db), status, jetzt = Jetzt });
        return id;
    }

    private static string Zeit(SqliteConnection db, string termin, string beginn, string ende)
    {
        var id = Guid.NewGuid().ToString();
        db.Execute(
            "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort) VALUES (@id, @termin, @beginn, @ende, 'Landratsamt Erbach')",
            new { id, termin, beginn, ende });
        return id;
    }
}
