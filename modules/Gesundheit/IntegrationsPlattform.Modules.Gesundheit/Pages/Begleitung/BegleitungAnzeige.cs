using IntegrationsPlattform.Contracts.Modules;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Begleitung;

/// <summary>How the accompaniment pages link and show a hand-over's status; whether the option exists at all.</summary>
internal static class BegleitungAnzeige
{
    public const string Liste = "/gesundheit/verwaltung/begleitung";

    /// <summary>The Lotsen module's id: accompaniment is offered only while it runs in this deployment.</summary>
    public const string LotsenModul = "Lotsen";

    public static string Neu(string angebotId) => $"{Liste}/neu?angebot={angebotId}";

    public static bool Verfuegbar(IModuleCatalog catalog) => catalog.IsEnabled(LotsenModul);

    public static string Badge(string status) => status switch
    {
        "vermittelt" or "erledigt" => "badge badge-enabled",
        "angelegt" => "badge badge-notinstalled",
        "abgebrochen" => "badge badge-failed",
        _ => "badge badge-disabled",
    };
}
