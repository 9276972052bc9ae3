namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>The kinds of institution outreach material is handed to; the keys are those of the table's CHECK constraint.</summary>
internal static class Einrichtungsarten
{
    public static readonly IReadOnlyDictionary<string, string> Alle = new Dictionary<string, string>
    {
        ["kita"] = "Kita",
        ["schule"] = "Schule",
        ["arzt"] = "Arztpraxis",
        ["beirat"] = "Beirat",
        ["sonstige"] = "sonstige Einrichtung",
    };

    public static string Text(string art) => Alle.GetValueOrDefault(art, art);
}
