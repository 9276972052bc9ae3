namespace IntegrationsPlattform.Modules.Lotsen.Pages.Traeger;

/// <summary>How the Träger pages show a status: a badge in the host's colours (white text needs one of them).</summary>
internal static class TraegerAnzeige
{
    public static string Badge(string status) => status switch
    {
        "vereinbart" => "badge badge-enabled",
        "abgelehnt" => "badge badge-failed",
        _ => "badge badge-disabled",
    };
}
