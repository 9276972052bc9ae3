using System.Text.Json.Nodes;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The test kit's strict HSDS 3.0 check, proven on hand-written documents: a module's HSDS tests rely on it to
/// refuse what Open Referral's own validation refuses, so each kind of mistake is shown to fail with its path.
/// </summary>
[TestFixture]
public sealed class HsdsSchemasTests
{
    private const string ServiceId = "0192f3a4-5b6c-7d8e-9f00-112233445566";
    private const string OrganizationId = "0192f3a4-5b6c-7d8e-9f00-aabbccddeeff";
    private const string LocationId = "0192f3a4-5b6c-7d8e-9f00-0a0b0c0d0e0f";

    [Test]
    public void AHandWrittenFullyNestedServicePasses()
        => HsdsSchemas.Service.AssertValid(ValidService().ToJsonString());

    [Test]
    public void AHandWrittenPageOfServicesPasses()
    {
        var entry = ValidService();
        foreach (var nested in new[] { "languages", "schedules", "service_at_locations" })
        {
            entry.Remove(nested);
        }

        HsdsSchemas.ServiceListEntry.Page().AssertValid(Page(entry).ToJsonString());
    }

    [TestCase("/extra_field", "\"x\"", TestName = "a property the schema does not have")]
    [TestCase("/service_at_locations/0/location/extra_field", "true", TestName = "a property outside the schema deep inside")]
    [TestCase("/organization/mitarbeitende", "3", TestName = "a property outside the nested organization")]
    [TestCase("/id", "\"42\"", TestName = "an id that is no UUID")]
    [TestCase("/url", "\"keine Adresse\"", TestName = "a URL that is no URI")]
    [TestCase("/email", "\"praxis-at-example.org\"", TestName = "an e-mail address without @")]
    [TestCase("/minimum_age", "\"drei\"", TestName = "a number given as text")]
    [TestCase("/status", "\"veroeffentlicht\"", TestName = "a status outside the enumeration")]
    [TestCase("/schedules/0/freq", "\"DAILY\"", TestName = "a frequency HSDS does not know")]
    [TestCase("/languages/0/id", "\"de\"", TestName = "a nested id that is no UUID")]
    public void AWrongServiceFailsWithItsPathNamed(string path, string wrongValue)
    {
        var service = ValidService();
        Set(service, path, JsonNode.Parse(wrongValue));

        var problems = HsdsSchemas.Service.Problems(service.ToJsonString());

        Assert.That(problems, Has.Some.StartWith(path + ":"), string.Join("\n", problems));
    }

    [Test]
    public void AServiceWithoutARequiredFieldFails()
    {
        var service = ValidService();
        service.Remove("name");

        Assert.That(HsdsSchemas.Service.Problems(service.ToJsonString()), Has.Some.Contains("name"));
    }

    [TestCase("total_items", TestName = "a page without its total")]
    [TestCase("last_page", TestName = "a page without last_page")]
    public void APageWithoutAPageFieldFails(string field)
    {
        var page = Page(HsdsOrganization());
        page.Remove(field);

        Assert.That(HsdsSchemas.OrganizationListEntry.Page().Problems(page.ToJsonString()), Has.Some.Contains(field));
    }

    [Test]
    public void APageWithAFieldOutsideTheApiFailsAndAWrongEntryIsNamedByItsIndex()
    {
        var page = Page(HsdsOrganization());
        page["next"] = "/organizations?page=2";
        page["contents"]![0]!["website"] = "nicht absolut";

        var problems = HsdsSchemas.OrganizationListEntry.Page().Problems(page.ToJsonString());

        Assert.That(problems, Has.Some.StartWith("/next:").And.Some.StartWith("/contents/0/website:"), string.Join("\n", problems));
    }

    private static JsonObject Page(JsonObject entry) => new()
    {
        ["total_items"] = 1,
        ["total_pages"] = 1,
        ["page_number"] = 1,
        ["size"] = 1,
        ["first_page"] = true,
        ["last_page"] = true,
        ["empty"] = false,
        ["contents"] = new JsonArray(entry),
    };

    private static JsonObject HsdsOrganization() => new()
    {
        ["id"] = OrganizationId,
        ["name"] = "Kinderarztpraxis am Markt",
        ["description"] = "Praxis für Kinder- und Jugendmedizin",
        ["email"] = "praxis@example.org",
        ["website"] = "https://praxis.example.org/",
    };

    private static JsonObject ValidService() => new()
    {
        ["id"] = ServiceId,
        ["organization_id"] = OrganizationId,
        ["name"] = "U-Untersuchungen",
        ["description"] = "Früherkennungsuntersuchungen U1 bis U9",
        ["url"] = "https://kreis.example.org/gesundheit/angebote/" + ServiceId,
        ["email"] = "praxis@example.org",
        ["status"] = "active",
        ["interpretation_services"] = "Dolmetschen auf Anfrage",
        ["fees_description"] = "kostenlos",
        ["eligibility_description"] = "Kinder von 0 bis 6 Jahren",
        ["minimum_age"] = 0,
        ["maximum_age"] = 6,
        ["organization"] = HsdsOrganization(),
        ["languages"] = new JsonArray(new JsonObject
        {
            ["id"] = "0192f3a4-5b6c-7d8e-9f00-000000000001",
            ["service_id"] = ServiceId,
            ["name"] = "Arabisch",
            ["code"] = "ar",
        }),
        ["schedules"] = new JsonArray(new JsonObject
        {
            ["id"] = "0192f3a4-5b6c-7d8e-9f00-000000000002",
            ["service_id"] = ServiceId,
            ["freq"] = "WEEKLY",
            ["byday"] = "MO,WE",
            ["opens_at"] = "09:00",
            ["closes_at"] = "12:00",
        }),
        ["service_at_locations"] = new JsonArray(new JsonObject
        {
            ["id"] = "0192f3a4-5b6c-7d8e-9f00-000000000003",
            ["service_id"] = ServiceId,
            ["location_id"] = LocationId,
            ["location"] = new JsonObject
            {
                ["id"] = LocationId,
                ["location_type"] = "physical",
                ["name"] = "Praxis am Markt",
                ["addresses"] = new JsonArray(new JsonObject
                {
                    ["id"] = "0192f3a4-5b6c-7d8e-9f00-000000000004",
                    ["location_id"] = LocationId,
                    ["address_1"] = "Marktplatz 1",
                    ["city"] = "Erbach",
                    ["state_province"] = "Hessen",
                    ["postal_code"] = "64711",
                    ["country"] = "DE",
                    ["address_type"] = "physical",
                }),
                ["accessibility"] = new JsonArray(new JsonObject
                {
                    ["id"] = "0192f3a4-5b6c-7d8e-9f00-000000000005",
                    ["location_id"] = LocationId,
                    ["description"] = "stufenloser Zugang",
                }),
            },
        }),
    };

    /// <summary>Sets the value at a JSON pointer whose parents exist (the last segment is a property name).</summary>
    private static void Set(JsonObject document, string pointer, JsonNode? value)
    {
        var segments = pointer.Trim('/').Split('/');
        JsonNode parent = document;
        foreach (var segment in segments[..^1])
        {
            parent = int.TryParse(segment, out var index) ? parent[index]! : parent[segment]!;
        }

        parent[segments[^1]] = value;
    }
}
