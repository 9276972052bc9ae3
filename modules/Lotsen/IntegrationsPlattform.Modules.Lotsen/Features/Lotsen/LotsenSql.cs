using Dapper;
using IntegrationsPlattform.Contracts.Security;
using System.Text;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>The WHERE clause of the Lotsen search, built from the filters that are set (so SQLite can use the indexes of the set ones).</summary>
internal static class LotsenSql
{
    public static (string Where, DynamicParameters Parameters) Bedingungen(LotsenFilter filter, RecordScope sicht)
    {
        var p = new DynamicParameters();
        // A Lotse serves one or more municipalities; her own record is the one whose user name is her account's (case ignored).
        var where = new StringBuilder(sicht.SqlCondition(ags => $"EXISTS (SELECT 1 FROM lotse_kommunen z WHERE z.lotse_id = l.id AND z.ags IN {ags})", "l.benutzername COLLATE NOCASE", p));
        if (Gesetzt(filter.Status) is { } status)
        {
            where.Append(" AND l.status = @status");
            p.Add("status", status);
        }

        if (Gesetzt(filter.Sprache) is { } sprache)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM lotse_sprachen s WHERE s.code = @sprache AND s.lotse_id = l.id)");
            p.Add("sprache", sprache.ToLowerInvariant());
        }

        if (Gesetzt(filter.Kommune) is { } kommune)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM lotse_kommunen k WHERE k.ags = @kommune AND k.lotse_id = l.id)");
            p.Add("kommune", kommune);
        }

        if (Gesetzt(filter.Thema) is { } thema)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM lotse_themen t WHERE t.thema = @thema AND t.lotse_id = l.id)");
            p.Add("thema", thema);
        }

        if (Gesetzt(filter.Qualifikation) is { } qualifikation)
        {
            where.Append(" AND EXISTS (SELECT 1 FROM lotse_qualifikationen q WHERE q.art = @qualifikation AND q.lotse_id = l.id)");
            p.Add("qualifikation", qualifikation);
        }

        if (Gesetzt(filter.Name) is { } name)
        {
            where.Append(" AND (l.nachname LIKE @name ESCAPE '\\' OR l.vorname LIKE @name ESCAPE '\\' OR (l.vorname || ' ' || l.nachname) LIKE @name ESCAPE '\\')");
            p.Add("name", "%" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        }

        return (where.ToString(), p);
    }

    private static string? Gesetzt(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
