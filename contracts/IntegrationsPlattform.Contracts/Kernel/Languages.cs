using System.Globalization;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>One language: its ISO 639 code, its German name and whether its script runs right to left.</summary>
public sealed record Language(string Code, string GermanName, bool RightToLeft)
{
    /// <summary>The value of an HTML <c>dir</c> attribute for text in this language.</summary>
    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>
    /// The language's name in itself (<c>العربية</c>, <c>Türkçe</c>), for a language switch that a visitor who
    /// reads no German can use; the German name where the runtime knows no other.
    /// </summary>
    public string OwnName
    {
        get
        {
            try
            {
                var culture = CultureInfo.GetCultureInfo(Code);
                var name = culture.NativeName;
                return string.IsNullOrWhiteSpace(name) || name == Code ? GermanName : char.ToUpper(name[0], culture) + name[1..];
            }
            catch (CultureNotFoundException)
            {
                return GermanName;
            }
        }
    }
}

/// <summary>
/// The languages of the platform: ISO 639-1 codes where one exists, ISO 639-3 for languages without one
/// (Dari, Kurmanji, Sorani …), with their German names and their writing direction. The list covers the
/// languages of the people who arrive in Hessen; a code not in it is refused rather than stored unchecked.
/// Every module and the host take languages from here — a module keeps no list of its own.
/// </summary>
public static class Languages
{
    private static readonly Language[] Known =
    [
        new("de", "Deutsch", false),
        new("en", "Englisch", false),
        new("fr", "Französisch", false),
        new("es", "Spanisch", false),
        new("it", "Italienisch", false),
        new("pt", "Portugiesisch", false),
        new("nl", "Niederländisch", false),
        new("el", "Griechisch", false),
        new("pl", "Polnisch", false),
        new("cs", "Tschechisch", false),
        new("sk", "Slowakisch", false),
        new("hu", "Ungarisch", false),
        new("ro", "Rumänisch", false),
        new("bg", "Bulgarisch", false),
        new("hr", "Kroatisch", false),
        new("sr", "Serbisch", false),
        new("bs", "Bosnisch", false),
        new("sq", "Albanisch", false),
        new("mk", "Mazedonisch", false),
        new("sl", "Slowenisch", false),
        new("ru", "Russisch", false),
        new("uk", "Ukrainisch", false),
        new("be", "Belarussisch", false),
        new("lt", "Litauisch", false),
        new("lv", "Lettisch", false),
        new("et", "Estnisch", false),
        new("tr", "Türkisch", false),
        new("ku", "Kurdisch", false),
        new("kmr", "Kurmandschi", false),
        new("ckb", "Sorani", true),
        new("ar", "Arabisch", true),
        new("fa", "Persisch (Farsi)", true),
        new("prs", "Dari", true),
        new("ps", "Paschtu", true),
        new("ur", "Urdu", true),
        new("hi", "Hindi", false),
        new("pa", "Panjabi", false),
        new("bn", "Bengalisch", false),
        new("ta", "Tamil", false),
        new("ne", "Nepali", false),
        new("hy", "Armenisch", false),
        new("ka", "Georgisch", false),
        new("az", "Aserbaidschanisch", false),
        new("uz", "Usbekisch", false),
        new("tg", "Tadschikisch", false),
        new("he", "Hebräisch", true),
        new("yi", "Jiddisch", true),
        new("dv", "Dhivehi", true),
        new("ti", "Tigrinya", false),
        new("am", "Amharisch", false),
        new("so", "Somali", false),
        new("om", "Oromo", false),
        new("sw", "Swahili", false),
        new("ha", "Hausa", false),
        new("yo", "Yoruba", false),
        new("ig", "Igbo", false),
        new("wo", "Wolof", false),
        new("ln", "Lingala", false),
        new("zh", "Chinesisch", false),
        new("vi", "Vietnamesisch", false),
        new("th", "Thailändisch", false),
        new("tl", "Tagalog", false),
        new("ja", "Japanisch", false),
        new("ko", "Koreanisch", false),
        new("rom", "Romanes", false),
        new("sgn", "Gebärdensprache", false),
    ];

    private static readonly Dictionary<string, Language> ByCode = Known.ToDictionary(l => l.Code, StringComparer.Ordinal);

    /// <summary>German, the language of every staff page and the fallback of every public text.</summary>
    public static Language German { get; } = ByCode["de"];

    /// <summary>All languages, sorted by German name (for select lists).</summary>
    public static IReadOnlyList<Language> All { get; } =
        Known.OrderBy(l => l.GermanName, StringComparer.Create(CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true)).ToList();

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    /// <summary>The language of a code, compared after <see cref="Normalize"/>; null for an unknown code.</summary>
    public static Language? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(Normalize(code));

    /// <summary>The German name of a code; an unknown code is shown as it is.</summary>
    public static string GermanName(string code) => ByCode.TryGetValue(code, out var language) ? language.GermanName : code;

    /// <summary>Codes are compared in lower case; surrounding blanks are dropped.</summary>
    public static string Normalize(string code) => code.Trim().ToLowerInvariant();

    /// <summary>
    /// The language a piece of text is in, from the culture it was produced for (<c>ar-SY</c> → Arabic):
    /// what <c>lang</c> and <c>dir</c> of the element that holds it say. German for a culture outside the list.
    /// </summary>
    public static Language Of(CultureInfo culture)
        => Find(culture.Name) ?? Find(culture.TwoLetterISOLanguageName) ?? German;
}
