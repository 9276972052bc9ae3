using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>
/// A child's age as staff write it in lists and files: „6 Monate“, „3 Jahre“, a bare number in years, and „Schwangerschaft“
/// for an offer that starts before birth. The module keeps months (0 to 18 years).
/// </summary>
internal static partial class Altersangaben
{
    public const int HoechstesAlterMonate = 18 * 12;

    public const string Schwangerschaft = "Schwangerschaft";

    /// <summary>Months as written: whole years as „N Jahre“, everything else as „N Monate“ („1 Jahr“, „1 Monat“).</summary>
    public static string Text(int monate) => monate >= 12 && monate % 12 == 0
        ? (monate == 12 ? "1 Jahr" : $"{monate / 12} Jahre")
        : (monate == 1 ? "1 Monat" : $"{monate} Monate");

    /// <summary>Reads an age into months; false for what is no age or lies beyond 18 years.</summary>
    public static bool TryParse(string text, out int monate)
    {
        monate = 0;
        var match = AgePattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups["zahl"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var zahl) || zahl > 1000)
        {
            return false;
        }

        monate = match.Groups["einheit"].Value.StartsWith("mon", StringComparison.OrdinalIgnoreCase) ? zahl : zahl * 12;
        return monate <= HoechstesAlterMonate;
    }

    [GeneratedRegex(@"^(?<zahl>\d{1,4})\s*(?<einheit>jahre?|j\.?|monate?|mon\.?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();
}
