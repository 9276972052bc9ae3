using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Kurse;

/// <summary>Workflow 1, the course catalogue, through the JSON API of one running host.</summary>
public sealed class KurseApiTests : SchulungenFixture
{
    private const string Beliebig = "01900000-0000-7000-8000-000000000001";

    [Test]
    public async Task Creates_reads_changes_and_lists_a_course()
    {
        var id = await SchulungenApi.KursAsync(StaffApi, "Grundlagen diskriminierungskritischer Bildungsarbeit");
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/kurse/{id}");
        var geaendert = SchulungenApi.Kurs("Grundlagen diskriminierungskritischer Bildungsarbeit (zwei Tage)");
        geaendert["format"] = "hybrid";
        geaendert["stunden"] = 12.5m;
        geaendert["voraussetzungen"] = "keine";
        using var put = await StaffApi.PutAsJsonAsync($"/api/schulungen/kurse/{id}", geaendert);
        var nachher = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/kurse/{id}");
        var liste = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/kurse?suche=zwei%20Tage");

        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("entwurf"), "a new course is a draft");
            Assert.That(detail.GetProperty("waehlbareStatus").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "veroeffentlicht", "archiviert" }));
            Assert.That(detail.GetProperty("formatText").GetString(), Is.EqualTo("Präsenz"));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nachher.GetProperty("format").GetString(), Is.EqualTo("hybrid"));
            Assert.That(nachher.GetProperty("stunden").GetDecimal(), Is.EqualTo(12.5m));
            Assert.That(nachher.GetProperty("voraussetzungen").GetString(), Is.EqualTo("keine"));
            Assert.That(SchulungenApi.Ids(liste), Is.EqualTo(new[] { id }));
        });
    }

    [Test]
    public async Task Filters_by_status_and_title_and_pages()
    {
        await SchulungenApi.KursAsync(StaffApi, "Filterkurs A");
        var veroeffentlicht = await SchulungenApi.KursAsync(StaffApi, "Filterkurs B", "veroeffentlicht");
        await SchulungenApi.KursAsync(StaffApi, "Filterkurs C", "archiviert");

        var nurVeroeffentlicht = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/kurse?status=veroeffentlicht&suche=Filterkurs");
        var seite2 = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/kurse?suche=Filterkurs&groesse=2&seite=2");
        var platzhalter = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/kurse?suche=_");
        Assert.Multiple(() =>
        {
            Assert.That(SchulungenApi.Ids(nurVeroeffentlicht), Is.EqualTo(new[] { veroeffentlicht }));
            Assert.That(seite2.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(seite2.GetProperty("rows")[0].GetProperty("titel").GetString(), Is.EqualTo("Filterkurs C"));
            Assert.That(platzhalter.GetProperty("total").GetInt32(), Is.Zero, "_ is searched literally, not as a wildcard");
        });
    }

    [Test]
    public async Task Status_changes_follow_the_lifecycle_and_a_refused_one_names_the_allowed_ones()
    {
        var id = await SchulungenApi.KursAsync(StaffApi, "Lebenszyklus-Kurs", "veroeffentlicht");

        using var zurueck = await StaffApi.PostAsJsonAsync($"/api/schulungen/kurse/{id}/status", new { nach = "entwurf" });
        var problem = await zurueck.Content.ReadFromJsonAsync<JsonElement>();
        using var archiviert = await StaffApi.PostAsJsonAsync($"/api/schulungen/kurse/{id}/status", new { nach = "archiviert" });
        using var aendern = await StaffApi.PutAsJsonAsync($"/api/schulungen/kurse/{id}", SchulungenApi.Kurs("Lebenszyklus-Kurs neu"));
        using var wieder = await StaffApi.PostAsJsonAsync($"/api/schulungen/kurse/{id}/status", new { nach = "veroeffentlicht" });

        Assert.Multiple(() =>
        {
            Assert.That(zurueck.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Kurs").And.Contain("erlaubt: archiviert"));
            Assert.That(archiviert.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(aendern.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "an archived course is kept as it was");
            Assert.That(wieder.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Count("kurse", "id = @id AND titel = 'Lebenszyklus-Kurs'", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_title_is_unique_whatever_its_case()
    {
        await SchulungenApi.KursAsync(StaffApi, "Elternarbeit in der Migrationsgesellschaft");
        var vorher = Count("kurse");

        using var doppelt = await StaffApi.PostAsJsonAsync("/api/schulungen/kurse", SchulungenApi.Kurs("ELTERNARBEIT in der Migrationsgesellschaft"));
        var problem = await doppelt.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(doppelt.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("titel")[0].GetString(), Does.Contain("gibt es schon"));
            Assert.That(Count("kurse"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task An_unknown_course_is_404_with_problem_details()
    {
        using var get = await StaffApi.GetAsync($"/api/schulungen/kurse/{Beliebig}");
        using var put = await StaffApi.PutAsJsonAsync($"/api/schulungen/kurse/{Beliebig}", SchulungenApi.Kurs("Gibt es nicht"));
        using var status = await StaffApi.PostAsJsonAsync($"/api/schulungen/kurse/{Beliebig}/status", new { nach = "archiviert" });
        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(get.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    private static IEnumerable<TestCaseData> SchlechteKurse()
    {
        static string Mit(string feld, object? wert)
        {
            var kurs = SchulungenApi.Kurs("Schlechter Kurs");
            kurs[feld] = wert;
            return JsonSerializer.Serialize(kurs);
        }

        yield return new TestCaseData("{}", "titel", "Bitte den Titel des Kurses angeben.").SetName("Kurs_ohne_alles");
        yield return new TestCaseData(Mit("titel", "   "), "titel", "Bitte den Titel des Kurses angeben.").SetName("Kurs_mit_leerem_Titel");
        yield return new TestCaseData(Mit("titel", new string('x', 201)), "titel", "Höchstens 200 Zeichen erlaubt (201 eingegeben).").SetName("Kurs_mit_zu_langem_Titel");
        yield return new TestCaseData(Mit("lernziele", null), "lernziele", "Bitte die Lernziele angeben.").SetName("Kurs_ohne_Lernziele");
        yield return new TestCaseData(Mit("format", "fernkurs"), "format", "Unbekanntes Format „fernkurs“").SetName("Kurs_mit_unbekanntem_Format");
        yield return new TestCaseData(Mit("format", null), "format", "Bitte das Format wählen").SetName("Kurs_ohne_Format");
        yield return new TestCaseData(Mit("unterrichtseinheiten", 0), "unterrichtseinheiten", "zwischen 1 und 200").SetName("Kurs_mit_null_Einheiten");
        yield return new TestCaseData(Mit("stunden", null), "stunden", "Bitte die Dauer in Zeitstunden angeben.").SetName("Kurs_ohne_Stunden");
        yield return new TestCaseData(Mit("stunden", -1), "stunden", "in Viertelstunden").SetName("Kurs_mit_negativen_Stunden");
        yield return new TestCaseData(Mit("stunden", 1.3m), "stunden", "in Viertelstunden").SetName("Kurs_mit_krummen_Stunden");
        yield return new TestCaseData(Mit("voraussetzungen", new string('x', 2001)), "voraussetzungen", "Höchstens 2.000 Zeichen").SetName("Kurs_mit_zu_langen_Voraussetzungen");
        yield return new TestCaseData("""{"titel":""", null, null).SetName("Kurs_als_kaputtes_JSON");
        yield return new TestCaseData("""{"titel":"Zahl","unterrichtseinheiten":"acht"}""", null, null).SetName("Kurs_mit_Text_als_Zahl");
        yield return new TestCaseData("[]", null, null).SetName("Kurs_als_Liste");
    }

    [TestCaseSource(nameof(SchlechteKurse))]
    public async Task Refuses_a_bad_course_at_its_field_and_writes_nothing(string json, string? feld, string? meldung)
    {
        var vorher = Count("kurse");
        using var response = await StaffApi.PostAsync("/api/schulungen/kurse", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            if (feld is not null)
            {
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").GetProperty(feld)[0].GetString(), Does.Contain(meldung), body);
            }

            Assert.That(Count("kurse"), Is.EqualTo(vorher));
        });
    }

    [TestCase("status=verschollen", "status")]
    [TestCase("status=offen", "status")]
    public async Task Refuses_unknown_filters(string query, string feld)
    {
        using var response = await StaffApi.GetAsync("/api/schulungen/kurse?" + query);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out _), Is.True);
        });
    }

    [TestCase("{}", "nach")]
    [TestCase("""{"nach":"geloescht"}""", "nach")]
    public async Task Refuses_a_bad_status_change(string json, string feld)
    {
        var id = await SchulungenApi.KursAsync(StaffApi, $"Statuskurs {Guid.NewGuid():N}");
        using var response = await StaffApi.PostAsync($"/api/schulungen/kurse/{id}/status", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out _), Is.True);
            Assert.That(Count("kurse", "id = @id AND status = 'entwurf'", new { id }), Is.EqualTo(1));
        });
    }
}
