using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>The module as a plugin: loaded from the plugin folder, its own database, switchable per deployment.</summary>
public sealed class PluginTests : SchulungenFixture
{
    [Test]
    public async Task Runs_from_the_plugin_folder_with_its_own_database_and_schema()
    {
        var modules = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var schulungen = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Schulungen");

        Assert.Multiple(() =>
        {
            Assert.That(schulungen.GetProperty("state").GetString(), Is.EqualTo("Enabled"));
            Assert.That(File.Exists(Path.Combine(PlatformHost.PluginsDirectory, "Schulungen", "IntegrationsPlattform.Modules.Schulungen.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(PlatformHost.PluginsDirectory, "Schulungen", "contracts", "IntegrationsPlattform.Contracts.Schulungen.dll")), Is.True);
            Assert.That(File.Exists(Host.ModuleDatabase("Schulungen")), Is.True);
            Assert.That(Count("schema_history"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Count("schularten"), Is.GreaterThan(0), "the Kreis' school types come with the schema");
        });
    }

    [Test]
    public async Task Its_start_page_and_navigation_entry_are_for_staff_only()
    {
        var start = await PageAsync("/schulungen");
        using var ohneRecht = await BrowserAsync("ohne-schulungen");
        using var verweigert = await ohneRecht.GetAsync("/schulungen");
        var startseiteOhneRecht = await PageForms.TextAsync(ohneRecht, "/");

        Assert.Multiple(() =>
        {
            Assert.That(start, Does.Contain("<h1>Schulungen</h1>"));
            Assert.That(start, Does.Contain("href=\"/schulungen\" aria-current=\"page\""));
            Assert.That(verweigert.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
            Assert.That(startseiteOhneRecht, Does.Not.Contain("href=\"/schulungen\""));
        });
    }

    [Test]
    public async Task Disabled_it_leaves_no_trace_and_the_platform_runs()
    {
        using var host = PlatformHost.ForModules([], demoData: false, new Dictionary<string, string?> { ["Modules:Schulungen:Enabled"] = "false" });
        using var admin = await host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

        using var health = await host.Anonymous().GetAsync("/health");
        using var seite = await admin.GetAsync("/schulungen");
        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(seite.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(File.Exists(host.ModuleDatabase("Schulungen")), Is.False);
        });
    }
}
