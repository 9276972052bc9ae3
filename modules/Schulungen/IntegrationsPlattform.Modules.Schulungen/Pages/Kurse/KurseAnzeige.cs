namespace IntegrationsPlattform.Modules.Schulungen.Pages.Kurse;

/// <summary>How the catalogue pages show stored values: a status badge in the host's colours, hours in German.</summary>
internal static class KurseAnzeige
{
    public static string Badge(string status) => status switch
    {
        "veroeffentlicht" => "badge badge-enabled",
        _ => "badge badge-disabled",
    };

    /// <summary>A multi-line text as its non-empty lines (paragraphs of a description, one learning goal each).</summary>
    public static IEnumerable<string> Zeilen(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Umfang(int unterrichtseinheiten, decimal stunden)
        => $"{unterrichtseinheiten} UE, {IntegrationsPlattform.Contracts.Kernel.GermanFormat.Number(stunden, 2)} Std.";
}
