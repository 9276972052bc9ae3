using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The test kit's module fixture, as a module's tests use it: the example module alone, without demo data, with test
/// accounts per permission and scope, and its indicators read after acting through the API.
/// </summary>
[TestFixture]
public sealed class ModuleFixtureTests : ModuleFixture
{
    protected override string ModuleId => "Beispiel";

    [Test]
    public async Task OnlyTheModuleRunsAndNoDemoAccountExists()
    {
        var modules = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        // The probe with a duplicate id is installed as well, so an id may be listed twice.
        IEnumerable<string?> States(string id) => modules.EnumerateArray().Where(m => m.GetProperty("id").GetString() == id).Select(m => m.GetProperty("state").GetString());
        using var anonymous = Host.Anonymous();
        using var demoLogin = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = PlatformHost.StaffUser, password = PlatformHost.StaffPassword });
        Assert.Multiple(() =>
        {
            Assert.That(States("Beispiel"), Does.Contain("Enabled"));
            Assert.That(States("Verbraucher"), Is.EqualTo(new[] { "Disabled" }), "a peer runs only when the fixture names it");
            Assert.That(demoLogin.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), "without demo data there is no demo staff account");
        });
    }

    [Test]
    public async Task AnIndicatorFollowsWhatATestAccountDoesThroughTheApi()
    {
        using var writer = await ApiAsync("schreiber", TestGrant.For("beispiel.schreiben", "06437012"));
        var change = await Indicators.ChangeAsync(Host, "beispiel.eintraege", "06437012", async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                using var created = await writer.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Kennzahl " + i, kommuneAgs = "06437012" });
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            }
        });
        var readings = await IndicatorsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(change, Is.EqualTo(3));
            Assert.That(readings.Value("beispiel.eintraege"), Is.EqualTo(Count("eintraege")), "the Kreis value is the sum of the municipalities");
        });
    }

    [Test]
    public async Task ATestAccountHoldsExactlyItsGrant()
    {
        using var reader = await ApiAsync("leser", TestGrant.InGroups("beispiel.lesen", "sport"));
        using var list = await reader.GetAsync("/api/beispiel/eintraege");
        using var create = await reader.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Ohne Schreibrecht", kommuneAgs = "06437012", arbeitskreis = "sport" });
        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(create.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }
}
