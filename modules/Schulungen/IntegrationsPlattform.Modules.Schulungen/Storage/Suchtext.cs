namespace IntegrationsPlattform.Modules.Schulungen.Storage;

/// <summary>A search text for <c>LIKE '%' || @suche || '%' ESCAPE '\'</c>: its own wildcards taken literally.</summary>
internal static class Suchtext
{
    public static string? Like(string? suche)
        => string.IsNullOrWhiteSpace(suche)
            ? null
            : suche.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
