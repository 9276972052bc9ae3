using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Every endpoint of one running host, found from its endpoint data source (so a new endpoint is
/// covered without touching this test): API endpoints answer 401 without a token and 403 without the
/// permission; protected pages redirect to the login; the example module's records keep to the
/// user's scope (<see cref="ScopeMatrix"/>).
/// </summary>
[TestFixture]
public sealed class AccessMatrixTests
{
    /// <summary>Deliberately open to everyone.</summary>
    private static readonly HashSet<string> PublicApi = ["POST /api/auth/token", "GET /api/beispiel/oeffentlich"];

    /// <summary>Need a login but no particular permission.</summary>
    private static readonly HashSet<string> AnySignedInUser = ["DELETE /api/auth/token", "POST /api/kalender/abo", "DELETE /api/kalender/abo", "GET /api/einladungen/rollen", "GET /api/verknuepfungen", "GET /api/kennzahlen/{key}/verlauf"];

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

    [Test]
    public void TheMatrixCoversTheApiOfHostAndModules()
    {
        var keys = ApiEndpoints.Of(_host).Select(e => e.Key).ToList();
        Assert.That(keys, Does.Contain("GET /api/admin/modules").And.Contain("POST /api/beispiel/eintraege").And.Contain("GET /api/verbraucher/beispiel-anzahl/{ags}"));
    }

    [Test]
    public async Task EveryNonPublicApiEndpointAnswers401WithoutToken()
        => Assert.That(await ApiEndpoints.WithoutTokenAsync(_host, ApiEndpoints.Of(_host), PublicApi), Is.Empty);

    [Test]
    public async Task EveryPermissionProtectedApiEndpointAnswers403WithoutThePermission()
    {
        using var client = _host.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _noRightsToken);
        var endpoints = ApiEndpoints.Of(_host);

        Assert.That(await ApiEndpoints.WithoutPermissionAsync(client, endpoints, PublicApi.Union(AnySignedInUser).ToHashSet()), Is.Empty);
        Assert.That(endpoints.Count(e => !PublicApi.Contains(e.Key) && !AnySignedInUser.Contains(e.Key)), Is.GreaterThan(15));
    }

    [Test]
    public async Task TheScopeCheckHoldsForEveryEndpointOfTheExampleModule()
    {
        using var staff = await _host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        async Task<string> EintragAsync(string ags)
        {
            using var created = await staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Matrix", kommuneAgs = ags });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        var matrix = new ScopeMatrix(_host, "Beispiel", inScope: "06437006", outOfScope: "06437011")
            .List("GET /api/beispiel/eintraege", ags => $"kommune={ags}", EintragAsync)
            .Read("GET /api/beispiel/eintraege/{id:guid}", EintragAsync)
            .Create("POST /api/beispiel/eintraege", target => Task.FromResult<object>(new { titel = "Matrix", kommuneAgs = target.Municipality, arbeitskreis = target.Group }))
            .Change("DELETE /api/beispiel/eintraege/{id:guid}", EintragAsync, () => Task.FromResult<object>(new { }))
            .Read("GET /api/beispiel/eintraege/{id:guid}/dateien", EintragAsync)
            .Read("GET /api/beispiel/eintraege/{id:guid}/bescheinigung.pdf", EintragAsync)
            .Change("POST /api/beispiel/eintraege/{id:guid}/dateien", EintragAsync, () => Task.FromResult<object>(FileStoreTests.FileContent(FileStoreTests.Pdf, "matrix.pdf")))
            .Exempt("Datei eines Eintrags: zwei Ids im Pfad, der Bereich des Eintrags wird in FileStoreTests geprüft",
                "GET /api/beispiel/eintraege/{id:guid}/dateien/{dateiId:guid}", "DELETE /api/beispiel/eintraege/{id:guid}/dateien/{dateiId:guid}")
            .Exempt("öffentlich und ohne Datensätze", "GET /api/beispiel/oeffentlich")
            .Exempt("lädt die Person eines Eintrags in dessen Arbeitskreis ein: die Reichweite prüft der Host an den Gruppen der Einladung (InvitationTests)", "POST /api/beispiel/eintraege/{id:guid}/einladung")
            .Exempt("erklärt keinen Zugang und ist daher für alle gesperrt", "GET /api/beispiel/vergessen");

        Assert.That(await matrix.RunAsync(), Is.Empty);
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
            .Select(e => ApiEndpoints.SamplePath(e.RoutePattern.RawText!))
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
}
