using System.Data;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

/// <summary>What the public directory's queries share: which offers the public sees, and their texts in the visitor's language.</summary>
internal static class VerzeichnisSql
{
    /// <summary>
    /// The offers (alias <c>a</c>, version <c>f</c>) the public sees on the host's date <c>@heute</c>: published,
    /// in their reviewed version (a change waiting for review stays hidden), valid on that day.
    /// </summary>
    public const string Sichtbar = """
        a.status = 'veroeffentlicht' AND f.angebot_id = a.id AND f.fassung = 'veroeffentlicht'
        AND (f.gueltig_von IS NULL OR f.gueltig_von <= @heute) AND (f.gueltig_bis IS NULL OR f.gueltig_bis >= @heute)
        """;

    /// <summary>The published texts of the offers, each in the visitor's language where translated, else German.</summary>
    public static async Task<Dictionary<string, Dictionary<string, Oeffentlich>>> TexteAsync(IDbConnection connection, IReadOnlyCollection<string> ids, string sprache, string? nurFeld = null)
    {
        var zeilen = await connection.QueryAsync<(string AngebotId, string Feld, string Sprache, string Text)>(
            """
            SELECT angebot_id, feld, sprache, text FROM angebot_texte
            WHERE fassung = 'veroeffentlicht' AND angebot_id IN @ids AND sprache IN ('de', @sprache) AND (@nurFeld IS NULL OR feld = @nurFeld)
            """, new { ids, sprache, nurFeld });
        return zeilen.GroupBy(z => z.AngebotId).ToDictionary(
            angebot => angebot.Key,
            angebot => angebot.GroupBy(z => z.Feld).ToDictionary(
                feld => feld.Key,
                feld => feld.OrderBy(z => z.Sprache == Languages.German.Code && sprache != Languages.German.Code).Select(z => new Oeffentlich(z.Text, z.Sprache)).First()));
    }

    /// <summary>A LIKE pattern that finds the text anywhere, with the wildcards of the input taken literally (<c>ESCAPE '\'</c>).</summary>
    public static string Enthaelt(string text)
        => "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
