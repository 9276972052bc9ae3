using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>Workflow 3, the schools of the Kreis with their types, through the API and the pages.</summary>
public sealed class SchulenTests : SchulungenFixture
{
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";

    [Test]
    public async Task Creates_changes_filters_and_lists_schools_with_the_Kreis_school_types()
    {
        var arten = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/schularten");
        using var angelegt = await StaffApi.PostAsJsonAsync("/api/schulungen/schulen", new { name = "Gymnasium Michelstadt", schulart = "gymnasium", kommune = Michelstadt });
        var id = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var _ = await StaffApi.PostAsJsonAsync("/api/schulungen/schulen", new { name = "Grundschule Erbach", schulart = "grundschule", kommune = Erbach });
        using var geaendert = await StaffApi.PutAsJsonAsync($"/api/schulungen/schulen/{id}", new { name = "Gymnasium Michelstadt", schulart = "kgs", kommune = Michelstadt });

        var inMichelstadt = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/schulen?kommune={Michelstadt}");
        var kgs = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/schulen?schulart=kgs");
        var seite = await PageAsync($"/schulungen/schulen?kommune={Michelstadt}");

        Assert.Multiple(() =>
        {
            Assert.That(arten.EnumerateArray().Select(a => a.GetProperty("bezeichnung").GetString()), Does.Contain("Integrierte Gesamtschule").And.Contain("Förderschule"));
            Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(geaendert.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(SchulungenApi.Ids(inMichelstadt), Is.EqualTo(new[] { id }));
            Assert.That(kgs.GetProperty("rows")[0].GetProperty("schulartText").GetString(), Is.EqualTo("Kooperative Gesamtschule"));
            Assert.That(seite, Does.Contain("Gymnasium Michelstadt").And.Contain("Kooperative Gesamtschule").And.Not.Contain("Grundschule Erbach"));
        });
    }

    [TestCase("""{"schulart":"gymnasium","kommune":"06437006"}""", "name", "Bitte den Namen der Schule angeben.")]
    [TestCase("""{"name":"Schule X","schulart":"waldorf","kommune":"06437006"}""", "schulart", "Unbekannte Schulart „waldorf“.")]
    [TestCase("""{"name":"Schule Y","schulart":"gymnasium"}""", "kommune", null)]
    [TestCase("""{"name":"Schule Z","schulart":"gymnasium","kommune":"99999999"}""", "kommune", null)]
    public async Task Refuses_a_bad_school_at_its_field_and_writes_nothing(string json, string feld, string? meldung)
    {
        var vorher = Count("schulen");
        using var response = await StaffApi.PostAsync("/api/schulungen/schulen", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var fehler = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(fehler.TryGetProperty(feld, out var meldungen), Is.True);
            if (meldung is not null)
            {
                Assert.That(meldungen[0].GetString(), Is.EqualTo(meldung));
            }

            Assert.That(Count("schulen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task The_same_name_in_one_municipality_is_refused_through_the_form()
    {
        using var erste = await SubmitAsync("/schulungen/schulen/neu", "schule", ("Input.Name", "Schule am Seitenrand"), ("Input.Schulart", "igs"), ("Input.Kommune", Erbach));
        using var zweite = await SubmitAsync("/schulungen/schulen/neu", "schule", ("Input.Name", "SCHULE AM SEITENRAND"), ("Input.Schulart", "igs"), ("Input.Kommune", Erbach));
        var html = WebUtility.HtmlDecode(await zweite.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(erste.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(PageForms.MessagesAt(html, "id=\"name\""), Does.Contain("Eine Schule mit diesem Namen gibt es in dieser Kommune schon."));
            Assert.That(Count("schulen", "name = 'Schule am Seitenrand'"), Is.EqualTo(1));
        });
    }
}
