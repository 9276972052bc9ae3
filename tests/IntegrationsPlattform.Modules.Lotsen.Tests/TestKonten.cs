namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The test kit's <see cref="TestAccounts"/> under the names the Lotsen tests read best.</summary>
internal static class TestKonten
{
    /// <summary>A grant: the permission for the whole Kreis (no municipalities) or for the municipalities given.</summary>
    public static TestGrant Recht(string berechtigung, params string[] kommunen) => TestGrant.For(berechtigung, kommunen);

    /// <summary>A user with the grants, signed in for the JSON API (bearer token).</summary>
    public static Task<HttpClient> ApiAsync(PlatformHost host, HttpClient admin, string name, params TestGrant[] rechte)
        => TestAccounts.ApiClientAsync(host, admin, name, rechte);

    /// <summary>A user with the grants, signed in through the login form (cookies) for the pages.</summary>
    public static Task<HttpClient> BrowserAsync(PlatformHost host, HttpClient admin, string name, params TestGrant[] rechte)
        => TestAccounts.BrowserClientAsync(host, admin, name, rechte);
}
