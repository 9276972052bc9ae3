using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Pages.Anfragen;

/// <summary>How the request and assignment pages show stored values: German dates, local times, status badges.</summary>
internal static class AnfragenAnzeige
{
    /// <summary>Languages a person seeking advice often needs in the Odenwaldkreis: offered as checkboxes, the rest in a list.</summary>
    public static readonly IReadOnlyList<string> HaeufigeSprachen = ["ar", "prs", "fa", "ps", "ku", "ti", "so", "tr", "uk", "ru", "en", "fr"];

    /// <summary>Suggestions for the destination field; free text stays possible.</summary>
    public static readonly IReadOnlyList<string> Ziele = ["Ausländerbehörde", "Jobcenter", "Schule", "Kita", "Rathaus", "Arzt/Ärztin", "Beratungsstelle"];

    public static string Tag(string gespeichert) => GermanFormat.Day(GermanFormat.ParseStoredDay(gespeichert));

    public static string Zeitraum(string von, string bis) => von == bis ? Tag(von) : $"{Tag(von)} bis {Tag(bis)}";

    public static string Uhrzeit(string? von, string? bis) => (von, bis) switch
    {
        (null, null) => "beliebig",
        (not null, null) => $"ab {von} Uhr",
        (null, not null) => $"bis {bis} Uhr",
        _ => $"{von}–{bis} Uhr",
    };

    public static string Zeitpunkt(string gespeichert, ILocalClock clock) => GermanFormat.LocalTime(GermanFormat.ParseStoredInstant(gespeichert), clock);

    public static string Dauer(long minuten) => minuten % 60 == 0 ? $"{minuten / 60} Std." : minuten > 60 ? $"{minuten / 60} Std. {minuten % 60} Min." : $"{minuten} Min.";

    public static string SprachenText(IEnumerable<string> codes)
    {
        var namen = codes.Where(c => c.Length > 0).Select(Languages.GermanName).ToList();
        return namen.Count == 0 ? "–" : string.Join(", ", namen);
    }

    /// <summary>Badge colours of the host: green done, grey closed, amber waiting for staff.</summary>
    public static string AnfrageBadge(string status) => status switch
    {
        "offen" => "badge badge-refused",
        "vermittelt" => "badge badge-enabled",
        "erledigt" => "badge badge-disabled",
        _ => "badge badge-failed",
    };

    public static string EinsatzBadge(string status) => status switch
    {
        "geplant" => "badge badge-refused",
        "durchgefuehrt" => "badge badge-enabled",
        _ => "badge badge-disabled",
    };
}
