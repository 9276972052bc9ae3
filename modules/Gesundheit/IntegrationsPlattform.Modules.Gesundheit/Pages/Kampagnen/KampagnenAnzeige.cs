using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Kampagnen;

/// <summary>How the campaigns' pages show stored values: period, municipalities, status badges.</summary>
internal static class KampagnenAnzeige
{
    public const string Liste = "/gesundheit/verwaltung/kampagnen";

    public static string Seite(string id) => KampagnenVerknuepfbar.Link(id);

    public static string Badge(string status) => status switch
    {
        "abgeschlossen" => "badge badge-enabled",
        "laufend" => "badge badge-notinstalled",
        "abgesagt" => "badge badge-failed",
        _ => "badge badge-disabled",
    };

    /// <summary>„01.03.2027 – 31.03.2027“, or „ab 01.03.2027“ without an end.</summary>
    public static string Zeitraum(KampagneZeile k)
        => k.Ende is null
            ? $"ab {GermanFormat.Day(GermanFormat.ParseStoredDay(k.Beginn))}"
            : $"{GermanFormat.Day(GermanFormat.ParseStoredDay(k.Beginn))} – {GermanFormat.Day(GermanFormat.ParseStoredDay(k.Ende))}";

    /// <summary>„120 Stück in 1 Ausgabe“, „noch nichts“ for a campaign without hand-outs.</summary>
    public static string Ausgegeben(KampagneZeile k)
        => k.Ausgaben == 0 ? "noch nichts" : $"{k.Stueck.ToString("N0", GermanFormat.Culture)} Stück in {k.Ausgaben} {(k.Ausgaben == 1 ? "Ausgabe" : "Ausgaben")}";

    public static string Kommunen(IEnumerable<string> ags, DeploymentInfo deployment) => string.Join(", ", ags.Select(deployment.MunicipalityName));
}
