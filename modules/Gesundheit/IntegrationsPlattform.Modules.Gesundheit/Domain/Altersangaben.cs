using System.Globalization;
using System.Text.RegularExpressions;

namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>
/// A child's age as staff write it in offer lists: „6 Monate“, „3 Jahre“, „2 Jahre 6 Monate“ (as <see cref="AngebotRegeln.Alter"/>
/// writes it), or a bare number in years. The module keeps months, from birth to 18 years.
/// </summary>
internal static partial class Altersangaben
{
    /// <summary>What an offer list writes for an offer that starts in pregnancy.</summary>
    public const string Schwangerschaft = "Schwangerschaft";

    /// <summary>Reads an age into months; false for what is no age or lies beyond 18 years.</summary>
    public static bool TryParse(string text, out int monate)
    {
        monate = 0;
        var match = AgePattern().Match(text.Trim());
        if (string.IsNullOrWhiteSpace(text) || !match.Success)
        {
            return false;
        }

        var jahre = Zahl(match.Groups["jahre"].Value) + Zahl(match.Groups["zahl"].Value);
        monate = jahre * 12 + Zahl(match.Groups["monate"].Value);
        return monate <= AngebotRegeln.AlterMaxMonate;
    }

    private static int Zahl(string ziffern) => ziffern.Length == 0 ? 0 : int.Parse(ziffern, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Years and/or months („2 Jahre 6 Monate“, „4 J.“, „18 Mon.“), or a bare number of years.</summary>
    [GeneratedRegex(@"^(?:(?<zahl>\d{1,3})|(?:(?<jahre>\d{1,3})\s*(?:jahre?|j\.?))?\s*(?:(?<monate>\d{1,3})\s*(?:monate?|mon\.?))?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();
}
