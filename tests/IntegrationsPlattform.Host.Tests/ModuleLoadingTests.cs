using System.Net;
using System.Net.Http.Json;
using System.Runtime.Loader;
using System.Text.Json;
using IntegrationsPlattform.Host.Modules;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The host starts from the built plugin folder; each deliberate fault gets its state, the rest runs on.</summary>
[TestFixture]
public sealed class ModuleLoadingTests : HostFixture
{
    private ModuleRegistry Registry => Host.Services.GetRequiredService<ModuleRegistry>();

    [TestCase("Beispiel", "Enabled", "")]
    [TestCase("Verbraucher", "Enabled", "")]
    [TestCase("Ruhend", "Disabled", "nicht aktiviert")]
    [TestCase("FremdesSdk", "Refused", "SDK 2.x")]
    [TestCase("DoppelteId", "Refused", "bereits vom Ordner Beispiel belegt")]
    [TestCase("FehlendeAbhaengigkeit", "Refused", "'Gibtsnicht', das nicht installiert ist")]
    [TestCase("StartFehler", "Failed", "Absichtlicher Fehler beim Start")]
    [TestCase("MigrationsFehler", "Failed", "0003_kaputt")]
    [TestCase("DoppelteRoute", "Refused", "'/beispiel' ist bereits vom Modul Beispiel belegt")]
    public async Task AdminApiShowsEveryModuleWithItsState(string folder, string state, string reason)
    {
        var modules = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var module = modules.EnumerateArray().Single(m => m.GetProperty("folder").GetString() == folder);
        Assert.Multiple(() =>
        {
            Assert.That(module.GetProperty("state").GetString(), Is.EqualTo(state));
            Assert.That(module.GetProperty("reason").GetString() ?? "", Does.Contain(reason));
        });
    }

    [Test]
    public async Task AdminPageShowsRefusedAndFailedModulesWithReason()
    {
        using var browser = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/modules"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("data-module=\"StartFehler\""));
            Assert.That(html, Does.Contain("fehlgeschlagen"));
            Assert.That(html, Does.Contain("Absichtlicher Fehler beim Start"));
            Assert.That(html, Does.Contain("abgelehnt"));
            Assert.That(html, Does.Contain("Gebaut gegen SDK").Or.Contain("erwartet SDK 2.x"));
            Assert.That(html, Does.Contain("deaktiviert"));
        });
    }

    [Test]
    public async Task DisabledModuleHasNoRoutesNoNavigationNoDatabaseAndNoHandlers()
    {
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var api = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var ruhend = Registry.All.Single(m => m.Id == "Ruhend");
        var pingType = ruhend.Assembly!.GetType("IntegrationsPlattform.TestPlugins.Probe.ProbePing")!;
        var handlerType = typeof(IRequestHandler<,>).MakeGenericType(pingType, typeof(string));

        using var apiResponse = await api.GetAsync("/api/ruhend/ping");
        using var pageResponse = await browser.GetAsync("/ruhend");
        var dashboard = await browser.GetStringAsync("/");
        using var scope = Host.Services.CreateScope();
        Assert.Multiple(() =>
        {
            Assert.That(apiResponse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(pageResponse.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(dashboard, Does.Not.Contain("Probe Ruhend"));
            Assert.That(dashboard, Does.Contain("Beispielprogramm"));
            Assert.That(File.Exists(Host.ModuleDatabase("Ruhend")), Is.False);
            Assert.That(scope.ServiceProvider.GetService(handlerType), Is.Null);
        });
    }

    [Test]
    public void EnabledModulesHaveTheirOwnDatabaseAndFailedOnesLeaveNone()
    {
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Host.ModuleDatabase("Beispiel")), Is.True);
            Assert.That(Registry.Find("Beispiel")!.SchemaVersion, Is.EqualTo(5));
            Assert.That(File.Exists(Host.ModuleDatabase("MigrationsFehler")), Is.False, "eine fehlgeschlagene erste Migration hinterlässt keine Datenbank");
            Assert.That(File.Exists(Host.ModuleDatabase("StartFehler")), Is.True, "migriert, aber der Start der Dienste schlug fehl");
        });
    }

    [Test]
    public void EachModuleLivesInItsOwnLoadContextAndContractsInTheDefaultOne()
    {
        var beispiel = Registry.Find("Beispiel")!;
        var verbraucher = Registry.Find("Verbraucher")!;
        var beispielContext = AssemblyLoadContext.GetLoadContext(beispiel.Assembly!);
        var verbraucherContext = AssemblyLoadContext.GetLoadContext(verbraucher.Assembly!);
        Assert.Multiple(() =>
        {
            Assert.That(beispielContext, Is.Not.SameAs(AssemblyLoadContext.Default));
            Assert.That(verbraucherContext, Is.Not.SameAs(AssemblyLoadContext.Default));
            Assert.That(beispielContext, Is.Not.SameAs(verbraucherContext));
            Assert.That(beispiel.ContractsAssemblies.Select(a => a.GetName().Name), Is.EqualTo(new[] { "IntegrationsPlattform.Contracts.Beispiel" }));
            Assert.That(AssemblyLoadContext.GetLoadContext(beispiel.ContractsAssemblies[0]), Is.SameAs(AssemblyLoadContext.Default));
            Assert.That(AssemblyLoadContext.GetLoadContext(typeof(MediatR.IMediator).Assembly), Is.SameAs(AssemblyLoadContext.Default));
        });
    }

    [Test]
    public async Task HealthHasACheckPerModuleAndReportsFailuresAsDegraded()
    {
        using var client = Host.Anonymous();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(checks["modul:Beispiel"], Is.EqualTo("Healthy"));
            Assert.That(checks["modul:StartFehler"], Is.EqualTo("Degraded"));
            Assert.That(checks["host-db"], Is.EqualTo("Healthy"));
            Assert.That(checks, Has.Count.EqualTo(Registry.All.Count + 1));
        });
    }
}
