namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Anbieter;

/// <summary>The addresses of the providers' staff pages.</summary>
internal static class AnbieterAnzeige
{
    public const string Liste = "/gesundheit/verwaltung/anbieter";

    public const string Neu = $"{Liste}/neu";

    public static string Bearbeiten(string id) => $"{Liste}/{id}/bearbeiten";
}
