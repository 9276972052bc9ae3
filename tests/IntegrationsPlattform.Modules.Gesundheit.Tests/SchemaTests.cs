using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>
/// The rules the schema itself keeps, whatever code writes (the public directory and the HSDS export read these
/// tables directly): a row that breaks one is refused by the database.
/// </summary>
public sealed class SchemaTests : GesundheitFixture
{
    private const string Anbieter = "0193e7a0-0000-7000-8000-0000000000a1";
    private const string Angebot = "0193e7a0-0000-7000-8000-0000000000b1";

    [OneTimeSetUp]
    public void InsertOfferWithWorkingVersion()
    {
        using var connection = ModuleDatabase();
        connection.Execute(
            """
            INSERT INTO anbieter (id, name, angelegt_am) VALUES (@Anbieter, 'Schema-Anbieter', '2026-01-01T00:00:00Z');
            INSERT INTO angebote (id, anbieter_id, status_seit, angelegt_am, angelegt_von)
                VALUES (@Angebot, @Anbieter, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test');
            INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, geaendert_am, geaendert_von)
                VALUES (@Angebot, 'arbeit', 'impfungen', '2026-01-01T00:00:00Z', 'test');
            """,
            new { Anbieter, Angebot });
    }

    private static readonly TestCaseData[] Verstoesse =
    [
        new TestCaseData("UPDATE angebot_fassungen SET alter_von_monate = 36, alter_bis_monate = 12 WHERE angebot_id = @Angebot")
            .SetName("Age range reversed"),
        new TestCaseData("UPDATE angebot_fassungen SET alter_bis_monate = 217 WHERE angebot_id = @Angebot")
            .SetName("Age beyond 18 years"),
        new TestCaseData("UPDATE angebot_fassungen SET gueltig_von = '2027-02-01', gueltig_bis = '2027-01-31' WHERE angebot_id = @Angebot")
            .SetName("Valid to before valid from"),
        new TestCaseData("UPDATE angebote SET status = 'veroeffentlicht' WHERE id = @Angebot")
            .SetName("Published without a review"),
        new TestCaseData("UPDATE angebote SET aenderung_status = 'zur_pruefung' WHERE id = @Angebot")
            .SetName("A change waiting for review of an offer not published"),
        new TestCaseData("UPDATE angebote SET status = 'geloescht' WHERE id = @Angebot")
            .SetName("Unknown status"),
        new TestCaseData("INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, geaendert_am, geaendert_von) VALUES (@Angebot, 'entwurf', 'impfungen', 'x', 'test')")
            .SetName("A third version"),
        new TestCaseData("INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, geaendert_am, geaendert_von) VALUES (@Angebot, 'arbeit', 'ar', 'titel', 'تطعيم', 'x', 'test')")
            .SetName("A translation without the German revision it was made from"),
        new TestCaseData("INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, geaendert_am, geaendert_von) VALUES (@Angebot, 'arbeit', 'DE', 'titel', 'Impftag', 'x', 'test')")
            .SetName("A language code not in lower case"),
        new TestCaseData("INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, geaendert_am, geaendert_von) VALUES (@Angebot, 'veroeffentlicht', 'de', 'titel', 'Impftag', 'x', 'test')")
            .SetName("A text of a version that does not exist"),
        new TestCaseData("INSERT INTO oeffnungszeiten (id, angebot_id, fassung, freq, byday, opens_at, closes_at) VALUES ('z1', @Angebot, 'arbeit', 'WEEKLY', 'MO', '12:00', '09:00')")
            .SetName("Closing before opening"),
        new TestCaseData("INSERT INTO oeffnungszeiten (id, angebot_id, fassung, opens_at, closes_at) VALUES ('z2', @Angebot, 'arbeit', '09:00', '12:00')")
            .SetName("Opening time neither a rule nor a day"),
        new TestCaseData("INSERT INTO barrieren (id, art, beschreibung, erfasst_am, erfasst_von) VALUES ('b1', 'sprache', 'Flyer nur deutsch', 'x', 'test')")
            .SetName("A barrier of neither an offer nor a municipality"),
    ];

    [TestCaseSource(nameof(Verstoesse))]
    public void The_database_refuses(string sql)
    {
        using var connection = ModuleDatabase();
        connection.Open();
        connection.Execute("PRAGMA foreign_keys = ON");

        Assert.That(() => connection.Execute(sql, new { Angebot }), Throws.InstanceOf<SqliteException>());
    }

    [Test]
    public void A_translation_records_the_German_revision_and_is_outdated_when_the_German_text_moved_on()
    {
        using var connection = ModuleDatabase();
        connection.Open();
        connection.Execute(
            """
            INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, geaendert_am, geaendert_von)
                VALUES (@Angebot, 'arbeit', 'de', 'beschreibung', 'Impfberatung', 2, 'x', 'test');
            INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, de_revision, geaendert_am, geaendert_von)
                VALUES (@Angebot, 'arbeit', 'tr', 'beschreibung', 'Aşı danışmanlığı', 1, 'x', 'test');
            """,
            new { Angebot });

        var veraltet = connection.Query<string>(
            """
            SELECT t.sprache FROM angebot_texte t
            JOIN angebot_texte de ON de.angebot_id = t.angebot_id AND de.fassung = t.fassung AND de.feld = t.feld AND de.sprache = 'de'
            WHERE t.angebot_id = @Angebot AND t.de_revision < de.revision
            """,
            new { Angebot });

        Assert.That(veraltet, Is.EqualTo(new[] { "tr" }));
    }
}
