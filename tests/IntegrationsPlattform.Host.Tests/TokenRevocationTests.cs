using System.Net;
using System.Net.Http.Headers;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Demo;
using IntegrationsPlattform.Host.Dsgvo;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Valid bearer tokens are remembered in memory; each way of ending a token must still end it with
/// the very next request. Every test first uses the token, so that it is remembered.
/// </summary>
[TestFixture]
public sealed class TokenRevocationTests
{
    private const string Password = "Token-Test-2026!";
    private const string ReadUrl = "/api/beispiel/eintraege";

    private PlatformHost _host = null!;

    [OneTimeSetUp]
    public void Start() => _host = new PlatformHost();

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    private T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A new staff user (own account per test), its API client, and proof that the token works.</summary>
    private async Task<(string UserId, HttpClient Client)> RememberedTokenOfNewUserAsync()
    {
        var userName = "token" + Guid.NewGuid().ToString("N")[..8];
        var userId = await Service<AccountStore>().CreateAsync(userName, "Token-Test", null, Password, isDemo: false, [DemoSeeder.StaffRole]);
        var client = await _host.ApiClientAsync(userName, Password);
        using var first = await client.GetAsync(ReadUrl);
        using var second = await client.GetAsync(ReadUrl);
        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        return (userId, client);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ReadUrl);
        return response.StatusCode;
    }

    [Test]
    public async Task RevokedTokenIsRefusedOnTheNextRequest()
    {
        var (_, client) = await RememberedTokenOfNewUserAsync();
        using var revoke = await client.DeleteAsync("/api/auth/token");
        Assert.Multiple(async () =>
        {
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await StatusAsync(client), Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        client.Dispose();
    }

    [Test]
    public async Task DeactivationEndsTheTokenAndReactivationDoesNotBringItBack()
    {
        var (userId, client) = await RememberedTokenOfNewUserAsync();
        await Service<AccountStore>().SetActiveAsync(userId, false);
        var whileInactive = await StatusAsync(client);
        await Service<AccountStore>().SetActiveAsync(userId, true);
        Assert.Multiple(async () =>
        {
            Assert.That(whileInactive, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await StatusAsync(client), Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        client.Dispose();
    }

    [Test]
    public async Task PasswordResetEndsTheToken()
    {
        var (userId, client) = await RememberedTokenOfNewUserAsync();
        await Service<AccountStore>().ResetPasswordAsync(userId, "Neues-Passwort-2026!");
        Assert.That(await StatusAsync(client), Is.EqualTo(HttpStatusCode.Unauthorized));
        client.Dispose();
    }

    [Test]
    public async Task ErasureEndsTheTokenAndTheCookieSession()
    {
        var (userId, client) = await RememberedTokenOfNewUserAsync();
        var userName = (await Service<AccountStore>().FindAsync(userId))!.UserName;
        using var browser = await _host.SignedInClientAsync(userName, Password);
        using var before = await browser.GetAsync("/");
        using var scope = _host.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetServices<IDataSubjectHandler>().OfType<AccountDataSubjectHandler>().Single();

        await accounts.EraseAsync(new DataSubjectRecord("Benutzerkonto", userId, "Token-Test", ""), CancellationToken.None);

        using var after = await browser.GetAsync("/");
        Assert.Multiple(async () =>
        {
            Assert.That(await StatusAsync(client), Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(after.Headers.Location?.ToString(), Does.Contain("/account/login"));
        });
        client.Dispose();
    }

    [Test]
    public async Task RememberedTokenEndsWhenItExpires()
    {
        var clock = new MovableClock();
        var tokens = new TokenService(Service<HostDatabase>(), Service<PlatformOptions>(), clock, Service<PermissionCache>());
        var (userId, _) = await RememberedTokenOfNewUserAsync();
        var issued = await tokens.IssueAsync(userId);
        var valid = await tokens.ValidateAsync(issued.Token);
        var remembered = await tokens.ValidateAsync(issued.Token);

        clock.Now = issued.ExpiresAt.AddSeconds(1);

        Assert.Multiple(async () =>
        {
            Assert.That((valid, remembered), Is.EqualTo((userId, userId)));
            Assert.That(await tokens.ValidateAsync(issued.Token), Is.Null);
        });
    }

    [Test]
    public async Task UnknownTokenIsRefused()
    {
        using var client = _host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "gibt-es-nicht");
        Assert.That(await StatusAsync(client), Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
