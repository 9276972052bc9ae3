using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The module as a plugin: loaded from the plugin folder, its own database, switchable per deployment.</summary>
public sealed class PluginTests : GesundheitFixture
{
    /// <summary>The core schema other branches build on (public directory, translations, HSDS): its names must not drift.</summary>
    private static readonly string[] Tabellen =
    [
        "anbieter", "angebote", "angebot_status_verlauf", "angebot_fassungen", "angebot_texte", "orte", "angebot_orte",
        "oeffnungszeiten", "angebot_sprachen", "materialien", "barrieren", "massnahmen", "kampagnen", "materialausgaben",
        "materialausgabe_sprachen", "lotsen_uebergaben",
    ];

    [Test]
    public async Task Runs_from_the_plugin_folder_with_its_own_database_and_schema()
    {
        var modules = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var gesundheit = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Gesundheit");
        using var connection = ModuleDatabase();
        var tabellen = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table'").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(gesundheit.GetProperty("state").GetString(), Is.EqualTo("Enabled"));
            Assert.That(File.Exists(Path.Combine(PlatformHost.PluginsDirectory, "Gesundheit", "IntegrationsPlattform.Modules.Gesundheit.dll")), Is.True);
            Assert.That(File.Exists(Path.Combine(PlatformHost.PluginsDirectory, "Gesundheit", "contracts", "IntegrationsPlattform.Contracts.Gesundheit.dll")), Is.True);
            Assert.That(tabellen, Is.SupersetOf(Tabellen));
            Assert.That(Count("schema_history"), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task Staff_find_the_start_page_in_the_navigation_with_the_default_categories()
    {
        var page = await PageAsync("/gesundheit");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("href=\"/gesundheit\" aria-current=\"page\""));
            Assert.That(page, Does.Contain("<h1>Gesundheitsprävention</h1>"));
            foreach (var kategorie in new[] { "U-Untersuchungen", "Impfungen", "Zahnprophylaxe", "Frühe Hilfen", "Bewegung", "Ernährung", "Sprachentwicklung", "Psychische Gesundheit" })
            {
                Assert.That(page, Does.Contain($"<li>{kategorie}</li>"));
            }
        });
    }

    [Test]
    public Task The_start_page_is_refused_without_a_Gesundheit_permission() => PageForms.AssertRefusedAsync(Host, "/gesundheit");

    [Test]
    public async Task Provider_organisations_are_the_groups_an_offer_permission_can_be_granted_for()
    {
        using (var connection = ModuleDatabase())
        {
            connection.Execute(
                "INSERT INTO anbieter (id, name, angelegt_am) VALUES (@Id, 'Kinderarztpraxis Dr. Test', '2026-01-01T00:00:00Z')",
                new { Id = "0193e7a0-0000-7000-8000-000000000001" });
        }

        var groups = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/permissions/gesundheit.angebote/groups");

        Assert.That(
            groups.EnumerateArray().Select(g => (g.GetProperty("id").GetString(), g.GetProperty("name").GetString())),
            Does.Contain(("0193e7a0-0000-7000-8000-000000000001", "Kinderarztpraxis Dr. Test")));
    }

    [Test]
    public async Task Disabled_it_leaves_no_trace_and_the_platform_runs()
    {
        using var host = new PlatformHost(new Dictionary<string, string?> { ["Modules:Gesundheit:Enabled"] = "false" });
        using var staff = await host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

        using var health = await host.Anonymous().GetAsync("/health");
        using var start = await staff.GetAsync("/gesundheit");
        Assert.Multiple(() =>
        {
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(start.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(File.Exists(host.ModuleDatabase("Gesundheit")), Is.False);
        });
    }

    [Test]
    public async Task A_malformed_category_key_stops_the_module_with_a_message_naming_the_key()
    {
        using var host = PlatformHost.ForModules(["Gesundheit"], demoData: false, new Dictionary<string, string?>
        {
            ["Modules:Gesundheit:Settings:Kategorien:Impf Tage"] = "Impftage",
        });
        using var admin = await host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var gesundheit = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Gesundheit");

        Assert.Multiple(() =>
        {
            Assert.That(gesundheit.GetProperty("state").GetString(), Is.EqualTo("Failed"));
            Assert.That(gesundheit.GetProperty("reason").GetString(), Does.Contain("Modules:Gesundheit:Settings:Kategorien:Impf Tage"));
        });
    }
}
