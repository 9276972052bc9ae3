using System.Net;
using System.Text;
using IntegrationsPlattform.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Every endpoint of one running host, found from its endpoint data source (so a new endpoint is
/// covered without touching this test): API endpoints answer 401 without a token and 403 without the
/// permission; protected pages redirect to the login.
/// </summary>
[TestFixture]
public sealed class AccessMatrixTests
{
    /// <summary>Deliberately open to everyone.</summary>
    private static readonly HashSet<string> PublicApi = ["POST /api/auth/token", "GET /api/beispiel/oeffentlich"];

    /// <summary>Need a login but no particular permission.</summary>
    private static readonly HashSet<string> AnySignedInUser = ["DELETE /api/auth/token"];

    private PlatformHost _host = null!;
    private string _noRightsToken = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _host = new PlatformHost();
        _host.CreateClient().Dispose();
        await _host.Services.GetRequiredService<AccountStore>().CreateAsync("ohnerecht", "Ohne Rechte", null, "Kein-Recht-2026", false, []);
        _noRightsToken = await _host.TokenAsync("ohnerecht", "Kein-Recht-2026");
    }

    [OneTimeTearDown]
    public void Stop() => _host.Dispose();

    private IReadOnlyList<RouteEndpoint> Endpoints => _host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    private IEnumerable<(string Method, string Path, string Key)> ApiEndpoints()
        => Endpoints
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, Fill(e.RoutePattern.RawText!), $"{m} {e.RoutePattern.RawText}")));

    [Test]
    public void TheMatrixCoversTheApiOfHostAndModules()
    {
        var keys = ApiEndpoints().Select(e => e.Key).ToList();
        Assert.That(keys, Does.Contain("GET /api/admin/modules").And.Contain("POST /api/beispiel/eintraege").And.Contain("GET /api/verbraucher/beispiel-anzahl/{ags}"));
    }

    [Test]
    public async Task EveryNonPublicApiEndpointAnswers401WithoutToken()
    {
        using var client = _host.Anonymous();
        var wrong = new List<string>();
        foreach (var (method, path, key) in ApiEndpoints().Where(e => !PublicApi.Contains(e.Key)))
        {
            using var response = await client.SendAsync(Request(method, path));
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{key}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        Assert.That(wrong, Is.Empty);
    }

    [Test]
    public async Task EveryPermissionProtectedApiEndpointAnswers403WithoutThePermission()
    {
        using var client = _host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _noRightsToken);
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var (method, path, key) in ApiEndpoints().Where(e => !PublicApi.Contains(e.Key) && !AnySignedInUser.Contains(e.Key)))
        {
            checkedCount++;
            using var response = await client.SendAsync(Request(method, path));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{key}: {(int)response.StatusCode}");
            }
        }

        Assert.That(wrong, Is.Empty);
        Assert.That(checkedCount, Is.GreaterThan(15));
    }

    [Test]
    public async Task AModuleEndpointThatDeclaresNoAccessIsClosedEvenForStaffWithAllModulePermissions()
    {
        using var staff = await _host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var declared = await staff.GetAsync("/api/beispiel/eintraege");
        using var undeclared = await staff.GetAsync("/api/beispiel/vergessen");
        Assert.Multiple(() =>
        {
            Assert.That(declared.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(undeclared.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task PublicApiEndpointsAnswerWithoutToken()
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync("/api/beispiel/oeffentlich");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task EveryProtectedPageRedirectsToTheLogin()
    {
        using var client = _host.Anonymous();
        var pages = Endpoints
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => Fill(e.RoutePattern.RawText!))
            .Distinct()
            .ToList();
        var wrong = new List<string>();
        foreach (var page in pages)
        {
            using var response = await client.GetAsync(page);
            if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.AbsolutePath != "/account/login")
            {
                wrong.Add($"{page}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.That(pages, Does.Contain("/").And.Contain("/admin/modules").And.Contain("/beispiel"));
        Assert.That(wrong, Is.Empty);
    }

    [TestCase("/account/login")]
    [TestCase("/impressum")]
    [TestCase("/datenschutz")]
    [TestCase("/barrierefreiheit")]
    [TestCase("/health")]
    [TestCase("/openapi/v1.json")]
    public async Task PublicPagesAnswerWithoutLogin(string path)
    {
        using var client = _host.Anonymous();
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AnApiCallWithACookieButNoTokenIsUnauthorized()
    {
        using var browser = await _host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var page = await browser.GetAsync("/admin/modules");
        using var api = await browser.GetAsync("/api/admin/modules");
        Assert.Multiple(() =>
        {
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie works for pages");
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "but never for /api (no CSRF there)");
        });
    }

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    private static string Fill(string pattern)
        => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)(:[^}]+)?\}", m => m.Groups[2].Value switch
        {
            ":guid" => Guid.NewGuid().ToString(),
            _ when m.Groups[1].Value == "ags" => "06437006",
            _ => "x",
        });
}
