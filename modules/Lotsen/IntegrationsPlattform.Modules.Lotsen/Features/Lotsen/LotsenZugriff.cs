using System.Text;
using Dapper;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>
/// Who may see or change which Lotse: everyone (scope All), the Lotsen serving one of the granted
/// municipalities, or only one's own record (the Lotse's platform account). Without the permission: nobody.
/// </summary>
internal static class LotsenZugriff
{
    private static readonly PermissionScope Niemand = new(ScopeKind.Municipalities, new HashSet<string>());

    public static PermissionScope Reichweite(ICurrentUser user, string permission) => user.ScopeOf(permission) ?? Niemand;

    public static bool Deckt(PermissionScope scope, IEnumerable<string> kommunen, string? benutzername, string? userName) => scope.Kind switch
    {
        ScopeKind.All => true,
        ScopeKind.Municipalities => kommunen.Any(scope.MunicipalityAgs.Contains),
        _ => benutzername is not null && string.Equals(benutzername, userName, StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The SQL condition on <c>lotsen l</c> for the scope, with its parameters added.</summary>
    public static string Bedingung(PermissionScope scope, string? userName, DynamicParameters parameters)
    {
        switch (scope.Kind)
        {
            case ScopeKind.All:
                return "1 = 1";
            case ScopeKind.Municipalities:
                parameters.Add("scopeAgs", scope.MunicipalityAgs.ToArray());
                return "EXISTS (SELECT 1 FROM lotse_kommunen z WHERE z.lotse_id = l.id AND z.ags IN @scopeAgs)";
            default:
                parameters.Add("ich", userName ?? "");
                return "l.benutzername = @ich COLLATE NOCASE";
        }
    }
}

/// <summary>The WHERE clause of the Lotsen search, built from the filters that are set (so SQLite can use the indexes of the set ones).</summary>
internal static class LotsenSql
{
    public static (string Where, DynamicParameters Parameters) Bedingungen(LotsenFilter filter, PermissionScope scope, string? userName)
    {
        var p = new DynamicParameters();
        var where = new StringBuilder(LotsenZugriff.Bedingung(scope, userName, p));
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
