namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>
/// The languages a Lotse may speak or a request may need: ISO 639-1 codes where one exists, ISO 639-3
/// for languages without one (Dari, Kurmanji, Sorani …), with their German names. The list covers the
/// languages of the people who arrive in Hessen; a code not in it is refused rather than stored unchecked.
/// </summary>
internal static class Sprachen
{
    private static readonly Dictionary<string, string> Namen = new(StringComparer.Ordinal)
    {
        ["de"] = "Deutsch",
        ["en"] = "Englisch",
        ["fr"] = "Französisch",
        ["es"] = "Spanisch",
        ["it"] = "Italienisch",
        ["pt"] = "Portugiesisch",
        ["nl"] = "Niederländisch",
        ["el"] = "Griechisch",
        ["pl"] = "Polnisch",
        ["cs"] = "Tschechisch",
        ["sk"] = "Slowakisch",
        ["hu"] = "Ungarisch",
        ["ro"] = "Rumänisch",
        ["bg"] = "Bulgarisch",
        ["hr"] = "Kroatisch",
        ["sr"] = "Serbisch",
        ["bs"] = "Bosnisch",
        ["sq"] = "Albanisch",
        ["mk"] = "Mazedonisch",
        ["sl"] = "Slowenisch",
        ["ru"] = "Russisch",
        ["uk"] = "Ukrainisch",
        ["be"] = "Belarussisch",
        ["lt"] = "Litauisch",
        ["lv"] = "Lettisch",
        ["et"] = "Estnisch",
        ["tr"] = "Türkisch",
        ["ku"] = "Kurdisch",
        ["kmr"] = "Kurmandschi",
        ["ckb"] = "Sorani",
        ["ar"] = "Arabisch",
        ["fa"] = "Persisch (Farsi)",
        ["prs"] = "Dari",
        ["ps"] = "Paschtu",
        ["ur"] = "Urdu",
        ["hi"] = "Hindi",
        ["pa"] = "Panjabi",
        ["bn"] = "Bengalisch",
        ["ta"] = "Tamil",
        ["ne"] = "Nepali",
        ["hy"] = "Armenisch",
        ["ka"] = "Georgisch",
        ["az"] = "Aserbaidschanisch",
        ["uz"] = "Usbekisch",
        ["tg"] = "Tadschikisch",
        ["he"] = "Hebräisch",
        ["ti"] = "Tigrinya",
        ["am"] = "Amharisch",
        ["so"] = "Somali",
        ["om"] = "Oromo",
        ["sw"] = "Swahili",
        ["ha"] = "Hausa",
        ["yo"] = "Yoruba",
        ["ig"] = "Igbo",
        ["wo"] = "Wolof",
        ["ln"] = "Lingala",
        ["zh"] = "Chinesisch",
        ["vi"] = "Vietnamesisch",
        ["th"] = "Thailändisch",
        ["tl"] = "Tagalog",
        ["ja"] = "Japanisch",
        ["ko"] = "Koreanisch",
        ["rom"] = "Romanes",
        ["sgn"] = "Gebärdensprache",
    };

    /// <summary>All languages, sorted by German name (for select lists).</summary>
    public static IReadOnlyList<(string Code, string Name)> Alle { get; } =
        Namen.OrderBy(p => p.Value, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true))
            .Select(p => (p.Key, p.Value)).ToList();

    public static bool IstBekannt(string code) => Namen.ContainsKey(code);

    public static string Name(string code) => Namen.TryGetValue(code, out var name) ? name : code;

    /// <summary>Codes are compared in lower case; surrounding blanks are dropped.</summary>
    public static string Normalisiere(string code) => code.Trim().ToLowerInvariant();
}

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
