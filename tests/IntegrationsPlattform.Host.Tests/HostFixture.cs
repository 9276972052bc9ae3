using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>One running host per fixture, with API clients of the demo admin and the demo staff member.</summary>
public abstract class HostFixture
{
    protected PlatformHost Host { get; private set; } = null!;

    protected HttpClient AdminApi { get; private set; } = null!;

    protected HttpClient StaffApi { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartHostAsync()
    {
        Host = new PlatformHost();
        AdminApi = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        StaffApi = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        AdminApi.Dispose();
        StaffApi.Dispose();
        Host.Dispose();
    }

    /// <summary>Rows in the Beispiel test module's table, read straight from its database file.</summary>
    protected long CountEntries()
    {
        using var connection = new SqliteConnection($"Data Source={Host.ModuleDatabase("Beispiel")}");
        return connection.ExecuteScalar<long>("SELECT count(*) FROM eintraege");
    }

    /// <summary>Posts the Beispiel page's form as a browser would: with the anti-forgery token of a fresh GET.</summary>
    protected static async Task<HttpResponseMessage> PostBeispielFormAsync(HttpClient browser, string titel, string kommuneAgs)
    {
        var page = await browser.GetStringAsync("/beispiel");
        return await browser.PostAsync("/beispiel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "neuer-eintrag",
            ["__RequestVerificationToken"] = PlatformHost.AntiforgeryToken(page),
            ["Input.Titel"] = titel,
            ["Input.KommuneAgs"] = kommuneAgs,
        }));
    }
}
