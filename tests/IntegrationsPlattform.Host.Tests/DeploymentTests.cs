using System.Net;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
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
            ["Platform:TimeZone"] = "Europe/Vienna",
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
    public async Task ModulesGetTheDeploymentInjectedWithItsMunicipalitiesAndTimeZone()
    {
        using var scope = _host.Services.CreateScope();
        var deployment = scope.ServiceProvider.GetRequiredService<DeploymentInfo>();
        var overMediator = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetDeployment());
        Assert.Multiple(() =>
        {
            Assert.That(deployment.KreisName, Is.EqualTo("Odenwaldkreis"));
            Assert.That(deployment.MunicipalityName("06437014"), Is.EqualTo("Oberzent"));
            Assert.That(deployment.MunicipalityName("06411000"), Is.EqualTo("06411000"), "an AGS of another Kreis is shown as it is");
            Assert.That(deployment.TimeZone.Id, Is.EqualTo("Europe/Vienna"), "Platform:TimeZone");
            Assert.That(overMediator, Is.SameAs(deployment), "plugins of SDK 1.0 still ask over MediatR and get the same facts");
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
