namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>
/// The languages a person may speak or need, for every module: ISO 639-1 codes where one exists, ISO 639-3
/// for languages without one (Dari, Kurmanji, Sorani …), with their German names. The list covers the
/// languages of the people who arrive in Hessen; a code not in it is refused rather than stored unchecked
/// (<see cref="Messaging.FieldRules.LanguageCode"/>).
/// </summary>
public static class Languages
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
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
    public static IReadOnlyList<(string Code, string Name)> All { get; } =
        Names.OrderBy(p => p.Value, StringComparer.Create(GermanFormat.Culture, ignoreCase: true))
            .Select(p => (p.Key, p.Value)).ToList();

    public static bool IsKnown(string code) => Names.ContainsKey(code);

    /// <summary>The German name; an unknown code is shown as it is.</summary>
    public static string Name(string code) => Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>Codes are compared in lower case; surrounding blanks are dropped.</summary>
    public static string Normalize(string code) => code.Trim().ToLowerInvariant();
}
