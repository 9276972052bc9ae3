using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>The SQL of the Träger list, shared by the page/API list and the CSV export.</summary>
internal static class TraegerFilter
{
    public const string Where = """
        WHERE (@status IS NULL OR t.status = @status)
          AND (@kommune IS NULL OR EXISTS (SELECT 1 FROM traeger_kommunen k WHERE k.traeger_id = t.id AND k.ags = @kommune))
          AND (@suche IS NULL OR t.name LIKE '%' || @suche || '%' ESCAPE '\')
        """;

    public static object Parameter(string? status, string? kommune, string? suche) => new
    {
        status = string.IsNullOrEmpty(status) ? null : status,
        kommune = string.IsNullOrEmpty(kommune) ? null : kommune,
        suche = string.IsNullOrWhiteSpace(suche) ? null : suche.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"),
    };

    /// <summary>For the audit trail: which filters, never the search text itself.</summary>
    public static string Beschreibung(string? status, string? kommune, string? suche, int treffer)
        => $"Filter Status={(string.IsNullOrEmpty(status) ? "alle" : status)}, Kommune={(string.IsNullOrEmpty(kommune) ? "alle" : kommune)}, Namenssuche={(string.IsNullOrWhiteSpace(suche) ? "nein" : "ja")}, {treffer} Treffer";

    /// <summary>The municipalities each Träger could cover, and those of its agreement running on <paramref name="heute"/>.</summary>
    public static async Task<(ILookup<string, string> Kommunen, ILookup<string, string> Aktiv)> KommunenAsync(SqliteConnection connection, IReadOnlyList<string> ids, string heute)
    {
        var kommunen = await connection.QueryAsync<(string TraegerId, string Ags)>(
            "SELECT traeger_id, ags FROM traeger_kommunen WHERE traeger_id IN @ids ORDER BY ags", new { ids });
        var aktiv = await connection.QueryAsync<(string TraegerId, string Ags)>(
            $"""
            SELECT v.traeger_id, vk.ags FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id
            WHERE vk.aktiv = 1 AND {Vereinbarungsende.Laeuft("v")} AND v.traeger_id IN @ids ORDER BY vk.ags
            """, new { ids, heute });
        return (kommunen.ToLookup(k => k.TraegerId, k => k.Ags), aktiv.ToLookup(k => k.TraegerId, k => k.Ags));
    }
}
