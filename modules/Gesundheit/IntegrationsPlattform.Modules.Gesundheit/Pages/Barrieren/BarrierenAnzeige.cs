using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Barrieren;

/// <summary>How the barriers' pages show stored values: where a barrier is, the measures' status badges.</summary>
internal static class BarrierenAnzeige
{
    public const string Liste = "/gesundheit/verwaltung/barrieren";

    public static string Seite(string id) => $"{Liste}/{id}";

    public static string Badge(string status) => status switch
    {
        "umgesetzt" => "badge badge-enabled",
        "laufend" => "badge badge-notinstalled",
        "verworfen" => "badge badge-failed",
        _ => "badge badge-disabled",
    };

    /// <summary>„Kommune Erbach“, „Impfsprechstunde“ or both; the language of a language barrier after it.</summary>
    public static string Wo(BarriereZeile b, DeploymentInfo deployment)
    {
        var teile = new List<string>();
        if (b.AngebotId is not null)
        {
            teile.Add(b.AngebotTitel ?? "(Angebot ohne Titel)");
        }

        if (b.KommuneAgs is not null)
        {
            teile.Add(deployment.MunicipalityName(b.KommuneAgs));
        }

        return string.Join(", ", teile);
    }

    public static string Sprache(BarriereZeile b) => b.Sprache is null ? "–" : Languages.GermanName(b.Sprache);
}
