using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The module as a plugin: loaded from the plugin folder, its own database, switchable per deployment.</summary>
public sealed class PluginTests : LotsenFixture
{
    [Test]
    public async Task Runs_from_the_plugin_folder_with_its_own_database_and_schema()
    {
        using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var lotsen = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Lotsen");

        Assert.Multiple(() =>
        {
            Assert.That(lotsen.GetProperty("state").GetString(), Is.EqualTo("Enabled"));
            Assert.That(File.Exists(Path.Combine(PlatformHost.PluginsDirectory, "Lotsen", "IntegrationsPlattform.Modules.Lotsen.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(PlatformHost.PluginsDirectory, "Lotsen", "contracts", "IntegrationsPlattform.Contracts.Lotsen.dll")), Is.True);
            Assert.That(File.Exists(Host.ModuleDatabase("Lotsen")), Is.True);
            Assert.That(Count("schema_history"), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task Its_two_navigation_entries_mark_only_the_section_the_user_is_in()
    {
        var einsaetze = await StaffBrowser.GetStringAsync("/lotsen/einsaetze");
        var anfragen = await StaffBrowser.GetStringAsync("/lotsen/anfragen");

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.RegularExpressions.Regex.Matches(einsaetze, "aria-current=\"page\""), Has.Count.EqualTo(1));
            Assert.That(einsaetze, Does.Contain("href=\"/lotsen/einsaetze\" aria-current=\"page\""));
            Assert.That(anfragen, Does.Contain("href=\"/lotsen\" aria-current=\"page\""));
        });
    }

    [Test]
    public async Task Disabled_it_leaves_no_trace_and_the_platform_runs()
    {
        using var host = new PlatformHost(new Dictionary<string, string?> { ["Modules:Lotsen:Enabled"] = "false" });
        using var staff = await host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

        using var health = await host.Anonymous().GetAsync("/health");
        using var api = await staff.GetAsync("/api/lotsen/lotsen");
        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(File.Exists(host.ModuleDatabase("Lotsen")), Is.False);
        });
    }
}
