using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>An opening time in the RFC 5545 parts the module keeps: a rule (<c>WEEKLY</c>/<c>MONTHLY</c> and <c>BYDAY</c>) or a single day, and the hours.</summary>
internal sealed record Zeitangabe(string? Freq, string? Byday, string? Datum, string Von, string Bis);

/// <summary>
/// Opening times as staff write them in offer lists: entries separated by „;“, each a time range after weekdays
/// („Mo, Mi 09:00-12:00“, „Mo-Fr 8-12 Uhr“), after a weekday in the month („1. Di 10:00-13:00“, „letzter Fr 15-17“)
/// or after a day („24.03.2027 14:00-16:00“).
/// </summary>
internal static partial class Oeffnungszeitangaben
{
    public const string Hinweis = "Mehrere durch „;“ getrennt, je Eintrag Tage und Uhrzeit: „Mo, Mi 09:00-12:00“, „Mo-Fr 8-12“, "
        + "„1. Di 10:00-13:00“ (erster Dienstag im Monat), „letzter Fr 15-17“ oder ein einzelner Tag „24.03.2027 14:00-16:00“.";

    private static readonly string[] Tage = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private static readonly string[][] Namen =
    [
        ["mo", "montag", "montags"], ["di", "dienstag", "dienstags"], ["mi", "mittwoch", "mittwochs"], ["do", "donnerstag", "donnerstags"],
        ["fr", "freitag", "freitags"], ["sa", "samstag", "samstags"], ["so", "sonntag", "sonntags"],
    ];

    /// <summary>The entries of a cell, trimmed; none when it is empty.</summary>
    public static IReadOnlyList<string> Eintraege(string? zelle) => (zelle ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>One entry in the module's parts; null for what is no opening time (unknown day, hour past 23, a range backwards through the week).</summary>
    public static Zeitangabe? Lesen(string eintrag)
    {
        var teile = EintragMuster().Match(eintrag);
        if (!teile.Success || Uhrzeit(teile.Groups["von"].Value) is not { } von || Uhrzeit(teile.Groups["bis"].Value) is not { } bis)
        {
            return null;
        }

        var wann = teile.Groups["wann"].Value.Trim();
        if (CsvImportCells.TryDay(wann, out var tag))
        {
            return new Zeitangabe(null, null, GermanFormat.StoredDay(tag), von, bis);
        }

        var monatlich = wann.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ImMonat).ToList();
        if (monatlich.Count > 0 && monatlich.All(t => t is not null))
        {
            return new Zeitangabe("MONTHLY", string.Join(',', monatlich), null, von, bis);
        }

        var woechentlich = Wochentage(wann);
        return woechentlich is null ? null : new Zeitangabe("WEEKLY", string.Join(',', woechentlich), null, von, bis);
    }

    /// <summary>„1. Di“ → 1TU, „letzter Fr“ → -1FR.</summary>
    private static string? ImMonat(string text)
    {
        var teile = MonatMuster().Match(text);
        if (!teile.Success || Wochentag(teile.Groups["tag"].Value) is not { } tag)
        {
            return null;
        }

        return (teile.Groups["n"].Success ? teile.Groups["n"].Value : "-1") + Tage[tag];
    }

    /// <summary>„Mo, Mi“, „Mo-Fr“, „Montag und Donnerstag“ → the days in the week's order, each once.</summary>
    private static List<string>? Wochentage(string text)
    {
        var tage = new SortedSet<int>();
        foreach (var teil in TagTrenner().Split(Bereich().Replace(text, "-")).Where(t => t.Length > 0))
        {
            var bereich = teil.Split('-');
            if (bereich.Length is < 1 or > 2 || Wochentag(bereich[0]) is not { } von || Wochentag(bereich[^1]) is not { } bis || bis < von)
            {
                return null;
            }

            tage.UnionWith(Enumerable.Range(von, bis - von + 1));
        }

        return tage.Count == 0 ? null : tage.Select(t => Tage[t]).ToList();
    }

    private static int? Wochentag(string text)
    {
        var name = text.Trim().TrimEnd('.').ToLowerInvariant();
        var index = Array.FindIndex(Namen, n => n.Contains(name));
        return index < 0 ? null : index;
    }

    /// <summary>„9“, „9:30“, „09.30“ → „09:30“ as the form takes it; no time of day: null.</summary>
    private static string? Uhrzeit(string text)
    {
        var teile = text.Split([':', '.']);
        var minute = 0;
        if (!int.TryParse(teile[0], CultureInfo.InvariantCulture, out var stunde) || (teile.Length > 1 && !int.TryParse(teile[1], CultureInfo.InvariantCulture, out minute)))
        {
            return null;
        }

        return stunde is >= 0 and < 24 && minute is >= 0 and < 60 ? $"{stunde:00}:{minute:00}" : null;
    }

    [GeneratedRegex(@"^(?<wann>.+?)\s*,?\s+(?<von>\d{1,2}(?:[:.]\d{2})?)\s*(?:-|–|bis)\s*(?<bis>\d{1,2}(?:[:.]\d{2})?)(?:\s*Uhr)?$", RegexOptions.IgnoreCase)]
    private static partial Regex EintragMuster();

    [GeneratedRegex(@"^(?:(?<n>[1-4])\.|letzte[rnms]?)\s*(?<tag>\p{L}+\.?)(?:\s+im\s+Monat)?$", RegexOptions.IgnoreCase)]
    private static partial Regex MonatMuster();

    [GeneratedRegex(@"\s*(?:,|/|\bund\b|\s)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex TagTrenner();

    /// <summary>A range of days with its dash and blanks as people type it („Mo – Fr“).</summary>
    [GeneratedRegex(@"\s*[-–]\s*")]
    private static partial Regex Bereich();
}
