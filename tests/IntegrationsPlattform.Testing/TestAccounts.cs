using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// One permission of a test role, with its scope (municipalities only for <see cref="ScopeKind.Municipalities"/>, groups
/// only for <see cref="ScopeKind.Groups"/>: <see cref="InGroups"/>).
/// </summary>
public sealed record TestGrant(string Permission, ScopeKind Scope = ScopeKind.All, params string[] Municipalities)
{
    /// <summary>The ids of the module-defined groups the grant reaches.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>The permission for the whole Kreis (no municipalities) or for the municipalities given.</summary>
    public static TestGrant For(string permission, params string[] municipalities)
        => municipalities.Length == 0 ? new TestGrant(permission) : new TestGrant(permission, ScopeKind.Municipalities, municipalities);

    /// <summary>The permission for the user's own records only.</summary>
    public static TestGrant OwnRecords(string permission) => new(permission, ScopeKind.OwnRecords);

    /// <summary>A grant for some groups of the kind the permission declares (a council, a provider).</summary>
    public static TestGrant InGroups(string permission, params string[] groups) => new(permission, ScopeKind.Groups) { Groups = groups };
}

/// <summary>A test user and the role that holds its grants (to take one away again).</summary>
public sealed record TestAccount(string UserName, string RoleId);

/// <summary>Users with exactly the grants a test needs, made through the platform's admin API: a role per user.</summary>
public static class TestAccounts
{
    public const string Password = "Testkonto-2026!";

    /// <summary>Creates a role with <paramref name="grants"/> and a user in it (password <see cref="Password"/>) whose name starts with <paramref name="name"/>.</summary>
    public static async Task<TestAccount> CreateAsync(HttpClient admin, string name, params TestGrant[] grants)
    {
        var token = name + "-" + Guid.NewGuid().ToString("N")[..8];
        using var role = await admin.PostAsJsonAsync("/api/admin/roles", new { name = $"Test {token}", description = "Testrolle" });
        Assert.That(role.StatusCode, Is.EqualTo(HttpStatusCode.Created), await role.Content.ReadAsStringAsync());
        var roleId = (await role.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var grant in grants)
        {
            using var response = await admin.PutAsJsonAsync(
                $"/api/admin/roles/{roleId}/permissions/{grant.Permission}",
                new { scope = grant.Scope.ToString(), municipalities = grant.Municipalities, groups = grant.Groups });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        }

        var userName = token.ToLowerInvariant();
        using var user = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = name, password = Password, roles = new[] { $"Test {token}" } });
        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.Created), await user.Content.ReadAsStringAsync());
        return new TestAccount(userName, roleId);
    }

    /// <summary>A new user with exactly these grants, signed in for the JSON API (bearer token).</summary>
    public static async Task<HttpClient> ApiClientAsync(PlatformHost host, HttpClient admin, string name, params TestGrant[] grants)
        => await host.ApiClientAsync((await CreateAsync(admin, name, grants)).UserName, Password);

    /// <summary>A new user with exactly these grants, signed in through the login form (cookies) for the pages.</summary>
    public static async Task<HttpClient> BrowserClientAsync(PlatformHost host, HttpClient admin, string name, params TestGrant[] grants)
        => await host.SignedInClientAsync((await CreateAsync(admin, name, grants)).UserName, Password);

    /// <summary>Takes one permission away from the account's role.</summary>
    public static async Task RevokeAsync(HttpClient admin, TestAccount account, string permission)
    {
        using var response = await admin.DeleteAsync($"/api/admin/roles/{account.RoleId}/permissions/{permission}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }
}
