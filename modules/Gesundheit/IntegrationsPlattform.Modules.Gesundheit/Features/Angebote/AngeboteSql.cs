using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>The staff list's WHERE clause over <c>angebote a</c> and the working version <c>f</c>, built from the filters that are set.</summary>
internal static class AngeboteSql
{
    /// <summary>The offers whose working version has a place in one of the municipalities of the parameter named.</summary>
    public static string InKommunen(string parameter)
        => $"EXISTS (SELECT 1 FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.angebot_id = a.id AND ao.fassung = 'arbeit' AND o.kommune_ags IN {parameter})";

    public static (string Where, DynamicParameters Parameters) Bedingungen(AngebotFilter filter, RecordScope sicht, DateOnly heute)
    {
        var p = new DynamicParameters();
        var where = new StringBuilder("WHERE " + sicht.SqlCondition(InKommunen, ownerColumn: null, p, groupColumn: "a.anbieter_id"));
        if (AngebotSchreiben.Sauber(filter.Suche) is { } suche)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM angebot_texte t WHERE t.angebot_id = a.id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'titel' AND t.text LIKE @suche ESCAPE '\\')");
            p.Add("suche", "%" + suche.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        if (AngebotSchreiben.Sauber(filter.Kategorie) is { } kategorie)
        {
            where.Append(" AND f.kategorie = @kategorie");
            p.Add("kategorie", kategorie);
        }

        if (AngebotSchreiben.Sauber(filter.Status) is { } status)
        {
            where.Append(" AND a.status = @status");
            p.Add("status", status);
        }

        if (AngebotSchreiben.Sauber(filter.Kommune) is { } kommune)
        {
            where.Append(" AND " + InKommunen("(@kommune)"));
            p.Add("kommune", kommune);
        }

        if (AngebotSchreiben.Sauber(filter.Sprache) is { } sprache)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM angebot_sprachen s WHERE s.angebot_id = a.id AND s.fassung = 'arbeit' AND s.sprache = @sprache)");
            p.Add("sprache", sprache.ToLowerInvariant());
        }

        if (AngebotSchreiben.Sauber(filter.Anbieter) is { } anbieter)
        {
            where.Append(" AND a.anbieter_id = @anbieter");
            p.Add("anbieter", anbieter);
        }

        if (filter.Faellig)
        {
            // geprueft_am is a UTC instant; comparing its day with the due day is exact to the day, which is all the flag says.
            where.Append(" AND a.status = 'veroeffentlicht' AND substr(a.geprueft_am, 1, 10) <= @faelligBis");
            p.Add("faelligBis", GermanFormat.StoredDay(heute.AddMonths(-AngebotRegeln.PruefungFaelligNachMonaten)));
        }

        return (where.ToString(), p);
    }

    /// <summary>
    /// The list's rows with title and provider; the caller appends WHERE, ORDER and LIMIT. Only plain columns: an
    /// expression column of an empty result has no type SQLite can tell, and Dapper would map it as bytes.
    /// </summary>
    public const string Zeilen =
        """
        SELECT a.id, t.text AS Titel, a.anbieter_id AS AnbieterId, n.name AS AnbieterName, f.kategorie, a.status,
            a.aenderung_status AS AenderungStatus, a.geprueft_am AS GeprueftAm
        FROM angebote a
        JOIN angebot_fassungen f ON f.angebot_id = a.id AND f.fassung = 'arbeit'
        JOIN anbieter n ON n.id = a.anbieter_id
        LEFT JOIN angebot_texte t ON t.angebot_id = a.id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'titel'
        """;

    public const string Zaehlen = "SELECT count(*) FROM angebote a JOIN angebot_fassungen f ON f.angebot_id = a.id AND f.fassung = 'arbeit'";

    private sealed record Zeile(string Id, string? Titel, string AnbieterId, string AnbieterName, string Kategorie, string Status, string? AenderungStatus, string? GeprueftAm);

    /// <summary>The rows of the list (<paramref name="rest"/>: WHERE, ORDER, LIMIT) with their municipalities and whether a review is due.</summary>
    public static async Task<IReadOnlyList<AngebotZeile>> ZeilenAsync(
        SqliteConnection connection, string rest, DynamicParameters parameter, GesundheitSettings settings, ILocalClock clock)
    {
        var rows = (await connection.QueryAsync<Zeile>($"{Zeilen} {rest}", parameter)).ToList();
        var kommunen = (await connection.QueryAsync<(string AngebotId, string Ags)>(
                "SELECT DISTINCT ao.angebot_id, o.kommune_ags FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.fassung = 'arbeit' AND ao.angebot_id IN @ids ORDER BY o.kommune_ags",
                new { ids = rows.Select(r => r.Id).ToArray() }))
            .ToLookup(k => k.AngebotId, k => k.Ags);
        return rows.Select(r => new AngebotZeile(
                r.Id, r.Titel ?? "", r.AnbieterId, r.AnbieterName, r.Kategorie, settings.KategorieText(r.Kategorie), r.Status, Lebenszyklen.Angebot.Label(r.Status),
                r.AenderungStatus, kommunen[r.Id].ToList(), r.GeprueftAm, PruefungFaellig(r.Status, r.GeprueftAm, clock)))
            .ToList();
    }

    public static bool PruefungFaellig(string status, string? geprueftAm, ILocalClock clock)
        => AngebotRegeln.PruefungFaellig(status, geprueftAm is null ? null : DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(geprueftAm)).DateTime), clock.Today);
}
