using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Linkable records: the host searches every running module's records through one SDK interface, each module answering
/// only what the user may read; a module that is not running contributes nothing, even with its data on disk.
/// </summary>
[TestFixture]
public sealed class LinkableRecordTests : HostFixture
{
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";

    private async Task<string> EntryAsync(string titel, string kommuneAgs, string arbeitskreis)
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel, kommuneAgs, arbeitskreis });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, string text)
    {
        using var response = await client.GetAsync($"/api/verknuepfungen?q={Uri.EscapeDataString(text)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    [Test]
    public async Task TheSearchFindsAModulesRecordsWithWhatALinkNeeds()
    {
        var id = await EntryAsync("Sportfest am Marktplatz", Erbach, "sport");
        var found = (await SearchAsync(StaffApi, "sportfest am")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(found.GetProperty("module").GetString(), Is.EqualTo("Beispiel"));
            Assert.That(found.GetProperty("moduleName").GetString(), Is.EqualTo("Beispielprogramm"));
            Assert.That(found.GetProperty("kind").GetString(), Is.EqualTo("Eintrag"));
            Assert.That(found.GetProperty("key").GetString(), Is.EqualTo(id));
            Assert.That(found.GetProperty("title").GetString(), Is.EqualTo("Sportfest am Marktplatz"));
            Assert.That(found.GetProperty("date").GetString(), Is.EqualTo(TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(found.GetProperty("municipalityAgs").GetString(), Is.EqualTo(Erbach));
            Assert.That(found.GetProperty("status").GetString(), Is.EqualTo("ohne Konto"));
            Assert.That(found.GetProperty("link").GetString(), Is.EqualTo($"/beispiel?eintrag={id}"));
        });
    }

    [Test]
    public async Task EachUserFindsOnlyWhatTheyMayRead()
    {
        await EntryAsync("Lesekreis Sport", Erbach, "sport");
        await EntryAsync("Lesekreis Sprache", Michelstadt, "sprache");
        using var sprache = await TestAccounts.ApiClientAsync(Host, AdminApi, "sprache", TestGrant.InGroups("beispiel.lesen", "sprache"));
        using var michelstadt = await TestAccounts.ApiClientAsync(Host, AdminApi, "michelstadt", TestGrant.For("beispiel.lesen", Michelstadt));
        using var nothing = await TestAccounts.ApiClientAsync(Host, AdminApi, "ohne");
        Assert.Multiple(async () =>
        {
            Assert.That((await SearchAsync(StaffApi, "Lesekreis")).Select(r => r.GetProperty("title").GetString()), Is.EquivalentTo(new[] { "Lesekreis Sport", "Lesekreis Sprache" }));
            Assert.That((await SearchAsync(sprache, "Lesekreis")).Select(r => r.GetProperty("title").GetString()), Is.EqualTo(new[] { "Lesekreis Sprache" }));
            Assert.That((await SearchAsync(michelstadt, "Lesekreis")).Select(r => r.GetProperty("title").GetString()), Is.EqualTo(new[] { "Lesekreis Sprache" }));
            Assert.That(await SearchAsync(nothing, "Lesekreis"), Is.Empty);
        });
    }

    [TestCase("")]
    [TestCase("a")]
    public async Task ASearchTextOfLessThanTwoCharactersIsRefusedAtQ(string text)
    {
        using var response = await StaffApi.GetAsync($"/api/verknuepfungen?q={text}");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("q")[0].GetString(), Is.EqualTo("Bitte 2 bis 200 Zeichen als Suchtext angeben."));
        });
    }

    [Test]
    public async Task ADisabledModuleContributesNothingEvenWithItsRecordsOnDisk()
    {
        await EntryAsync("Abgeschaltet gefunden?", Erbach, "sport");
        using var disabled = new PlatformHost(new Dictionary<string, string?> { ["Modules:Beispiel:Enabled"] = "false" });
        Directory.CreateDirectory(Path.GetDirectoryName(disabled.ModuleDatabase("Beispiel"))!);
        await using (var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Host.ModuleDatabase("Beispiel")}"))
        {
            await source.OpenAsync();
            using var copy = source.CreateCommand();
            copy.CommandText = "VACUUM INTO @target";
            copy.Parameters.AddWithValue("@target", disabled.ModuleDatabase("Beispiel"));
            await copy.ExecuteNonQueryAsync();
        }

        using var staff = await disabled.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        Assert.That(await SearchAsync(staff, "Abgeschaltet"), Is.Empty);
    }
}
