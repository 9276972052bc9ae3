using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using IntegrationsPlattform.Host.Security;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>Tokens, lockout, deactivation and the login form, against one running host.</summary>
[TestFixture]
public sealed class AuthTests
{
    private PlatformHost _host = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _host = new PlatformHost();
        _host.CreateClient().Dispose();
    }

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    private AccountStore Accounts => _host.Services.GetRequiredService<AccountStore>();

    private async Task<string> NewUserAsync(string name, params string[] roles)
    {
        await Accounts.CreateAsync(name, "Testperson " + name, null, "Richtiges-Passwort-1", false, roles);
        return name;
    }

    [Test]
    public async Task WrongPasswordGets401ProblemAndNoToken()
    {
        using var client = _host.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "falsch-falsch" });
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task AccountLocksAfterRepeatedFailuresAcrossApiAndForm()
    {
        var user = await NewUserAsync("sperre.test");
        using var client = _host.Anonymous();
        for (var i = 0; i < 4; i++)
        {
            using var failed = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "falsch-falsch" });
        }

        // The fifth failure happens on the login form: the lockout counts both ways in.
        using var browser = _host.CreateClient(new() { AllowAutoRedirect = false });
        using var formFailure = await PlatformHost.PostLoginFormAsync(browser, user, "falsch-falsch");
        var formHtml = WebUtility.HtmlDecode(await formFailure.Content.ReadAsStringAsync());

        using var withRightPassword = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Richtiges-Passwort-1" });
        var problem = await withRightPassword.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(formHtml, Does.Contain("vorübergehend gesperrt"));
            Assert.That(withRightPassword.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(problem, Does.Contain("gesperrt"));
        });
    }

    [Test]
    public async Task RevokedTokenIsRejectedImmediately()
    {
        var token = await _host.TokenAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var client = _host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var before = await client.GetAsync("/api/admin/modules");
        using var revoke = await client.DeleteAsync("/api/auth/token");
        using var after = await client.GetAsync("/api/admin/modules");
        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task DeactivatingAUserEndsTheirTokensAndSessions()
    {
        var user = await NewUserAsync("wird.deaktiviert", "Administration");
        var token = await _host.TokenAsync(user, "Richtiges-Passwort-1");
        using var browser = await _host.SignedInClientAsync(user, "Richtiges-Passwort-1");
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var id = (await Accounts.ListAsync()).Single(u => u.UserName == user).Id;

        using var deactivate = await admin.PostAsync($"/api/admin/users/{id}/deactivate", null);
        using var client = _host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var apiAfter = await client.GetAsync("/api/admin/modules");
        using var pageAfter = await browser.GetAsync("/admin/modules");
        using var newToken = await _host.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Richtiges-Passwort-1" });
        Assert.Multiple(() =>
        {
            Assert.That(deactivate.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(apiAfter.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(pageAfter.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(pageAfter.Headers.Location?.AbsolutePath, Is.EqualTo("/account/login"));
            Assert.That(newToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task AnAdminCannotDeactivateThemself()
    {
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var id = (await Accounts.ListAsync()).Single(u => u.UserName == PlatformHost.AdminUser).Id;
        using var response = await admin.PostAsync($"/api/admin/users/{id}/deactivate", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task PasswordResetLiftsLockAndInvalidatesOldPassword()
    {
        var user = await NewUserAsync("reset.test");
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var id = (await Accounts.ListAsync()).Single(u => u.UserName == user).Id;
        using var tooShort = await admin.PostAsJsonAsync($"/api/admin/users/{id}/reset-password", new { password = "kurz" });
        using var reset = await admin.PostAsJsonAsync($"/api/admin/users/{id}/reset-password", new { password = "Neues-Passwort-2026" });
        var oldLogin = await Accounts.VerifyAsync(user, "Richtiges-Passwort-1");
        var newLogin = await Accounts.VerifyAsync(user, "Neues-Passwort-2026");
        Assert.Multiple(() =>
        {
            Assert.That(tooShort.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(oldLogin.Outcome, Is.EqualTo(LoginOutcome.InvalidCredentials));
            Assert.That(newLogin.Outcome, Is.EqualTo(LoginOutcome.Success));
        });
    }

    [Test]
    public async Task GrantingAPermissionTakesEffectOnTheNextRequest()
    {
        var user = await NewUserAsync("rollen.test");
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var token = await _host.TokenAsync(user, "Richtiges-Passwort-1");
        using var client = _host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var before = await client.GetAsync("/api/beispiel/eintraege");
        using var role = await admin.PostAsJsonAsync("/api/admin/roles", new { name = "Leserinnen Erbach", description = "nur Erbach" });
        var roleId = (await role.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        using var grant = await admin.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/beispiel.lesen", new { scope = "Municipalities", municipalities = new[] { "06437006" } });
        var userId = (await Accounts.ListAsync()).Single(u => u.UserName == user).Id;
        using var assign = await admin.PutAsJsonAsync($"/api/admin/users/{userId}/roles", new { roleIds = new[] { roleId } });
        using var after = await client.GetAsync("/api/beispiel/eintraege");
        using var badScope = await admin.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/verbraucher.lesen", new { scope = "Municipalities", municipalities = new[] { "06437006" } });
        using var unknownMunicipality = await admin.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/beispiel.lesen", new { scope = "Municipalities", municipalities = new[] { "01234567" } });
        Assert.Multiple(() =>
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(grant.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(assign.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(badScope.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "verbraucher.lesen cannot be scoped");
            Assert.That(unknownMunicipality.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task AMunicipalityScopedGrantSeesOnlyThatMunicipality()
    {
        using var staff = await _host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var inErbach = await staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Erbach", kommuneAgs = "06437006" });
        using var inMichelstadt = await staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Michelstadt", kommuneAgs = "06437011" });
        var roles = _host.Services.GetRequiredService<RoleStore>();
        var roleId = await roles.EnsureRoleAsync("Nur Michelstadt", "");
        await roles.GrantAsync(roleId, "beispiel.lesen", Contracts.Security.ScopeKind.Municipalities, ["06437011"], []);
        await Accounts.CreateAsync("michelstadt.leserin", "Leserin", null, "Richtiges-Passwort-1", false, ["Nur Michelstadt"]);
        using var scoped = await _host.ApiClientAsync("michelstadt.leserin", "Richtiges-Passwort-1");
        var rows = await scoped.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/beispiel/eintraege");
        Assert.That(rows.EnumerateArray().Select(r => r.GetProperty("kommuneAgs").GetString()).Distinct(), Is.EqualTo(new[] { "06437011" }));
    }

    [Test]
    public async Task TheLastAdministratorCannotBeRemoved()
    {
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var adminId = (await Accounts.ListAsync()).Single(u => u.UserName == PlatformHost.AdminUser).Id;
        var roles = await _host.Services.GetRequiredService<RoleStore>().ListAsync();
        var administration = roles.Single(r => r.Name == "Administration").Id;
        var otherAdmins = (await Accounts.ListAsync()).Where(u => u.UserName != PlatformHost.AdminUser && u.IsActive && u.Roles.Contains("Administration")).ToList();
        foreach (var other in otherAdmins)
        {
            await Accounts.SetActiveAsync(other.Id, false);
        }

        using var dropOwnRole = await admin.PutAsJsonAsync($"/api/admin/users/{adminId}/roles", new { roleIds = Array.Empty<string>() });
        using var revoke = await admin.DeleteAsync($"/api/admin/roles/{administration}/permissions/platform.admin");
        using var stillAdmin = await admin.GetAsync("/api/admin/modules");
        Assert.Multiple(() =>
        {
            Assert.That(dropOwnRole.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(stillAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task LoginRedirectIgnoresForeignReturnUrls()
    {
        using var browser = _host.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await PlatformHost.PostLoginFormAsync(browser, PlatformHost.AdminUser, PlatformHost.AdminPassword, "?ReturnUrl=%2F%2Fevil.example");
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/").Or.EqualTo("http://localhost/"));
    }
}

/// <summary>The token endpoint is rate-limited per client address.</summary>
[TestFixture]
public sealed class TokenRateLimitTests
{
    [Test]
    public async Task TooManyTokenRequestsGet429()
    {
        using var host = new PlatformHost(new Dictionary<string, string?> { ["Platform:Security:TokenRequestsPerMinute"] = "3" });
        using var client = host.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "falsch-falsch" });
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429, (HttpStatusCode)429 }));
    }
}
