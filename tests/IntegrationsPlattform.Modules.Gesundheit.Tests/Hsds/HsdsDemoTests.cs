using System.Text.Json.Nodes;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Hsds;

/// <summary>
/// The demo directory through the HSDS API, checked strictly against the HSDS 3.0 schemas: every published demo offer in
/// the export and every page of services, organizations and locations, in German and in a right-to-left language.
/// </summary>
[TestFixture]
public sealed class HsdsDemoTests : ModuleFixture
{
    protected override string ModuleId => "Gesundheit";

    protected override bool DemoData => true;

    [TestCase("")]
    [TestCase("?lang=ar")]
    public async Task TheWholeDemoDirectoryIsStrictHsds(string lang)
    {
        using var anonym = Host.Anonymous();
        var export = JsonNode.Parse(await anonym.GetStringAsync("/api/gesundheit/hsds/export" + lang))!.AsArray();
        var services = await anonym.GetStringAsync("/api/gesundheit/hsds/services?per_page=200" + lang.Replace('?', '&'));
        var organizations = await anonym.GetStringAsync("/api/gesundheit/hsds/organizations?per_page=200");
        var locations = await anonym.GetStringAsync("/api/gesundheit/hsds/locations?per_page=200");

        Assert.That(export, Is.Not.Empty, "the demo data publish offers");
        Assert.That((int)JsonNode.Parse(services)!["total_items"]!, Is.EqualTo(export.Count), "the list counts what the export holds");
        foreach (var service in export)
        {
            HsdsSchemas.Service.AssertValid(service!.ToJsonString());
        }

        HsdsSchemas.ServiceListEntry.Page().AssertValid(services);
        HsdsSchemas.OrganizationListEntry.Page().AssertValid(organizations);
        HsdsSchemas.Location.Page().AssertValid(locations);
    }

    [Test]
    public async Task ADemoProvidersTelephoneIsItsHsdsPhone()
    {
        using var anonym = Host.Anonymous();
        var organizations = JsonNode.Parse(await anonym.GetStringAsync("/api/gesundheit/hsds/organizations?per_page=200"))!["contents"]!.AsArray();
        var praxis = organizations.Single(o => (string?)o!["name"] == "Kinderarztpraxis Dr. Aydın")!;
        var organization = await anonym.GetStringAsync($"/api/gesundheit/hsds/organizations/{(string?)praxis["id"]}");

        HsdsSchemas.Organization.AssertValid(organization);
        var phones = JsonNode.Parse(organization)!["phones"]!.AsArray();
        Assert.That(phones.Select(p => (string?)p!["number"]), Is.EqualTo(new[] { "06062 91230" }));
        Assert.That((string?)phones[0]!["organization_id"], Is.EqualTo((string?)praxis["id"]));
    }
}
