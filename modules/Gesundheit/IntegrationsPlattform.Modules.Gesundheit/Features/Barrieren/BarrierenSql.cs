using System.Data;
using System.Text;
using Dapper;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>The barriers' rows with their offer's German title and the count of their measures, for the list and the detail.</summary>
internal static class BarrierenSql
{
    /// <summary>
    /// A measure that was dropped does not count: a barrier whose every measure was dropped is again one without a measure.
    /// </summary>
    private const string Auswahl = """
        SELECT b.id, b.art, b.angebot_id AS AngebotId, t.text AS AngebotTitel, b.kommune_ags AS KommuneAgs, b.sprache, b.beschreibung,
               (SELECT count(*) FROM massnahmen m WHERE m.barriere_id = b.id AND m.status <> 'verworfen') AS Massnahmen,
               (SELECT count(*) FROM massnahmen m WHERE m.barriere_id = b.id AND m.status IN ('geplant', 'laufend')) AS OffeneMassnahmen,
               b.erfasst_am AS ErfasstAm, b.erfasst_von AS ErfasstVon
        FROM barrieren b
        LEFT JOIN angebot_texte t ON t.angebot_id = b.angebot_id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'titel'
        """;

    public const string Zaehlen = "SELECT count(*) FROM barrieren b";

    public static (string Where, DynamicParameters Parameter) Bedingungen(BarriereFilter filter)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameter = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(filter.Art))
        {
            where.Append(" AND b.art = @art");
            parameter.Add("art", filter.Art);
        }

        if (!string.IsNullOrWhiteSpace(filter.Kommune))
        {
            where.Append("""
                 AND (b.kommune_ags = @kommune OR EXISTS (
                    SELECT 1 FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id
                    WHERE ao.angebot_id = b.angebot_id AND ao.fassung = 'arbeit' AND o.kommune_ags = @kommune))
                """);
            parameter.Add("kommune", filter.Kommune.Trim());
        }

        if (filter.OhneMassnahme)
        {
            where.Append(" AND NOT EXISTS (SELECT 1 FROM massnahmen m WHERE m.barriere_id = b.id AND m.status <> 'verworfen')");
        }

        return (where.ToString(), parameter);
    }

    public static async Task<IReadOnlyList<(BarriereZeile Zeile, string ErfasstVon)>> ZeilenAsync(IDbConnection connection, string bedingung, object parameter)
    {
        var rows = await connection.QueryAsync<Zeile>($"{Auswahl} {bedingung}", parameter);
        return rows.Select(r => (new BarriereZeile(
            r.Id, r.Art, Barrierenarten.Barriere(r.Art), r.AngebotId, r.AngebotTitel, r.KommuneAgs, r.Sprache, r.Beschreibung,
            (int)r.Massnahmen, (int)r.OffeneMassnahmen, r.ErfasstAm), r.ErfasstVon)).ToList();
    }

    /// <summary>
    /// A class, not a positional record: the counts are expressions without a declared type, which SQLite reports as
    /// BLOB when the result is empty, and only property mapping lets Dapper convert them.
    /// </summary>
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string Art { get; init; } = "";
        public string? AngebotId { get; init; }
        public string? AngebotTitel { get; init; }
        public string? KommuneAgs { get; init; }
        public string? Sprache { get; init; }
        public string Beschreibung { get; init; } = "";
        public long Massnahmen { get; init; }
        public long OffeneMassnahmen { get; init; }
        public string ErfasstAm { get; init; } = "";
        public string ErfasstVon { get; init; } = "";
    }
}
