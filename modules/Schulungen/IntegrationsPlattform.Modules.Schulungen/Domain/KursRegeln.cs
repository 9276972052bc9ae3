namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>What a course in the catalogue may hold; the limits are those of the table's CHECK constraints.</summary>
internal static class KursRegeln
{
    public const int TitelMax = 200;
    public const int BeschreibungMax = 4000;
    public const int LernzieleMax = 4000;
    public const int ZielgruppeMax = 500;
    public const int VoraussetzungenMax = 2000;
    public const int EinheitenMax = 200;
    public const decimal StundenMax = 200;

    /// <summary>How a course is held: key as stored, German label.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Formate =
    [
        ("praesenz", "Präsenz"),
        ("online", "online"),
        ("hybrid", "hybrid"),
    ];

    public static string FormatText(string key) => Formate.FirstOrDefault(f => f.Key == key).Label ?? key;

    public static bool IstFormat(string? key) => Formate.Any(f => f.Key == key);

    /// <summary>Hours are given in quarter hours at the finest (a training of 1,25 hours, never of 1,3).</summary>
    public static bool IstStundenwert(decimal stunden) => stunden > 0 && stunden <= StundenMax && stunden * 4 == decimal.Truncate(stunden * 4);
}
