using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The test kit's <see cref="TestAccounts"/> with the grants the Lotsen tests use: for the whole Kreis or for some municipalities.</summary>
internal static class TestKonten
{
    /// <summary>A grant: the permission for the whole Kreis (no municipalities) or for the municipalities given.</summary>
    public static TestGrant Recht(string berechtigung, params string[] kommunen)
        => kommunen.Length == 0 ? new TestGrant(berechtigung) : new TestGrant(berechtigung, ScopeKind.Municipalities, kommunen);

    /// <summary>A user with the grants, signed in for the JSON API (bearer token).</summary>
    public static async Task<HttpClient> ApiAsync(PlatformHost host, HttpClient admin, string name, params TestGrant[] rechte)
        => await host.ApiClientAsync((await TestAccounts.CreateAsync(admin, name, rechte)).UserName, TestAccounts.Password);

    /// <summary>A user with the grants, signed in through the login form (cookies) for the pages.</summary>
    public static async Task<HttpClient> BrowserAsync(PlatformHost host, HttpClient admin, string name, params TestGrant[] rechte)
        => await host.SignedInClientAsync((await TestAccounts.CreateAsync(admin, name, rechte)).UserName, TestAccounts.Password);
}
