namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>How well a Lotse speaks a language; better levels rank higher in matching.</summary>
internal enum Sprachniveau
{
    Grundkenntnisse = 1,
    Gut = 2,
    Verhandlungssicher = 3,
    Muttersprache = 4,
}

internal static class SprachniveauTexte
{
    public static IReadOnlyList<Sprachniveau> Alle { get; } = [Sprachniveau.Muttersprache, Sprachniveau.Verhandlungssicher, Sprachniveau.Gut, Sprachniveau.Grundkenntnisse];

    public static string Schluessel(this Sprachniveau niveau) => niveau.ToString().ToLowerInvariant();

    public static string Text(this Sprachniveau niveau) => niveau switch
    {
        Sprachniveau.Muttersprache => "Muttersprache",
        Sprachniveau.Verhandlungssicher => "verhandlungssicher",
        Sprachniveau.Gut => "gut",
        _ => "Grundkenntnisse",
    };

    public static Sprachniveau? Parse(string? schluessel) =>
        Alle.Cast<Sprachniveau?>().FirstOrDefault(n => string.Equals(n!.Value.Schluessel(), schluessel?.Trim(), StringComparison.OrdinalIgnoreCase));
}
