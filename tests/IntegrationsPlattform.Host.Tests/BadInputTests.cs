using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>Bad input on the API and in forms: a clear 400 / inline message, and nothing written.</summary>
[TestFixture]
public sealed class BadInputTests : HostFixture
{
    private static readonly string TooLong = new('x', 101);

    [TestCase("{\"titel\": \"ohne Ende\"", "", TestName = "malformed JSON")]
    [TestCase("{\"titel\": 5, \"kommuneAgs\": \"06437006\"}", "", TestName = "wrong type")]
    [TestCase("[1, 2, 3]", "", TestName = "array instead of object")]
    [TestCase("{}", "titel", TestName = "missing fields")]
    [TestCase("{\"titel\": \"Ein Titel\"}", "kommuneAgs", TestName = "missing municipality")]
    [TestCase("{\"titel\": \"Ein Titel\", \"kommuneAgs\": \"99999999\"}", "kommuneAgs", TestName = "unknown municipality")]
    [TestCase("{\"titel\": \"TOO_LONG\", \"kommuneAgs\": \"06437006\"}", "titel", TestName = "oversized field")]
    public async Task ApiAnswers400ProblemDetailsAndWritesNothing(string body, string erroneousField)
    {
        var before = CountEntries();
        using var content = new StringContent(body.Replace("TOO_LONG", TooLong, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var response = await StaffApi.PostAsync("/api/beispiel/eintraege", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
            if (erroneousField.Length > 0)
            {
                Assert.That(problem.GetProperty("errors").TryGetProperty(erroneousField, out _), Is.True, problem.ToString());
            }

            Assert.That(CountEntries(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task WrongContentTypeIs415ProblemDetails()
    {
        using var content = new StringContent("titel=x", Encoding.UTF8, "text/plain");
        using var response = await StaffApi.PostAsync("/api/beispiel/eintraege", content);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task UnknownApiRouteIs404ProblemDetails()
    {
        using var response = await StaffApi.GetAsync("/api/beispiel/gibt-es-nicht");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public async Task ValidInputIsStored()
    {
        var before = CountEntries();
        using var response = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sprechstunde", kommuneAgs = "06437006" });
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(CountEntries(), Is.EqualTo(before + 1));
        });
    }

    [TestCase("{\"userName\": \"ab\", \"displayName\": \"X\", \"password\": \"Lang-genug-2026\"}", "userName")]
    [TestCase("{\"userName\": \"neu.person\", \"displayName\": \"\", \"password\": \"Lang-genug-2026\"}", "displayName")]
    [TestCase("{\"userName\": \"neu.person\", \"displayName\": \"Neu\", \"password\": \"kurz\"}", "password")]
    [TestCase("{\"userName\": \"neu.person\", \"displayName\": \"Neu\", \"email\": \"keine-mail\", \"password\": \"Lang-genug-2026\"}", "email")]
    [TestCase("{\"userName\": \"admin\", \"displayName\": \"Doppelt\", \"password\": \"Lang-genug-2026\"}", "userName")]
    [TestCase("{\"userName\": \"neu.person\", \"displayName\": \"Neu\", \"password\": \"Lang-genug-2026\", \"roles\": [\"Gibtsnicht\"]}", "roles")]
    public async Task AdminUserCreationRejectsBadInputWithFieldErrors(string body, string field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await AdminApi.PostAsync("/api/admin/users", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var users = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/users");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
            Assert.That(users.EnumerateArray().Select(u => u.GetProperty("userName").GetString()), Does.Not.Contain("neu.person"));
        });
    }

    [Test]
    public async Task FormWithEmptyTitleShowsInlineMessageAndWritesNothing()
    {
        var before = CountEntries();
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var response = await PostBeispielFormAsync(browser, "", "");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("Bitte einen Titel angeben."));
            Assert.That(html, Does.Contain("Bitte eine Kommune im Odenwaldkreis wählen."));
            Assert.That(CountEntries(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task FormPostWithoutAntiforgeryTokenIsRejected()
    {
        var before = CountEntries();
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var response = await browser.PostAsync("/beispiel", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "neuer-eintrag",
            ["Input.Titel"] = "Ohne Token",
            ["Input.KommuneAgs"] = "06437006",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(CountEntries(), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task ValidFormPostStoresAndRedirects()
    {
        var before = CountEntries();
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var response = await PostBeispielFormAsync(browser, "Elternabend", "06437011");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.ToString(), Does.Contain("gespeichert=true"));
            Assert.That(CountEntries(), Is.EqualTo(before + 1));
        });
    }
}
