using System.Data;
using System.Text;
using Dapper;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>The hand-outs' rows with their languages and campaign title, for the list and a campaign's page.</summary>
internal static class MaterialausgabenSql
{
    private const string Auswahl = """
        SELECT m.id, m.material, m.einrichtung_art AS EinrichtungArt, m.einrichtung, m.kommune_ags AS KommuneAgs, m.anzahl, m.datum,
               m.kampagne_id AS KampagneId, k.titel AS KampagneTitel,
               (SELECT group_concat(s.sprache) FROM materialausgabe_sprachen s WHERE s.ausgabe_id = m.id) AS Sprachen
        FROM materialausgaben m LEFT JOIN kampagnen k ON k.id = m.kampagne_id
        """;

    public const string Zaehlen = "SELECT count(*) FROM materialausgaben m";

    /// <summary>The filter as SQL; the days are checked by the caller's validator (<c>yyyy-MM-dd</c> compares as text).</summary>
    public static (string Where, DynamicParameters Parameter) Bedingungen(MaterialausgabeFilter filter)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameter = new DynamicParameters();
        void Und(string? wert, string name, string bedingung)
        {
            if (!string.IsNullOrWhiteSpace(wert))
            {
                where.Append(" AND ").Append(bedingung);
                parameter.Add(name, wert.Trim().ToLowerInvariant());
            }
        }

        Und(filter.Kommune, "kommune", "m.kommune_ags = @kommune");
        Und(filter.EinrichtungArt, "art", "m.einrichtung_art = @art");
        Und(filter.Sprache, "sprache", "EXISTS (SELECT 1 FROM materialausgabe_sprachen s WHERE s.ausgabe_id = m.id AND s.sprache = @sprache)");
        Und(filter.Kampagne, "kampagne", "m.kampagne_id = @kampagne");
        Und(filter.Von, "von", "m.datum >= @von");
        Und(filter.Bis, "bis", "m.datum <= @bis");
        return (where.ToString(), parameter);
    }

    public static async Task<IReadOnlyList<MaterialausgabeZeile>> ZeilenAsync(IDbConnection connection, string bedingung, object parameter)
    {
        var rows = await connection.QueryAsync<Zeile>($"{Auswahl} {bedingung}", parameter);
        return rows.Select(r => new MaterialausgabeZeile(
            r.Id, r.Material, (r.Sprachen ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Order().ToList(), r.EinrichtungArt,
            Einrichtungsarten.Text(r.EinrichtungArt), r.Einrichtung, r.KommuneAgs, (int)r.Anzahl, r.Datum, r.KampagneId, r.KampagneTitel)).ToList();
    }

    /// <summary>A class, not a positional record: the sub-query column has no declared type (see <c>BarrierenSql</c>).</summary>
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string Material { get; init; } = "";
        public string EinrichtungArt { get; init; } = "";
        public string? Einrichtung { get; init; }
        public string KommuneAgs { get; init; } = "";
        public long Anzahl { get; init; }
        public string Datum { get; init; } = "";
        public string? KampagneId { get; init; }
        public string? KampagneTitel { get; init; }
        public string? Sprachen { get; init; }
    }
}
