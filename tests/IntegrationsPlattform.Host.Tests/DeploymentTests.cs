using System.Net;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>A production-like deployment: no demo data, a first admin from configuration, a reverse proxy in front.</summary>
[TestFixture]
public sealed class DeploymentTests
{
    private PlatformHost _host = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _host = new PlatformHost(new Dictionary<string, string?>
        {
            ["Platform:Demo:Seed"] = "false",
            ["Platform:FirstAdmin:UserName"] = "kreisadmin",
            ["Platform:FirstAdmin:Password"] = "Erstes-Admin-Passwort-1",
            ["Platform:PublicBaseUrl"] = "https://integration.odenwaldkreis.example/plattform/",
        });
        _host.CreateClient().Dispose();
    }

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    [Test]
    public async Task TheFirstAdminFromConfigurationCanSignInAndNoDemoAccountExists()
    {
        var token = await _host.TokenAsync("kreisadmin", "Erstes-Admin-Passwort-1");
        using var client = _host.Anonymous();
        using var demo = await client.PostAsync("/api/auth/token", new StringContent("""{"userName":"admin","password":"Demo-Admin-2026"}""", System.Text.Encoding.UTF8, "application/json"));
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var modules = await client.GetAsync("/plattform/api/admin/modules");
        Assert.Multiple(() =>
        {
            Assert.That(demo.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(modules.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the public base URL's path is the path base");
        });
    }

    [Test]
    public void LinksForMailsUseThePublicBaseUrl()
    {
        var links = _host.Services.GetRequiredService<IPublicLinks>();
        Assert.That(links.Absolute("/beispiel/eintraege/42").ToString(), Is.EqualTo("https://integration.odenwaldkreis.example/plattform/beispiel/eintraege/42"));
    }

    [Test]
    public async Task ForwardedHeadersFromALocalProxyAreHonoured()
    {
        using var client = _host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/plattform/admin");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "integration.odenwaldkreis.example");
        using var response = await client.SendAsync(request);
        Assert.That(response.Headers.Location?.ToString(), Does.StartWith("https://integration.odenwaldkreis.example/plattform/account/login"));
    }
}
