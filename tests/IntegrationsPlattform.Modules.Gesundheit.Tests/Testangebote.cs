using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>One public text of an offer: German, or a translation made from the German text's revision <paramref name="DeRevision"/>.</summary>
public sealed record Testtext(string Sprache, string Feld, string Text, int Revision = 1, int? DeRevision = null);

/// <summary>An invented offer as the directory shows it: one place, weekly hours, languages spoken, and its texts.</summary>
public sealed record Testangebot(string Titel)
{
    public string Kategorie { get; init; } = "impfungen";
    public string Status { get; init; } = "veroeffentlicht";
    public string KommuneAgs { get; init; } = Testangebote.Erbach;
    public bool Stufenlos { get; init; } = true;
    public bool Kostenlos { get; init; } = true;
    public bool Dolmetscher { get; init; }
    public int AlterVonMonaten { get; init; }
    public int AlterBisMonaten { get; init; } = 72;
    public string? GueltigVon { get; init; }
    public string? GueltigBis { get; init; }
    public IReadOnlyList<string> Sprachen { get; init; } = ["de"];
    public IReadOnlyList<Testtext> Texte { get; init; } = [];
}

/// <summary>
/// Invented providers and offers written straight into the module's database, in both versions (working and
/// published), so that translations and the public directory have something to show — creating offers is not the
/// workflow under test here.
/// </summary>
public static class Testangebote
{
    public const string Erbach = "06437006";
    public const string Michelstadt = "06437011";

    /// <summary>A provider organisation (the scope group of its accounts); returns its id.</summary>
    public static string Anbieter(string datenbank, string name)
    {
        var id = Guid.CreateVersion7().ToString();
        using var connection = Oeffnen(datenbank);
        connection.Execute("INSERT INTO anbieter (id, name, angelegt_am) VALUES (@id, @name, '2026-01-01T00:00:00Z')", new { id, name });
        return id;
    }

    /// <summary>Writes the offer with the German title and description (revision 1) plus its texts; returns its id.</summary>
    public static string Anlegen(string datenbank, string anbieterId, Testangebot angebot)
    {
        var id = Guid.CreateVersion7().ToString();
        var ortId = Guid.CreateVersion7().ToString();
        using var connection = Oeffnen(datenbank);
        using var tx = connection.BeginTransaction();
        var geprueft = angebot.Status is "veroeffentlicht" or "archiviert" ? "2026-01-01T00:00:00Z" : null;
        connection.Execute(
            """
            INSERT INTO angebote (id, anbieter_id, status, status_seit, geprueft_am, geprueft_von, angelegt_am, angelegt_von)
            VALUES (@id, @anbieterId, @Status, '2026-01-01T00:00:00Z', @geprueft, 'test', '2026-01-01T00:00:00Z', 'test')
            """, new { id, anbieterId, angebot.Status, geprueft }, tx);
        connection.Execute(
            """
            INSERT INTO orte (id, anbieter_id, name, strasse, plz, ort, kommune_ags, stufenlos, angelegt_am)
            VALUES (@ortId, @anbieterId, 'Gesundheitsamt', 'Michelstädter Straße 12', '64711', 'Erbach', @KommuneAgs, @Stufenlos, '2026-01-01T00:00:00Z')
            """, new { ortId, anbieterId, angebot.KommuneAgs, angebot.Stufenlos }, tx);
        var deutsch = new[] { new Testtext("de", "titel", angebot.Titel), new Testtext("de", "beschreibung", $"Worum es bei „{angebot.Titel}“ geht.") };
        foreach (var fassung in new[] { "arbeit", "veroeffentlicht" })
        {
            connection.Execute(
                """
                INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, alter_von_monate, alter_bis_monate, kostenlos, dolmetscher_auf_anfrage,
                                               gueltig_von, gueltig_bis, geaendert_am, geaendert_von)
                VALUES (@id, @fassung, @Kategorie, @AlterVonMonaten, @AlterBisMonaten, @Kostenlos, @Dolmetscher, @GueltigVon, @GueltigBis, '2026-01-01T00:00:00Z', 'test')
                """, new { id, fassung, angebot.Kategorie, angebot.AlterVonMonaten, angebot.AlterBisMonaten, angebot.Kostenlos, angebot.Dolmetscher, angebot.GueltigVon, angebot.GueltigBis }, tx);
            connection.Execute("INSERT INTO angebot_orte (angebot_id, fassung, ort_id) VALUES (@id, @fassung, @ortId)", new { id, fassung, ortId }, tx);
            connection.Execute(
                """
                INSERT INTO oeffnungszeiten (id, angebot_id, fassung, ort_id, freq, byday, opens_at, closes_at)
                VALUES (@zeitId, @id, @fassung, @ortId, 'WEEKLY', 'TU,TH', '09:00', '12:00')
                """, new { zeitId = ortId, id, fassung, ortId }, tx);
            foreach (var sprache in angebot.Sprachen)
            {
                connection.Execute("INSERT INTO angebot_sprachen (angebot_id, fassung, sprache) VALUES (@id, @fassung, @sprache)", new { id, fassung, sprache }, tx);
            }

            foreach (var text in deutsch.Where(d => !angebot.Texte.Any(t => t.Sprache == "de" && t.Feld == d.Feld)).Concat(angebot.Texte))
            {
                connection.Execute(
                    """
                    INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, de_revision, geaendert_am, geaendert_von)
                    VALUES (@id, @fassung, @Sprache, @Feld, @Text, @Revision, @deRevision, '2026-01-01T00:00:00Z', 'test')
                    """, new { id, fassung, text.Sprache, text.Feld, text.Text, text.Revision, deRevision = text.Sprache == "de" ? (int?)null : text.DeRevision ?? 1 }, tx);
            }
        }

        tx.Commit();
        return id;
    }

    /// <summary>Staff change a German text of the working version: its revision goes up, so its translations are outdated.</summary>
    public static void DeutschGeaendert(string datenbank, string angebotId, string feld, string text)
    {
        using var connection = Oeffnen(datenbank);
        connection.Execute(
            "UPDATE angebot_texte SET text = @text, revision = revision + 1 WHERE angebot_id = @angebotId AND fassung = 'arbeit' AND sprache = 'de' AND feld = @feld",
            new { angebotId, feld, text });
    }

    private static SqliteConnection Oeffnen(string datenbank)
    {
        var connection = new SqliteConnection($"Data Source={datenbank};Pooling=False;Foreign Keys=True");
        connection.Open();
        return connection;
    }
}
