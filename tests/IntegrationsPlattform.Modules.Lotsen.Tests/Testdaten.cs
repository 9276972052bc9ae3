using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Invented Lotsen written straight into the module database, so that request and matching tests start from a known registry.</summary>
internal static class Testdaten
{
    public const string Erbach = "06437006";
    public const string Michelstadt = "06437011";
    public const string BadKoenig = "06437001";

    public sealed record Lotse(
        string Vorname,
        string Status = "aktiv",
        (string Code, string Niveau)[]? Sprachen = null,
        string[]? Kommunen = null,
        string[]? Themen = null,
        (int Wochentag, string Von, string Bis)[]? Fenster = null,
        bool Basisqualifizierung = true,
        string? Benutzername = null,
        string? Email = null);

    public static string Anlegen(SqliteConnection connection, Lotse lotse)
    {
        var id = Guid.CreateVersion7().ToString();
        connection.Execute(
            """
            INSERT INTO lotsen (id, vorname, nachname, email, wohnort_ags, status, status_seit, vermittelt_durch, benutzername,
                                einwilligung_am, einwilligung_version, einwilligung_bis, angelegt_am, geaendert_am)
            VALUES (@id, @vorname, 'Test', @email, @ags, @status, '2026-01-01T00:00:00Z', 'ehrenamtsagentur', @benutzername,
                    '2026-01-01', '2026-01', '2028-01-01', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')
            """,
            new { id, vorname = lotse.Vorname, email = lotse.Email, ags = Erbach, status = lotse.Status, benutzername = lotse.Benutzername });
        foreach (var (code, niveau) in lotse.Sprachen ?? [("ar", "muttersprache")])
        {
            connection.Execute("INSERT INTO lotse_sprachen (lotse_id, code, niveau) VALUES (@id, @code, @niveau)", new { id, code, niveau });
        }

        foreach (var ags in lotse.Kommunen ?? [Erbach])
        {
            connection.Execute("INSERT INTO lotse_kommunen (lotse_id, ags) VALUES (@id, @ags)", new { id, ags });
        }

        foreach (var thema in lotse.Themen ?? ["behoerden"])
        {
            connection.Execute("INSERT INTO lotse_themen (lotse_id, thema) VALUES (@id, @thema)", new { id, thema });
        }

        foreach (var (tag, von, bis) in lotse.Fenster ?? [(2, "09:00", "12:00")])
        {
            connection.Execute("INSERT INTO lotse_verfuegbarkeit (lotse_id, wochentag, von, bis) VALUES (@id, @tag, @von, @bis)", new { id, tag, von, bis });
        }

        if (lotse.Basisqualifizierung)
        {
            connection.Execute(
                "INSERT INTO lotse_qualifikationen (id, lotse_id, art, datum, anbieter, angelegt_am) VALUES (@qid, @id, 'basisqualifizierung', '2026-02-01', 'Land Hessen', '2026-02-01T00:00:00Z')",
                new { qid = Guid.CreateVersion7().ToString(), id });
        }

        return id;
    }

    /// <summary>The next given weekday at least <paramref name="abstandTage"/> days from today.</summary>
    public static DateOnly Naechster(DayOfWeek tag, int abstandTage = 7)
    {
        var d = TestClock.Today.AddDays(abstandTage);
        while (d.DayOfWeek != tag)
        {
            d = d.AddDays(1);
        }

        return d;
    }

    /// <summary>The latest given weekday at least <paramref name="abstandTage"/> days ago.</summary>
    public static DateOnly Letzter(DayOfWeek tag, int abstandTage = 7)
    {
        var d = TestClock.Today.AddDays(-abstandTage);
        while (d.DayOfWeek != tag)
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    public static object Anfrage(string kennung = "A.B.", string[]? sprachen = null, string kommune = Erbach, string thema = "behoerden", DateOnly? von = null, DateOnly? bis = null)
    {
        var start = von ?? Naechster(DayOfWeek.Tuesday);
        return new
        {
            kennung,
            sprachen = sprachen ?? ["ar"],
            thema,
            ziel = "Ausländerbehörde",
            kommuneAgs = kommune,
            datumVon = start.ToString("yyyy-MM-dd"),
            datumBis = (bis ?? start.AddDays(6)).ToString("yyyy-MM-dd"),
            vermitteltDurch = "jobcenter",
        };
    }
}
