using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Users with exactly the grants a test needs, made through the platform's admin API (a role per user).</summary>
internal static class TestKonten
{
    /// <summary>A test user and the role that holds its grants (to take one away again).</summary>
    public sealed record Konto(string Name, string RolleId);

    public const string Passwort = "Testkonto-2026!";

    /// <summary>A grant: the permission for the whole Kreis (no municipalities) or for the municipalities given.</summary>
    public static (string Berechtigung, string[]? Kommunen) Recht(string berechtigung, params string[] kommunen) => (berechtigung, kommunen.Length == 0 ? null : kommunen);

    /// <summary>Creates a role with <paramref name="rechte"/> and a user in it (password <see cref="Passwort"/>).</summary>
    public static async Task<Konto> AnlegenAsync(HttpClient admin, string name, params (string Berechtigung, string[]? Kommunen)[] rechte)
    {
        var token = name + "-" + Guid.NewGuid().ToString("N")[..8];
        using var role = await admin.PostAsJsonAsync("/api/admin/roles", new { name = $"Test {token}", description = "Testrolle" });
        Assert.That(role.StatusCode, Is.EqualTo(HttpStatusCode.Created), await role.Content.ReadAsStringAsync());
        var roleId = (await role.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        foreach (var (berechtigung, kommunen) in rechte)
        {
            object grant = kommunen is null ? new { scope = "All" } : new { scope = "Municipalities", municipalities = kommunen };
            using var response = await admin.PutAsJsonAsync($"/api/admin/roles/{roleId}/permissions/{berechtigung}", grant);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        }

        var userName = token.ToLowerInvariant();
        using var user = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = name, password = Passwort, roles = new[] { $"Test {token}" } });
        Assert.That(user.StatusCode, Is.EqualTo(HttpStatusCode.Created), await user.Content.ReadAsStringAsync());
        return new Konto(userName, roleId);
    }

    /// <summary>Takes one permission away from the user's role.</summary>
    public static async Task EntziehenAsync(HttpClient admin, Konto konto, string berechtigung)
    {
        using var response = await admin.DeleteAsync($"/api/admin/roles/{konto.RolleId}/permissions/{berechtigung}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A user with the grants, signed in for the JSON API (bearer token).</summary>
    public static async Task<HttpClient> ApiAsync(PlatformHost host, HttpClient admin, string name, params (string Berechtigung, string[]? Kommunen)[] rechte)
        => await host.ApiClientAsync((await AnlegenAsync(admin, name, rechte)).Name, Passwort);

    /// <summary>A user with the grants, signed in through the login form (cookies) for the pages.</summary>
    public static async Task<HttpClient> BrowserAsync(PlatformHost host, HttpClient admin, string name, params (string Berechtigung, string[]? Kommunen)[] rechte)
        => await host.SignedInClientAsync((await AnlegenAsync(admin, name, rechte)).Name, Passwort);
}
