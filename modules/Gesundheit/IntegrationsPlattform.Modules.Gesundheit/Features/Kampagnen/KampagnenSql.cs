using System.Data;
using System.Text;
using Dapper;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>The campaigns' rows with their municipalities and linked hand-outs, for the list, the detail and the linkable records.</summary>
internal static class KampagnenSql
{
    private const string Auswahl = """
        SELECT k.id, k.titel, k.beginn, k.ende, k.status, k.status_seit AS StatusSeit,
               (SELECT group_concat(kk.kommune_ags) FROM kampagne_kommunen kk WHERE kk.kampagne_id = k.id) AS Kommunen,
               (SELECT count(*) FROM materialausgaben m WHERE m.kampagne_id = k.id) AS Ausgaben,
               (SELECT coalesce(sum(m.anzahl), 0) FROM materialausgaben m WHERE m.kampagne_id = k.id) AS Stueck
        FROM kampagnen k
        """;

    public const string Zaehlen = "SELECT count(*) FROM kampagnen k";

    public static (string Where, DynamicParameters Parameter) Bedingungen(KampagneFilter filter)
    {
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameter = new DynamicParameters();
        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            where.Append(" AND k.status = @status");
            parameter.Add("status", filter.Status.Trim());
        }

        if (!string.IsNullOrWhiteSpace(filter.Kommune))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM kampagne_kommunen kk WHERE kk.kampagne_id = k.id AND kk.kommune_ags = @kommune)");
            parameter.Add("kommune", filter.Kommune.Trim());
        }

        return (where.ToString(), parameter);
    }

    public static async Task<IReadOnlyList<KampagneZeile>> ZeilenAsync(IDbConnection connection, string bedingung, object parameter)
    {
        var rows = await connection.QueryAsync<Zeile>($"{Auswahl} {bedingung}", parameter);
        return rows.Select(r => new KampagneZeile(
            r.Id, r.Titel, r.Beginn, r.Ende, (r.Kommunen ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Order().ToList(),
            r.Status, Lebenszyklen.Kampagne.Label(r.Status), r.StatusSeit, (int)r.Ausgaben, r.Stueck)).ToList();
    }

    /// <summary>A class, not a positional record: the sub-query columns have no declared type (see <c>BarrierenSql</c>).</summary>
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string Titel { get; init; } = "";
        public string Beginn { get; init; } = "";
        public string? Ende { get; init; }
        public string Status { get; init; } = "";
        public string StatusSeit { get; init; } = "";
        public string? Kommunen { get; init; }
        public long Ausgaben { get; init; }
        public long Stueck { get; init; }
    }
}
