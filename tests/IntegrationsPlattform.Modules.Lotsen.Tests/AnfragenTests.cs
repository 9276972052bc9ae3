using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Requests through the API: intake with its rules, the case log, status changes.</summary>
public sealed class AnfragenTests : LotsenFixture
{
    [Test]
    public async Task A_request_is_taken_in_with_its_languages_and_a_first_log_entry()
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("K.M.", ["ar", "KU "]));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("kennung").GetString(), Is.EqualTo("K.M."));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("offen"));
            Assert.That(detail.GetProperty("sprachen").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "ar", "ku" }));
            Assert.That(detail.GetProperty("aktivitaeten").EnumerateArray().Single().GetProperty("art").GetString(), Is.EqualTo("angelegt"));
        });
    }

    private static IEnumerable<TestCaseData> BadRequests()
    {
        var ok = Testdaten.Anfrage();
        string Json(object o) => JsonSerializer.Serialize(o);
        string Mit(string feld, object? wert)
        {
            var d = JsonSerializer.Deserialize<Dictionary<string, object?>>(Json(ok))!;
            d[feld] = wert;
            return Json(d);
        }

        yield return new TestCaseData(Mit("kommuneAgs", null), "kommuneAgs").SetName("request without municipality");
        yield return new TestCaseData(Mit("kommuneAgs", "06411000"), "kommuneAgs").SetName("municipality outside the Kreis");
        yield return new TestCaseData(Mit("sprachen", new[] { "xx" }), "sprachen").SetName("unknown language code");
        yield return new TestCaseData(Mit("sprachen", Array.Empty<string>()), "sprachen").SetName("no language");
        yield return new TestCaseData(Mit("thema", "steuern"), "thema").SetName("unknown topic");
        yield return new TestCaseData(Mit("kennung", ""), "kennung").SetName("no pseudonym");
        yield return new TestCaseData(Mit("kennung", new string('x', 51)), "kennung").SetName("pseudonym too long");
        yield return new TestCaseData(Mit("datumBis", "2020-01-01"), "datumBis").SetName("window ends before it starts");
        yield return new TestCaseData(Mit("uhrzeitVon", "25:00"), "uhrzeitVon").SetName("impossible time");
        yield return new TestCaseData(Mit("vermitteltDurch", "irgendwer"), "vermitteltDurch").SetName("unknown referrer");
        yield return new TestCaseData("{\"kennung\": \"A.\", ", null).SetName("malformed JSON");
        yield return new TestCaseData(Mit("sprachen", 5), null).SetName("languages of the wrong type");
        yield return new TestCaseData(Mit("datumVon", "morgen"), null).SetName("date of the wrong format");
    }

    [TestCaseSource(nameof(BadRequests))]
    public async Task Bad_input_is_refused_with_a_field_message_and_nothing_is_written(string json, string? feld)
    {
        var before = Count("anfragen");
        using var response = await StaffApi.PostAsync("/api/lotsen/anfragen", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(Count("anfragen"), Is.EqualTo(before));
        });
        if (feld is not null)
        {
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(feld, out _), Is.True, body);
        }
    }

    [Test]
    public async Task The_list_filters_by_status_and_language()
    {
        await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("T.I.", ["ti"]));

        var list = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/anfragen?sprache=ti&status=offen");
        var rows = list.GetProperty("rows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.Not.Empty);
            Assert.That(rows.All(r => r.GetProperty("sprachen").EnumerateArray().Any(s => s.GetString() == "ti")), Is.True);
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(rows.Count));
        });
    }

    [Test]
    public async Task Status_changes_follow_the_lifecycle()
    {
        var id = await NeueAnfrageAsync();

        using var ohneGrund = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/status", new { status = "abgebrochen" });
        using var erledigt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/status", new { status = "erledigt", grund = "x" });
        using var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/status", new { status = "vermittelt" });
        using var abgebrochen = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/status", new { status = "abgebrochen", grund = "Termin hat sich erledigt" });
        using var wieder = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/status", new { status = "offen", grund = "doch nötig" });

        Assert.Multiple(async () =>
        {
            Assert.That(ohneGrund.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(erledigt.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "offen → erledigt is not a step of the lifecycle");
            Assert.That(vermittelt.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "vermittelt only through assigning a Lotse");
            Assert.That(abgebrochen.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(wieder.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "abgebrochen is final");
            Assert.That(await wieder.Content.ReadAsStringAsync(), Does.Contain("endgültig"));
            Assert.That(Count("anfragen", "id = @id AND status = 'abgebrochen' AND geschlossen_am IS NOT NULL", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_case_log_takes_manual_entries_only_of_the_manual_kinds()
    {
        var id = await NeueAnfrageAsync();

        using var ok = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/aktivitaeten", new { art = "kontaktiert", notiz = "Telefonisch erreicht" });
        using var falsch = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/aktivitaeten", new { art = "vermittelt", notiz = "geschummelt" });
        using var leer = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/aktivitaeten", new { art = "notiz", notiz = "" });

        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(falsch.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(leer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("anfrage_aktivitaeten", "anfrage_id = @id", new { id }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_filter_without_hits_gives_an_empty_page()
    {
        var list = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/anfragen?sprache=sgn&thema=kita&status=erledigt");
        Assert.Multiple(() =>
        {
            Assert.That(list.GetProperty("rows").GetArrayLength(), Is.Zero);
            Assert.That(list.GetProperty("total").GetInt32(), Is.Zero);
        });
    }

    [Test]
    public async Task Unknown_requests_are_404()
    {
        using var response = await StaffApi.GetAsync($"/api/lotsen/anfragen/{Guid.NewGuid()}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<string> NeueAnfrageAsync()
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
