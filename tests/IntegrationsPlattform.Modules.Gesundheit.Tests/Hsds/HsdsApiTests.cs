using System.Net;
using System.Text.Json.Nodes;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Hsds;

/// <summary>
/// The public Open Referral HSDS 3.0 API as other directories use it, without signing in: every answer checked strictly
/// against the HSDS schemas (the test kit's <see cref="HsdsSchemas"/>), a known offer field by field, HSDS's paging,
/// translations with German fallback, and that nothing unpublished ever shows.
/// </summary>
[TestFixture]
public sealed class HsdsApiTests : ModuleFixture
{
    private const string Api = "/api/gesundheit/hsds";

    /// <summary>The module's only endpoints that answer without sign-in (the access checks of every other endpoint leave them out).</summary>
    internal static readonly string[] OeffentlicheEndpunkte =
    [
        $"GET {Api}/", $"GET {Api}/services", $"GET {Api}/services/{{id}}", $"GET {Api}/organizations", $"GET {Api}/organizations/{{id}}",
        $"GET {Api}/locations", $"GET {Api}/locations/{{id}}", $"GET {Api}/export",
    ];

    private HttpClient anonym = null!;

    protected override string ModuleId => "Gesundheit";

    [OneTimeSetUp]
    public void SeedOffers()
    {
        using var connection = ModuleDatabase();
        HsdsTestdaten.Schreiben(connection, Host.Clock.Today);
        anonym = Host.Anonymous();
    }

    [OneTimeTearDown]
    public void DisposeClient() => anonym.Dispose();

    [TestCase("/services/" + HsdsTestdaten.Impfsprechstunde, TestName = "a fully nested service")]
    [TestCase("/services/" + HsdsTestdaten.Zahnputzkurs, TestName = "a service without places, languages or hours")]
    [TestCase("/organizations/" + HsdsTestdaten.Praxis, TestName = "a fully nested organization")]
    [TestCase("/locations/" + HsdsTestdaten.OrtMarkt, TestName = "a location")]
    public async Task AnEntityIsStrictHsds(string path)
        => Schema(path).AssertValid(await JsonAsync(path));

    [TestCase("/services", TestName = "the page of services")]
    [TestCase("/services?per_page=1&page=2", TestName = "a later page of services")]
    [TestCase("/services?page=9", TestName = "a page past the end")]
    [TestCase("/organizations", TestName = "the page of organizations")]
    [TestCase("/locations", TestName = "the page of locations")]
    public async Task APageIsStrictHsds(string path)
        => Schema(path).Page().AssertValid(await JsonAsync(path));

    [Test]
    public async Task TheExportIsEveryPublishedOfferAsAStrictFullyNestedService()
    {
        var export = JsonNode.Parse(await JsonAsync("/export"))!.AsArray();

        Assert.That(export.Select(s => (string?)s!["id"]), Is.EquivalentTo(new[] { HsdsTestdaten.Impfsprechstunde, HsdsTestdaten.Zahnputzkurs }));
        foreach (var service in export)
        {
            HsdsSchemas.Service.AssertValid(service!.ToJsonString());
        }
    }

    [Test]
    public async Task AKnownOfferIsMappedFieldByField()
    {
        var service = JsonNode.Parse(await JsonAsync("/services/" + HsdsTestdaten.Impfsprechstunde))!;
        var location = service["service_at_locations"]![0]!;
        var address = location["location"]!["addresses"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)service["id"], Is.EqualTo(HsdsTestdaten.Impfsprechstunde));
            Assert.That((string?)service["organization_id"], Is.EqualTo(HsdsTestdaten.Praxis));
            Assert.That((string?)service["name"], Is.EqualTo("Impfsprechstunde"));
            Assert.That((string?)service["description"], Is.EqualTo("Impfungen nach STIKO für Kinder"));
            Assert.That((string?)service["application_process"], Is.EqualTo("Telefonisch oder in der Praxis"));
            Assert.That((string?)service["eligibility_description"], Is.EqualTo("Impfpass mitbringen"));
            Assert.That((string?)service["status"], Is.EqualTo("active"));
            Assert.That((string?)service["interpretation_services"], Is.EqualTo("Dolmetscher auf Anfrage"));
            Assert.That((string?)service["fees_description"], Is.EqualTo("kostenlos"));
            Assert.That((decimal?)service["minimum_age"], Is.EqualTo(0.5m), "6 Monate");
            Assert.That((decimal?)service["maximum_age"], Is.EqualTo(6m), "72 Monate");
            Assert.That((string?)service["url"], Does.EndWith("/gesundheit/angebote/" + HsdsTestdaten.Impfsprechstunde));
            Assert.That(DateTimeOffset.Parse((string)service["last_modified"]!, System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(DateTimeOffset.Parse(HsdsTestdaten.GeprueftAm, System.Globalization.CultureInfo.InvariantCulture)));

            Assert.That((string?)service["organization"]!["name"], Is.EqualTo("Kinderarztpraxis am Markt"));
            Assert.That((string?)service["organization"]!["email"], Is.EqualTo("praxis@example.org"));
            Assert.That((string?)service["organization"]!["website"], Is.EqualTo("https://www.praxis-am-markt.example/"), "a website without scheme gets https");

            Assert.That(service["languages"]!.AsArray().Select(l => ((string?)l!["code"], (string?)l["name"])),
                Is.EqualTo(new[] { ("ar", "Arabisch"), ("tr", "Türkisch") }));

            var impftag = service["schedules"]!.AsArray().Single()!;
            var tag = Host.Clock.Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            Assert.That((string?)impftag["id"], Is.EqualTo(HsdsTestdaten.ZeitImpftag));
            Assert.That(((string?)impftag["dtstart"], (string?)impftag["valid_from"], (string?)impftag["valid_to"]), Is.EqualTo((tag, tag, tag)));
            Assert.That(((string?)impftag["opens_at"], (string?)impftag["closes_at"], (string?)impftag["description"]), Is.EqualTo(("14:00", "18:00", "Impftag im Rathaus")));
            Assert.That(impftag["freq"], Is.Null, "a single day has no rule");

            Assert.That((string?)location["location_id"], Is.EqualTo(HsdsTestdaten.OrtMarkt));
            Assert.That((string?)location["location"]!["name"], Is.EqualTo("Praxis am Markt"));
            Assert.That((string?)location["location"]!["location_type"], Is.EqualTo("physical"));
            Assert.That(((double?)location["location"]!["latitude"], (double?)location["location"]!["longitude"]), Is.EqualTo((49.6577, 8.9938)));
            Assert.That(((string?)address["address_1"], (string?)address["postal_code"], (string?)address["city"], (string?)address["state_province"], (string?)address["country"]),
                Is.EqualTo(("Marktplatz 3", "64711", "Erbach", "Hessen", "DE")));
            Assert.That((string?)location["location"]!["accessibility"]![0]!["description"], Is.EqualTo("stufenloser Zugang"));

            var woechentlich = location["schedules"]!.AsArray().Single()!;
            Assert.That((string?)woechentlich["id"], Is.EqualTo(HsdsTestdaten.ZeitWoechentlich));
            Assert.That(((string?)woechentlich["freq"], (string?)woechentlich["byday"], (string?)woechentlich["opens_at"], (string?)woechentlich["closes_at"]),
                Is.EqualTo(("WEEKLY", "MO,WE", "09:00", "12:00")));
            Assert.That((string?)woechentlich["service_at_location_id"], Is.EqualTo((string?)location["id"]));
        });
    }

    [Test]
    public async Task DerivedIdsStayTheSameFromAnswerToAnswer()
    {
        var first = await JsonAsync("/services/" + HsdsTestdaten.Impfsprechstunde);
        var again = await JsonAsync("/services/" + HsdsTestdaten.Impfsprechstunde);
        var fromExport = JsonNode.Parse(await JsonAsync("/export"))!.AsArray().Single(s => (string?)s!["id"] == HsdsTestdaten.Impfsprechstunde)!;

        Assert.That(again, Is.EqualTo(first));
        Assert.That(fromExport.ToJsonString(), Is.EqualTo(JsonNode.Parse(first)!.ToJsonString()));
    }

    [Test]
    public async Task TheListShowsOneToOneFieldsAndTheProviderOrderedByTitle()
    {
        var page = JsonNode.Parse(await JsonAsync("/services"))!;
        var contents = page["contents"]!.AsArray();

        Assert.That(contents.Select(s => (string?)s!["name"]), Is.EqualTo(new[] { "Impfsprechstunde", "Zahnputzkurs" }));
        Assert.That(contents.Select(s => (string?)s!["organization"]!["id"]), Is.All.EqualTo(HsdsTestdaten.Praxis));
        Assert.That(contents.Select(s => s!["service_at_locations"] ?? s["languages"] ?? s["schedules"]), Is.All.Null, "nested arrays only in the full service");
        Assert.That((string?)contents[1]!["fees_description"], Is.EqualTo("5 Euro je Kurs"));
    }

    [TestCase("", "Impfsprechstunde", "Impfungen nach STIKO für Kinder", "Zahnputzkurs", TestName = "German without lang")]
    [TestCase("?lang=en", "Vaccination consultation", "Vaccinations for children", "Zahnputzkurs", TestName = "English where translated, German where not")]
    [TestCase("?lang=ar", "Impfsprechstunde", "Impfungen nach STIKO für Kinder", "Zahnputzkurs", TestName = "German when nothing is translated")]
    [TestCase("?lang=xx", "Impfsprechstunde", "Impfungen nach STIKO für Kinder", "Zahnputzkurs", TestName = "German for a language the deployment does not offer")]
    public async Task TextsComeInTheAskedLanguageWithGermanFallback(string lang, string name, string description, string otherName)
    {
        var service = JsonNode.Parse(await JsonAsync("/services/" + HsdsTestdaten.Impfsprechstunde + lang))!;
        var other = JsonNode.Parse(await JsonAsync("/services/" + HsdsTestdaten.Zahnputzkurs + lang))!;
        var listed = JsonNode.Parse(await JsonAsync("/services" + lang))!["contents"]!.AsArray().Select(s => (string?)s!["name"]);

        Assert.Multiple(() =>
        {
            Assert.That(((string?)service["name"], (string?)service["description"]), Is.EqualTo((name, description)));
            Assert.That((string?)service["application_process"], Is.EqualTo("Telefonisch oder in der Praxis"), "not translated: German");
            Assert.That((string?)other["name"], Is.EqualTo(otherName));
            Assert.That(listed, Does.Contain(name));
        });
    }

    [TestCase("?lang=en", "Interpreter on request", "free of charge", "step-free access", TestName = "The module's phrases in English")]
    [TestCase("?lang=tr", "İstek üzerine tercüman", "ücretsiz", "basamaksız giriş", TestName = "The module's phrases in Turkish")]
    [TestCase("?lang=xx", "Dolmetscher auf Anfrage", "kostenlos", "stufenloser Zugang", TestName = "The module's phrases in German for a language the deployment does not offer")]
    public async Task ThePhrasesTheModuleWritesComeInTheAskedLanguage(string lang, string dolmetschen, string kostenlos, string stufenlos)
    {
        var service = JsonNode.Parse(await JsonAsync("/services/" + HsdsTestdaten.Impfsprechstunde + lang))!;
        var ort = JsonNode.Parse(await JsonAsync("/locations/" + HsdsTestdaten.OrtMarkt + lang))!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)service["interpretation_services"], Is.EqualTo(dolmetschen));
            Assert.That((string?)service["fees_description"], Is.EqualTo(kostenlos));
            Assert.That((string?)service["service_at_locations"]![0]!["location"]!["accessibility"]![0]!["description"], Is.EqualTo(stufenlos));
            Assert.That((string?)ort["accessibility"]![0]!["description"], Is.EqualTo(stufenlos));
        });
    }

    [Test]
    public async Task NothingUnpublishedShows()
    {
        var export = await JsonAsync("/export");
        var zahnputzkurs = JsonNode.Parse(await JsonAsync("/services/" + HsdsTestdaten.Zahnputzkurs))!;
        var organizations = JsonNode.Parse(await JsonAsync("/organizations"))!["contents"]!.AsArray().Select(o => (string?)o!["id"]);
        var locations = JsonNode.Parse(await JsonAsync("/locations"))!["contents"]!.AsArray().Select(o => (string?)o!["id"]);

        Assert.Multiple(() =>
        {
            foreach (var id in new[] { HsdsTestdaten.Entwurf, HsdsTestdaten.ZurPruefung, HsdsTestdaten.Archiviert, HsdsTestdaten.Abgelaufen })
            {
                Assert.That(export, Does.Not.Contain(id));
            }

            Assert.That(export, Does.Not.Contain(HsdsTestdaten.ZahnputzkursInPruefung), "a change waiting for review stays unseen");
            Assert.That((string?)zahnputzkurs["name"], Is.EqualTo("Zahnputzkurs"));
            Assert.That(organizations, Is.EqualTo(new[] { HsdsTestdaten.Praxis }), "a provider whose only offer has expired is not public");
            Assert.That(locations, Is.EqualTo(new[] { HsdsTestdaten.OrtMarkt }), "a place only a draft uses is not public");
        });
    }

    [TestCase("/services/" + HsdsTestdaten.Entwurf, TestName = "a draft")]
    [TestCase("/services/" + HsdsTestdaten.ZurPruefung, TestName = "an offer in review")]
    [TestCase("/services/" + HsdsTestdaten.Archiviert, TestName = "an archived offer")]
    [TestCase("/services/" + HsdsTestdaten.Abgelaufen, TestName = "an offer past its last day")]
    [TestCase("/services/0193a000-0000-7000-8000-00000000ffff", TestName = "an unknown service")]
    [TestCase("/services/keine-uuid", TestName = "a service id that is no UUID")]
    [TestCase("/organizations/" + HsdsTestdaten.PraxisOhneVeroeffentlichung, TestName = "a provider without a published offer")]
    [TestCase("/organizations/0193a000-0000-7000-8000-00000000ffff", TestName = "an unknown organization")]
    [TestCase("/organizations/anbieter-1", TestName = "an organization id that is no UUID")]
    [TestCase("/locations/" + HsdsTestdaten.OrtBadeweg, TestName = "a place only a draft uses")]
    [TestCase("/locations/ort-1", TestName = "a location id that is no UUID")]
    public async Task WhatIsNotPublicIsNotFoundAsProblemDetails(string path)
    {
        using var response = await anonym.GetAsync(Api + path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((int?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"], Is.EqualTo(404));
    }

    [Test]
    public async Task PagesFollowHsdsPaging()
    {
        var first = JsonNode.Parse(await JsonAsync("/services?per_page=1"))!;
        var second = JsonNode.Parse(await JsonAsync("/services?per_page=1&page=2"))!;
        var past = JsonNode.Parse(await JsonAsync("/services?per_page=1&page=3"))!;

        Assert.Multiple(() =>
        {
            Assert.That(Felder(first), Is.EqualTo((2, 2, 1, 1, true, false, false)));
            Assert.That(Felder(second), Is.EqualTo((2, 2, 2, 1, false, true, false)));
            Assert.That(Felder(past), Is.EqualTo((2, 2, 3, 0, false, true, true)));
            Assert.That((string?)first["contents"]![0]!["id"], Is.Not.EqualTo((string?)second["contents"]![0]!["id"]));
        });

        static (int, int, int, int, bool, bool, bool) Felder(JsonNode page) => (
            (int)page["total_items"]!, (int)page["total_pages"]!, (int)page["page_number"]!, (int)page["size"]!,
            (bool)page["first_page"]!, (bool)page["last_page"]!, (bool)page["empty"]!);
    }

    [TestCase("/services?page=0", "page")]
    [TestCase("/services?page=-1", "page")]
    [TestCase("/services?page=abc", "page")]
    [TestCase("/services?page=1.5", "page")]
    [TestCase("/services?per_page=0", "per_page")]
    [TestCase("/services?per_page=201", "per_page")]
    [TestCase("/services?per_page=99999999999", "per_page")]
    [TestCase("/services?organization_id=praxis", "organization_id")]
    [TestCase("/organizations?page=x", "page")]
    [TestCase("/organizations?per_page=-5", "per_page")]
    [TestCase("/locations?page=0", "page")]
    public async Task BadPagingIsA400NamingTheParameter(string path, string parameter)
    {
        using var response = await anonym.GetAsync(Api + path);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That((string?)problem["errors"]![parameter]![0], Does.Contain(parameter));
    }

    [Test]
    public async Task SearchAndProviderFilterNarrowTheList()
    {
        var gesucht = JsonNode.Parse(await JsonAsync("/services?search=impf"))!;
        var ohneTreffer = JsonNode.Parse(await JsonAsync("/services?organization_id=" + HsdsTestdaten.PraxisOhneVeroeffentlichung))!;

        Assert.That(gesucht["contents"]!.AsArray().Select(s => (string?)s!["id"]), Is.EqualTo(new[] { HsdsTestdaten.Impfsprechstunde }));
        Assert.That(((int)ohneTreffer["total_items"]!, (bool)ohneTreffer["empty"]!), Is.EqualTo((0, true)));
    }

    [Test]
    public async Task TheApiDescribesItselfAndIsInTheOpenApiDocument()
    {
        var info = JsonNode.Parse(await JsonAsync(""))!;
        var openApi = JsonNode.Parse(await anonym.GetStringAsync("/openapi/v1.json"))!["paths"]!.AsObject();

        Assert.That((string?)info["version"], Is.EqualTo("3.0"));
        Assert.That(Uri.IsWellFormedUriString((string?)info["openapi_url"], UriKind.Absolute));
        Assert.That(openApi.Select(p => p.Key), Is.SupersetOf(new[]
        {
            Api + "/services", Api + "/services/{id}", Api + "/organizations", Api + "/organizations/{id}",
            Api + "/locations", Api + "/locations/{id}", Api + "/export",
        }));
    }

    [Test]
    public void OnlyTheHsdsEndpointsArePublic()
        => Assert.That(ApiEndpoints.Of(Host, "/api/gesundheit/").Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null).Select(e => e.Key),
            Is.EquivalentTo(OeffentlicheEndpunkte));

    private static HsdsSchemas Schema(string path) => path switch
    {
        _ when path.StartsWith("/services/", StringComparison.Ordinal) => HsdsSchemas.Service,
        _ when path.StartsWith("/services", StringComparison.Ordinal) => HsdsSchemas.ServiceListEntry,
        _ when path.StartsWith("/organizations/", StringComparison.Ordinal) => HsdsSchemas.Organization,
        _ when path.StartsWith("/locations", StringComparison.Ordinal) => HsdsSchemas.Location,
        _ => HsdsSchemas.OrganizationListEntry,
    };

    /// <summary>An HSDS answer to an anonymous visitor: 200, JSON.</summary>
    private async Task<string> JsonAsync(string path)
    {
        using var response = await anonym.GetAsync(Api + path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return body;
    }
}
