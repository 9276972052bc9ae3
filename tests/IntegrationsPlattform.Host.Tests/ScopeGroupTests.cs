using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Grants for groups a module declares: the example module's entries belong to a working group (Arbeitskreis), and an
/// admin grants its permissions for one group through the admin API as for a municipality. The user then reads and
/// writes only that group's entries, wherever they lie.
/// </summary>
[TestFixture]
public sealed class ScopeGroupTests : HostFixture
{
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";

    private HttpClient _sport = null!;
    private string _sportUser = null!;

    [OneTimeSetUp]
    public async Task GrantTheSportGroupAsync()
    {
        var account = await TestAccounts.CreateAsync(AdminApi, "sport", TestGrant.InGroups("beispiel.lesen", "sport"), TestGrant.InGroups("beispiel.schreiben", "sport"));
        _sportUser = account.UserName;
        _sport = await Host.ApiClientAsync(account.UserName, TestAccounts.Password);
    }

    [OneTimeTearDown]
    public void DisposeClient() => _sport.Dispose();

    [Test]
    public async Task TheAdminApiNamesTheGroupsAPermissionCanBeGrantedFor()
    {
        var permissions = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/permissions");
        var lesen = permissions.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "beispiel.lesen");
        var groups = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/permissions/beispiel.lesen/groups");
        Assert.Multiple(() =>
        {
            Assert.That(lesen.GetProperty("groups").GetProperty("pluralName").GetString(), Is.EqualTo("Arbeitskreise"));
            Assert.That(groups.EnumerateArray().Select(g => (g.GetProperty("id").GetString(), g.GetProperty("name").GetString())),
                Is.EqualTo(new[] { ("sport", "Arbeitskreis Sport"), ("sprache", "Arbeitskreis Sprache") }));
        });
    }

    [Test]
    public async Task AGroupGrantWritesOnlyIntoItsGroupInAnyMunicipality()
    {
        using var inGroup = await _sport.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sportfest", kommuneAgs = Michelstadt, arbeitskreis = "sport" });
        var before = CountEntries();
        using var otherGroup = await _sport.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sprachcafé", kommuneAgs = Michelstadt, arbeitskreis = "sprache" });
        using var noGroup = await _sport.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Ohne Arbeitskreis", kommuneAgs = Erbach });
        var problem = await otherGroup.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(inGroup.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(otherGroup.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(otherGroup.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Ihrer Gruppen"));
            Assert.That(noGroup.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "an entry of no group belongs to none of hers");
            Assert.That(CountEntries(), Is.EqualTo(before), "nothing of the refused writes is stored");
        });
    }

    [Test]
    public async Task AGroupGrantReadsOnlyItsGroup()
    {
        var sport = await CreateAsStaffAsync("sport");
        var sprache = await CreateAsStaffAsync("sprache");
        var none = await CreateAsStaffAsync(null);
        var listed = (await _sport.GetFromJsonAsync<JsonElement>("/api/beispiel/eintraege")).EnumerateArray().ToList();
        using var own = await _sport.GetAsync($"/api/beispiel/eintraege/{sport}");
        using var other = await _sport.GetAsync($"/api/beispiel/eintraege/{sprache}");
        using var ungrouped = await _sport.GetAsync($"/api/beispiel/eintraege/{none}");
        Assert.Multiple(() =>
        {
            Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(ungrouped.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(listed.Select(e => e.GetProperty("id").GetString()), Does.Contain(sport).And.Not.Contain(sprache).And.Not.Contain(none));
            Assert.That(listed.Select(e => e.GetProperty("arbeitskreis").GetString()).Distinct(), Is.EqualTo(new[] { "sport" }));
        });
    }

    [Test]
    public async Task AGroupAndAMunicipalityGrantedByTwoRolesReachBoth()
    {
        var account = await TestAccounts.CreateAsync(AdminApi, "beides", TestGrant.InGroups("beispiel.lesen", "sport"));
        using (var role = await AdminApi.PostAsJsonAsync("/api/admin/roles", new { name = "Test Erbach lesen " + account.UserName }))
        {
            var roleId = (await role.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            using var grant = await AdminApi.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/beispiel.lesen", new { scope = "Municipalities", municipalities = new[] { Erbach } });
            var users = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/users");
            var userId = users.EnumerateArray().Single(u => u.GetProperty("userName").GetString() == account.UserName).GetProperty("id").GetString();
            using var assign = await AdminApi.PutAsJsonAsync($"/api/admin/users/{userId}/roles", new { roleIds = new[] { account.RoleId, roleId } });
            Assert.That(assign.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await assign.Content.ReadAsStringAsync());
        }

        var sportInMichelstadt = await CreateAsStaffAsync("sport", Michelstadt);
        var spracheInErbach = await CreateAsStaffAsync("sprache", Erbach);
        var spracheInMichelstadt = await CreateAsStaffAsync("sprache", Michelstadt);
        using var both = await Host.ApiClientAsync(account.UserName, TestAccounts.Password);
        var listed = (await both.GetFromJsonAsync<JsonElement>("/api/beispiel/eintraege")).EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.That(listed, Does.Contain(sportInMichelstadt).And.Contain(spracheInErbach).And.Not.Contain(spracheInMichelstadt));
    }

    [Test]
    public async Task AGrantForAnUnknownGroupOrForGroupsOfAPermissionWithoutThemIsRefused()
    {
        using var role = await AdminApi.PostAsJsonAsync("/api/admin/roles", new { name = "Test Gruppen falsch " + Guid.NewGuid().ToString("N")[..8] });
        var roleId = (await role.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var unknown = await AdminApi.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/beispiel.lesen", new { scope = "Groups", groups = new[] { "schach" } });
        using var none = await AdminApi.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/beispiel.lesen", new { scope = "Groups", groups = Array.Empty<string>() });
        using var withoutGroups = await AdminApi.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/platform.audit", new { scope = "Groups", groups = new[] { "sport" } });
        Assert.Multiple(async () =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("schach"));
            Assert.That(none.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await none.Content.ReadAsStringAsync(), Does.Contain("Arbeitskreise"));
            Assert.That(withoutGroups.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task TheRolesPageNamesTheGrantedGroup()
    {
        using var browser = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var page = await browser.GetStringAsync("/admin/roles");
        Assert.That(page, Does.Contain("bestimmte Gruppen: Arbeitskreis Sport"));
    }

    [Test]
    public async Task TheRefusedWriteIsInTheAuditTrail()
    {
        using var refused = await _sport.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Fremd", kommuneAgs = Erbach, arbeitskreis = "sprache" });
        var audit = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=" + _sportUser);
        var newest = audit.GetProperty("rows")[0];
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(newest.GetProperty("action").GetString(), Is.EqualTo("Refused"));
            Assert.That(newest.GetProperty("details").GetString(), Does.Contain("sprache"));
        });
    }

    private async Task<string> CreateAsStaffAsync(string? arbeitskreis, string kommuneAgs = Erbach)
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Gruppe", kommuneAgs, arbeitskreis });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
