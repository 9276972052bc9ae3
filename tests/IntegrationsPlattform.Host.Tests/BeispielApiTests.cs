using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The Beispiel test plugin's single-entry read, the one build/bench.sh measures.</summary>
[TestFixture]
public sealed class BeispielApiTests : HostFixture
{
    [Test]
    public async Task EntryIsReadByIdWithoutPersonalFields()
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sprachcafé", kommuneAgs = "06437006", personName = "Erika Muster" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var entry = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/beispiel/eintraege/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(entry.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(entry.GetProperty("titel").GetString(), Is.EqualTo("Sprachcafé"));
            Assert.That(entry.GetProperty("kommuneAgs").GetString(), Is.EqualTo("06437006"));
            Assert.That(entry.TryGetProperty("personName", out _), Is.False);
        });
    }

    [Test]
    public async Task UnknownEntryIsNotFoundAndAnonymousIsUnauthorized()
    {
        using var unknown = await StaffApi.GetAsync($"/api/beispiel/eintraege/{Guid.CreateVersion7()}");
        using var anonymous = Host.Anonymous();
        using var withoutToken = await anonymous.GetAsync($"/api/beispiel/eintraege/{Guid.CreateVersion7()}");
        Assert.Multiple(() =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(unknown.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(withoutToken.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }
}
