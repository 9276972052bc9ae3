using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Angebote;

/// <summary>How the offers' pages show stored values: status badges, opening times, languages, places, moments.</summary>
internal static class AngeboteAnzeige
{
    public const string Liste = "/gesundheit/verwaltung/angebote";

    public static string Seite(string id) => $"{Liste}/{id}";

    public static string Badge(string status) => status switch
    {
        "veroeffentlicht" => "badge badge-enabled",
        "zur_pruefung" => "badge badge-notinstalled",
        "archiviert" => "badge badge-failed",
        _ => "badge badge-disabled",
    };

    public static string? Aenderung(string? aenderungStatus) => aenderungStatus switch
    {
        "zur_pruefung" => "Änderung wartet auf Prüfung",
        "zurueckgewiesen" => "Änderung zurückgewiesen",
        _ => null,
    };

    private static readonly Dictionary<string, string> Wochentage = new()
    {
        ["MO"] = "Mo", ["TU"] = "Di", ["WE"] = "Mi", ["TH"] = "Do", ["FR"] = "Fr", ["SA"] = "Sa", ["SU"] = "So",
    };

    /// <summary>„Mo, Mi 09:00–12:00 Uhr“, „1. Di im Monat …“, „03.03.2027 …“.</summary>
    public static string Zeit(ZeitZeile z)
    {
        var wann = z.Freq switch
        {
            "WEEKLY" => string.Join(", ", z.Byday!.Split(',').Select(t => Wochentage[t])),
            "MONTHLY" => string.Join(", ", z.Byday!.Split(',').Select(t => $"{(t.StartsWith('-') ? "letzter" : t[..^2] + ".")} {Wochentage[t[^2..]]} im Monat")),
            _ => GermanFormat.Day(GermanFormat.ParseStoredDay(z.Datum!)),
        };
        return $"{wann} {z.Von}–{z.Bis} Uhr{(z.Hinweis is null ? "" : $" ({z.Hinweis})")}";
    }

    public static string Sprachen(IReadOnlyList<string> codes) => codes.Count == 0 ? "–" : string.Join(", ", codes.Select(Languages.GermanName));

    public static string Ort(OrtZeile o, DeploymentInfo deployment)
        => $"{o.Name}, {o.Strasse}, {o.Plz} {o.Ort} ({deployment.MunicipalityName(o.KommuneAgs)}){(o.Stufenlos ? ", stufenlos erreichbar" : "")}";

    public static string Kommunen(IReadOnlyList<string> ags, DeploymentInfo deployment)
        => ags.Count == 0 ? "–" : string.Join(", ", ags.Select(a => deployment.MunicipalityName(a)));

    public static string Moment(string instant, ILocalClock clock) => GermanFormat.LocalTime(GermanFormat.ParseStoredInstant(instant), clock);
}
