using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static IntegrationsPlattform.Modules.Lotsen.Tests.Register.LotsenApi;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>The Lotsen registry through its JSON API: CRUD, lifecycle, search, bad input, permissions, scope, audit, export, DSGVO.</summary>
public sealed class LotsenRegisterApiTests : LotsenFixture
{
    private static readonly string Unbekannt = Guid.NewGuid().ToString();

    // --- create, read, update ---

    [Test]
    public async Task A_registered_Lotse_is_stored_with_everything_and_can_be_changed()
    {
        var token = Eindeutig();
        var id = await AnlegenAsync(StaffApi, Gueltig(token, themen: ["behoerden", "schule"], kommunen: [Erbach, Michelstadt]));
        var gelesen = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/lotsen/{id}");

        var geaendert = Gueltig(token, vorname: "Amira Neu", sprachen: ["fa"], kommunen: [Michelstadt]);
        geaendert["verfuegbarkeit"] = new JsonArray(new JsonObject { ["wochentag"] = 6, ["von"] = "10:00", ["bis"] = "12:30" });
        using var put = await StaffApi.PutAsync($"/api/lotsen/lotsen/{id}", Json(geaendert));
        var danach = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/lotsen/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(gelesen.GetProperty("status").GetString(), Is.EqualTo("interessiert"));
            Assert.That(gelesen.GetProperty("sprachen").EnumerateArray().Select(s => s.GetProperty("code").GetString()), Is.EqualTo(new[] { "ar", "de" }));
            Assert.That(gelesen.GetProperty("themen").GetArrayLength(), Is.EqualTo(2));
            Assert.That(gelesen.GetProperty("kommunen").GetArrayLength(), Is.EqualTo(2));
            Assert.That(gelesen.GetProperty("verfuegbarkeit").GetArrayLength(), Is.EqualTo(2));
            Assert.That(gelesen.GetProperty("einwilligungVersion").GetString(), Is.EqualTo("2026-01"));
            Assert.That(gelesen.GetProperty("einwilligungBis").GetString(), Is.EqualTo(DateOnly.Parse(Tag(), System.Globalization.CultureInfo.InvariantCulture).AddMonths(24).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(gelesen.GetProperty("verlauf").EnumerateArray().Single().GetProperty("durch").GetString(), Is.EqualTo("fachkraft"));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(danach.GetProperty("vorname").GetString(), Is.EqualTo("Amira Neu"));
            Assert.That(danach.GetProperty("sprachen").EnumerateArray().Single().GetProperty("code").GetString(), Is.EqualTo("fa"));
            Assert.That(danach.GetProperty("kommunen").EnumerateArray().Single().GetString(), Is.EqualTo(Michelstadt));
            Assert.That(danach.GetProperty("verfuegbarkeit").EnumerateArray().Single().GetProperty("bis").GetString(), Is.EqualTo("12:30"));
            Assert.That(danach.GetProperty("einwilligungAm").GetString(), Is.EqualTo(gelesen.GetProperty("einwilligungAm").GetString()), "an update does not touch the consent");
        });
    }

    [Test]
    public async Task An_unknown_Lotse_is_404_everywhere()
    {
        using var get = await StaffApi.GetAsync($"/api/lotsen/lotsen/{Unbekannt}");
        using var put = await StaffApi.PutAsync($"/api/lotsen/lotsen/{Unbekannt}", Json(Gueltig("Niemand")));
        using var status = await StatusAsync(StaffApi, Unbekannt, "in_schulung");
        using var quali = await QualifikationAsync(StaffApi, Unbekannt);
        Assert.That(new[] { get.StatusCode, put.StatusCode, status.StatusCode, quali.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
    }

    // --- lifecycle ---

    [Test]
    public async Task The_lifecycle_runs_and_aktiv_needs_a_Basisqualifizierung()
    {
        var id = await AnlegenAsync(StaffApi, Gueltig(Eindeutig()));
        using var direkt = await StatusAsync(StaffApi, id, "aktiv");
        using var schulung = await StatusAsync(StaffApi, id, "in_schulung", "Kurs ab März");
        using var ohneBasis = await StatusAsync(StaffApi, id, "aktiv");
        var ohneBasisText = await ohneBasis.Content.ReadFromJsonAsync<JsonElement>();
        using var aufbau = await QualifikationAsync(StaffApi, id, "aufbaukurs");
        using var nurAufbau = await StatusAsync(StaffApi, id, "aktiv");
        using var basis = await QualifikationAsync(StaffApi, id);
        using var aktiv = await StatusAsync(StaffApi, id, "aktiv");
        using var pause = await StatusAsync(StaffApi, id, "pausiert", "Elternzeit");
        using var zurueck = await StatusAsync(StaffApi, id, "aktiv");
        using var ende = await StatusAsync(StaffApi, id, "ausgeschieden", "Umzug");
        using var nachEnde = await StatusAsync(StaffApi, id, "aktiv");
        var nachEndeText = await nachEnde.Content.ReadFromJsonAsync<JsonElement>();
        using var unbekannt = await StatusAsync(StaffApi, id, "urlaub");
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/lotsen/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(direkt.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(schulung.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(ohneBasis.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(ohneBasisText.GetProperty("detail").GetString(), Does.Contain("Basisqualifizierung"));
            Assert.That(aufbau.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(nurAufbau.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(basis.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(new[] { aktiv.StatusCode, pause.StatusCode, zurueck.StatusCode, ende.StatusCode }, Is.All.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nachEnde.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(nachEndeText.GetProperty("detail").GetString(), Does.Contain("endgültig"));
            Assert.That(unbekannt.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("ausgeschieden"));
            Assert.That(detail.GetProperty("qualifikationen").GetArrayLength(), Is.EqualTo(2));
            var verlauf = detail.GetProperty("verlauf").EnumerateArray().ToList();
            Assert.That(verlauf.Select(v => v.GetProperty("nach").GetString()), Is.EqualTo(new[] { "interessiert", "in_schulung", "aktiv", "pausiert", "aktiv", "ausgeschieden" }));
            Assert.That(verlauf[3].GetProperty("grund").GetString(), Is.EqualTo("Elternzeit"));
            Assert.That(verlauf[3].GetProperty("von").GetString(), Is.EqualTo("aktiv"));
            Assert.That(verlauf.Select(v => v.GetProperty("durch").GetString()), Is.All.EqualTo("fachkraft"));
            Assert.That(Count("lotse_status_verlauf", "lotse_id = @id", new { id }), Is.EqualTo(6));
        });
    }

    [TestCase("unbekannt", "2026-01-01", "Land Hessen", "art")]
    [TestCase("basisqualifizierung", null, "Land Hessen", "datum")]
    [TestCase("basisqualifizierung", "2999-01-01", "Land Hessen", "datum")]
    [TestCase("basisqualifizierung", "2026-01-01", "", "anbieter")]
    [TestCase("basisqualifizierung", "2026-01-01", "LANG", "anbieter")]
    public async Task A_bad_qualification_is_refused_and_nothing_written(string art, string? datum, string anbieter, string feld)
    {
        var id = await AnlegenAsync(StaffApi, Gueltig(Eindeutig()));
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/qualifikationen", new { art, datum, anbieter = anbieter == "LANG" ? new string('x', 201) : anbieter });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out _), Is.True, problem.ToString());
            Assert.That(Count("lotse_qualifikationen", "lotse_id = @id", new { id }), Is.Zero);
        });
    }

    // --- bad input on registration ---

    private static IEnumerable<TestCaseData> FalscheEingaben()
    {
        TestCaseData Fall(string name, Action<JsonObject> aendern, string feld, string? enthaelt = null)
            => new TestCaseData(aendern, feld, enthaelt).SetArgDisplayNames(name);

        yield return Fall("unbekannter Sprachcode", b => b["sprachen"] = new JsonArray(new JsonObject { ["code"] = "xx", ["niveau"] = "gut" }), "sprachen", "„xx“");
        yield return Fall("zweiter Sprachcode unbekannt", b => b["sprachen"]!.AsArray().Add(new JsonObject { ["code"] = "klingonisch", ["niveau"] = "gut" }), "sprachen", "klingonisch");
        yield return Fall("unbekanntes Niveau", b => b["sprachen"] = new JsonArray(new JsonObject { ["code"] = "ar", ["niveau"] = "fließend" }), "sprachen");
        yield return Fall("Sprache doppelt", b => b["sprachen"] = new JsonArray(new JsonObject { ["code"] = "ar", ["niveau"] = "gut" }, new JsonObject { ["code"] = "AR", ["niveau"] = "gut" }), "sprachen");
        yield return Fall("unbekannter Wohnort", b => b["wohnortAgs"] = "06437999", "wohnortAgs", "06437999");
        yield return Fall("Wohnort fehlt", b => b["wohnortAgs"] = null, "wohnortAgs");
        yield return Fall("unbekannte Kommune", b => b["kommunen"] = new JsonArray("06437006", "99999999"), "kommunen", "99999999");
        yield return Fall("keine Kommune", b => b["kommunen"] = new JsonArray(), "kommunen");
        yield return Fall("leerer Vorname", b => b["vorname"] = "", "vorname");
        yield return Fall("Nachname nur Leerzeichen", b => b["nachname"] = "   ", "nachname");
        yield return Fall("Vorname zu lang", b => b["vorname"] = new string('a', 101), "vorname");
        yield return Fall("Nachname zu lang", b => b["nachname"] = new string('a', 5000), "nachname");
        yield return Fall("E-Mail zu lang", b => b["email"] = new string('a', 250) + "@x.de", "email");
        yield return Fall("E-Mail ungültig", b => b["email"] = "kein-at", "email");
        yield return Fall("Telefon zu lang", b => b["telefon"] = new string('1', 51), "telefon");
        yield return Fall("weder E-Mail noch Telefon", b => { b["email"] = null; b["telefon"] = " "; }, "email");
        yield return Fall("Uhrzeit ohne HH:MM", b => b["verfuegbarkeit"] = new JsonArray(new JsonObject { ["wochentag"] = 1, ["von"] = "9 Uhr", ["bis"] = "12:00" }), "verfuegbarkeit", "HH:MM");
        yield return Fall("Uhrzeit 25:00", b => b["verfuegbarkeit"] = new JsonArray(new JsonObject { ["wochentag"] = 1, ["von"] = "09:00", ["bis"] = "25:00" }), "verfuegbarkeit");
        yield return Fall("von nach bis", b => b["verfuegbarkeit"] = new JsonArray(new JsonObject { ["wochentag"] = 1, ["von"] = "12:00", ["bis"] = "09:00" }), "verfuegbarkeit", "vor");
        yield return Fall("Wochentag 8", b => b["verfuegbarkeit"] = new JsonArray(new JsonObject { ["wochentag"] = 8, ["von"] = "09:00", ["bis"] = "10:00" }), "verfuegbarkeit");
        yield return Fall("überlappende Zeitfenster", b => b["verfuegbarkeit"] = new JsonArray(
            new JsonObject { ["wochentag"] = 3, ["von"] = "09:00", ["bis"] = "12:00" },
            new JsonObject { ["wochentag"] = 3, ["von"] = "11:00", ["bis"] = "13:00" }), "verfuegbarkeit", "überschneiden");
        yield return Fall("unbekanntes Thema", b => b["themen"] = new JsonArray("astrologie"), "themen", "astrologie");
        yield return Fall("unbekannte Vermittlung", b => b["vermitteltDurch"] = "freundeskreis", "vermitteltDurch");
        yield return Fall("Träger ohne Trägervermittlung", b => b["traegerId"] = Guid.NewGuid().ToString(), "traegerId");
        yield return Fall("unbekannter Träger", b => { b["vermitteltDurch"] = "traeger"; b["traegerId"] = Guid.NewGuid().ToString(); }, "traegerId");
        yield return Fall("Benutzername mit Leerzeichen", b => b["benutzername"] = "amira beispiel", "benutzername");
        yield return Fall("ohne Einwilligung", b => b.Remove("einwilligungAm"), "einwilligungAm");
        yield return Fall("Einwilligung in der Zukunft", b => b["einwilligungAm"] = TestClock.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "einwilligungAm");
        yield return Fall("Einwilligung abgelaufen", b => b["einwilligungAm"] = "2020-01-01", "einwilligungAm");
    }

    [TestCaseSource(nameof(FalscheEingaben))]
    public async Task Bad_input_is_a_400_naming_the_field_and_nothing_is_written(Action<JsonObject> aendern, string feld, string? enthaelt)
    {
        var body = Gueltig(Eindeutig());
        aendern(body);
        var vorher = AlleZeilen();
        using var response = await StaffApi.PostAsync("/api/lotsen/lotsen", Json(body));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
            Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out var meldungen), Is.True, problem.ToString());
            if (enthaelt is not null)
            {
                Assert.That(meldungen.EnumerateArray().Select(m => m.GetString()), Has.Some.Contains(enthaelt));
            }

            Assert.That(AlleZeilen(), Is.EqualTo(vorher));
        });
    }

    [TestCase("{", TestName = "malformed JSON")]
    [TestCase("[]", TestName = "an array instead of an object")]
    [TestCase("{\"vorname\": 5, \"nachname\": \"X\"}", TestName = "a number for a name")]
    [TestCase("{\"vorname\": \"A\", \"verfuegbarkeit\": [{\"wochentag\": \"Montag\", \"von\": \"09:00\", \"bis\": \"10:00\"}]}", TestName = "a weekday as text")]
    [TestCase("{\"vorname\": \"A\", \"themen\": \"behoerden\"}", TestName = "a string for a list")]
    [TestCase("{\"vorname\": \"A\", \"sprachen\": [\"ar\"]}", TestName = "a string for a language object")]
    [TestCase("{\"vorname\": \"A\", \"einwilligungAm\": \"gestern\"}", TestName = "a date that is no date")]
    public async Task A_body_that_is_no_Lotse_is_a_400_and_nothing_is_written(string json)
    {
        var vorher = AlleZeilen();
        using var post = await StaffApi.PostAsync("/api/lotsen/lotsen", new StringContent(json, Encoding.UTF8, "application/json"));
        using var put = await StaffApi.PutAsync($"/api/lotsen/lotsen/{Unbekannt}", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Multiple(() =>
        {
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(post.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(AlleZeilen(), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_refused_update_changes_nothing()
    {
        var token = Eindeutig();
        var id = await AnlegenAsync(StaffApi, Gueltig(token));
        var body = Gueltig(token, vorname: "Neu", sprachen: ["ar", "zz"]);
        using var response = await StaffApi.PutAsync($"/api/lotsen/lotsen/{id}", Json(body));
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/lotsen/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(detail.GetProperty("vorname").GetString(), Is.EqualTo("Amira"));
            Assert.That(detail.GetProperty("sprachen").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_platform_user_name_belongs_to_one_Lotse_only()
    {
        var name = "lotse." + Eindeutig().ToLowerInvariant();
        var erste = Gueltig(Eindeutig());
        erste["benutzername"] = name;
        await AnlegenAsync(StaffApi, erste);
        var zweite = Gueltig(Eindeutig());
        zweite["benutzername"] = name.ToUpperInvariant();
        using var response = await StaffApi.PostAsync("/api/lotsen/lotsen", Json(zweite));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty("benutzername", out _), Is.True);
        });
    }

    // --- search ---

    [Test]
    public async Task Search_filters_by_language_municipality_topic_status_qualification_and_name_and_pages()
    {
        var token = Eindeutig();
        var a = await AnlegenAsync(StaffApi, Gueltig(token, "Anna", ["ar"], [Erbach], ["behoerden"]));
        var b = await AnlegenAsync(StaffApi, Gueltig(token, "Bora", ["uk"], [Michelstadt], ["schule"]));
        var c = await AnlegenAsync(StaffApi, Gueltig(token, "Cem", ["ar", "uk"], [BadKoenig], ["schule", "kita"]));
        using (await QualifikationAsync(StaffApi, b))
        using (await StatusAsync(StaffApi, c, "in_schulung"))
        {
        }

        var n = $"name={token}";
        var seite2 = await SucheAsync(StaffApi, $"{n}&groesse=2&seite=2");
        var alle = await SucheAsync(StaffApi, n);
        Assert.Multiple(async () =>
        {
            Assert.That(Namen(alle), Is.EqualTo(new[] { "Anna", "Bora", "Cem" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&sprache=ar")), Is.EqualTo(new[] { "Anna", "Cem" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&kommune={Michelstadt}")), Is.EqualTo(new[] { "Bora" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&thema=schule")), Is.EqualTo(new[] { "Bora", "Cem" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&status=in_schulung")), Is.EqualTo(new[] { "Cem" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&qualifikation=basisqualifizierung")), Is.EqualTo(new[] { "Bora" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&sprache=uk&thema=schule&kommune={BadKoenig}")), Is.EqualTo(new[] { "Cem" }));
            Assert.That(Namen(await SucheAsync(StaffApi, $"{n}&sprache=ps")), Is.Empty);
            Assert.That(Namen(await SucheAsync(StaffApi, $"name=Cem%20{token}")), Is.EqualTo(new[] { "Cem" }));
            Assert.That(seite2.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(seite2.GetProperty("lastPage").GetInt32(), Is.EqualTo(2));
            Assert.That(Namen(seite2), Is.EqualTo(new[] { "Cem" }));
            var cem = alle.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("id").GetString() == c);
            Assert.That(cem.GetProperty("sprachen").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "ar", "uk" }));
            Assert.That(cem.GetProperty("themen").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "kita", "schule" }));
            Assert.That(cem.GetProperty("kommunen").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { BadKoenig }));
            Assert.That(a, Is.Not.EqualTo(b));
        });
    }

    [Test]
    public async Task A_search_is_one_audit_entry_with_filter_and_count_and_without_the_name()
    {
        var token = Eindeutig();
        await AnlegenAsync(StaffApi, Gueltig(token, "Dana", ["ti"]));
        await SucheAsync(StaffApi, $"name={token}&sprache=ti");
        var eintraege = await AuditAsync(AdminApi, "Sprache=ti");
        var zeilen = eintraege.GetProperty("rows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(zeilen, Has.Count.EqualTo(1));
            Assert.That(zeilen[0].GetProperty("action").GetString(), Is.EqualTo("List"));
            Assert.That(zeilen[0].GetProperty("details").GetString(), Does.Contain("1 Treffer").And.Contain("Name=(gesetzt)").And.Not.Contain(token));
        });
    }

    [Test]
    public async Task Detail_view_create_change_and_export_are_audited()
    {
        var token = Eindeutig();
        var id = await AnlegenAsync(StaffApi, Gueltig(token, sprachen: ["so"]));
        await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/lotsen/{id}");
        using (await StatusAsync(StaffApi, id, "in_schulung"))
        using (var csv = await StaffApi.GetAsync($"/api/lotsen/lotsen/export.csv?name={token}"))
        {
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var aktionen = (await AuditAsync(AdminApi, id)).GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        var export = (await AuditAsync(AdminApi, "CSV: Name=(gesetzt)")).GetProperty("rows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(aktionen, Does.Contain("Create").And.Contain("View").And.Contain("Change"));
            Assert.That(export.Select(r => r.GetProperty("action").GetString()), Has.Some.EqualTo("Export"));
        });
    }

    [Test]
    public async Task The_CSV_export_holds_the_search_result_in_German_for_Excel()
    {
        var token = Eindeutig();
        await AnlegenAsync(StaffApi, Gueltig(token, "Emre", ["tr", "ku"], [Erbach, Michelstadt], ["arbeit"]));
        await AnlegenAsync(StaffApi, Gueltig(token, "Fatma", ["ps"]));
        using var response = await StaffApi.GetAsync($"/api/lotsen/lotsen/export.csv?name={token}&sprache=tr");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var zeilen = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(zeilen, Has.Length.EqualTo(2));
            Assert.That(zeilen[0], Does.StartWith("Nachname;Vorname;Status;Sprachen;Kommunen;Themen"));
            Assert.That(zeilen[1], Does.Contain("Emre;interessiert;Kurdisch, Türkisch;Erbach, Michelstadt;Arbeit"));
        });
    }

    // --- permissions ---

    private static IEnumerable<TestCaseData> Endpunkte()
    {
        var id = Guid.NewGuid();
        yield return new TestCaseData("GET", "/api/lotsen/lotsen", null).SetArgDisplayNames("Suche");
        yield return new TestCaseData("GET", "/api/lotsen/lotsen/export.csv", null).SetArgDisplayNames("CSV");
        yield return new TestCaseData("GET", $"/api/lotsen/lotsen/{id}", null).SetArgDisplayNames("Detail");
        yield return new TestCaseData("POST", "/api/lotsen/lotsen", "{}").SetArgDisplayNames("Anlegen");
        yield return new TestCaseData("PUT", $"/api/lotsen/lotsen/{id}", "{}").SetArgDisplayNames("Ändern");
        yield return new TestCaseData("POST", $"/api/lotsen/lotsen/{id}/status", "{}").SetArgDisplayNames("Status");
        yield return new TestCaseData("POST", $"/api/lotsen/lotsen/{id}/qualifikationen", "{}").SetArgDisplayNames("Qualifikation");
        yield return new TestCaseData("POST", $"/api/lotsen/lotsen/{id}/einwilligung", "{}").SetArgDisplayNames("Einwilligung");
    }

    [TestCaseSource(nameof(Endpunkte))]
    public async Task Every_endpoint_is_401_anonymous_and_403_without_a_Lotsen_permission(string method, string path, string? body)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json") };
        using var anonymous = Host.Anonymous();
        using var ohneLogin = await anonymous.SendAsync(Request());
        using var ohneRecht = await AdminApi.SendAsync(Request());
        Assert.Multiple(() =>
        {
            Assert.That(ohneLogin.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(ohneRecht.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task A_user_with_a_municipality_scoped_grant_sees_Lotsen_serving_it_and_changes_only_those_serving_nowhere_else()
    {
        var token = Eindeutig();
        using var koordination = await ScopedUserAsync(token, Erbach);
        var geteilt = await AnlegenAsync(StaffApi, Gueltig(token, "Gül", kommunen: [Erbach, Michelstadt]));
        var erbach = await AnlegenAsync(StaffApi, Gueltig(token, "Dana", kommunen: [Erbach]));
        var michelstadt = await AnlegenAsync(StaffApi, Gueltig(token, "Hamid", kommunen: [Michelstadt]));

        var treffer = await SucheAsync(koordination, $"name={token}");
        using var fremd = await koordination.GetAsync($"/api/lotsen/lotsen/{michelstadt}");
        using var fremdAendern = await koordination.PutAsync($"/api/lotsen/lotsen/{michelstadt}", Json(Gueltig(token, "Geändert", kommunen: [Erbach])));
        using var fremdStatus = await StatusAsync(koordination, michelstadt, "in_schulung");
        using var fremdQuali = await QualifikationAsync(koordination, michelstadt);
        using var fremdEinwilligung = await koordination.PostAsJsonAsync($"/api/lotsen/lotsen/{michelstadt}/einwilligung", new { am = Tag() });
        using var geteiltLesen = await koordination.GetAsync($"/api/lotsen/lotsen/{geteilt}");
        using var geteiltStatus = await StatusAsync(koordination, geteilt, "in_schulung");
        using var geteiltNurErbach = await koordination.PutAsync($"/api/lotsen/lotsen/{geteilt}", Json(Gueltig(token, "Gül", kommunen: [Erbach])));
        using var eigenStatus = await StatusAsync(koordination, erbach, "in_schulung");
        var vorher = Count("lotsen");
        using var ausserhalb = await koordination.PostAsync("/api/lotsen/lotsen", Json(Gueltig(token, "Irina", kommunen: [Michelstadt])));
        var csv = await koordination.GetStringAsync($"/api/lotsen/lotsen/export.csv?name={token}");

        Assert.Multiple(() =>
        {
            Assert.That(Namen(treffer), Is.EqualTo(new[] { "Dana", "Gül" }));
            Assert.That(new[] { fremd.StatusCode, fremdAendern.StatusCode, fremdStatus.StatusCode, fremdQuali.StatusCode, fremdEinwilligung.StatusCode }, Is.All.EqualTo(HttpStatusCode.NotFound));
            Assert.That(geteiltLesen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(new[] { geteiltStatus.StatusCode, geteiltNurErbach.StatusCode }, Is.All.EqualTo(HttpStatusCode.Forbidden), "Michelstadt's share of the Lotse is not hers to change or take away");
            Assert.That(eigenStatus.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(ausserhalb.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Count("lotsen"), Is.EqualTo(vorher));
            Assert.That(Count("lotsen", "id IN (@michelstadt, @geteilt) AND status = 'interessiert'", new { michelstadt, geteilt }), Is.EqualTo(2));
            Assert.That(Count("lotse_kommunen", "lotse_id = @geteilt", new { geteilt }), Is.EqualTo(2));
            Assert.That(csv, Does.Contain("Gül").And.Not.Contain("Hamid"));
        });
    }

    // --- consent ---

    [Test]
    public async Task Renewing_the_consent_records_a_new_date_version_and_expiry()
    {
        var id = await AnlegenAsync(StaffApi, Gueltig(Eindeutig()));
        using (var connection = ModuleDatabase())
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE lotsen SET einwilligung_version = '2024-01', erinnerung_am = '2026-01-01T00:00:00Z' WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            command.ExecuteNonQuery();
        }

        var am = Tag(1);
        using var renew = await StaffApi.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/einwilligung", new { am });
        using var zukunft = await StaffApi.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/einwilligung", new { am = "2999-01-01" });
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/lotsen/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(renew.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(zukunft.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(detail.GetProperty("einwilligungAm").GetString(), Is.EqualTo(am));
            Assert.That(detail.GetProperty("einwilligungVersion").GetString(), Is.EqualTo("2026-01"));
            Assert.That(detail.GetProperty("einwilligungBis").GetString(), Is.EqualTo(DateOnly.Parse(am, System.Globalization.CultureInfo.InvariantCulture).AddMonths(24).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(detail.GetProperty("erinnerungAm").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    // --- DSGVO ---

    [Test]
    public async Task A_Lotse_is_found_exported_and_erased_by_the_data_subject_request_and_the_row_stays()
    {
        var token = Eindeutig();
        var email = $"{token.ToLowerInvariant()}@demo.invalid";
        var body = Gueltig(token, "Jelena", ["sr", "de"], [Erbach], ["gesundheit"], email);
        body["benutzername"] = "lotse-" + token.ToLowerInvariant();
        var id = await AnlegenAsync(StaffApi, body);
        using (await QualifikationAsync(StaffApi, id))
        using (await StatusAsync(StaffApi, id, "in_schulung", "Kurs"))
        {
        }

        var gefunden = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = $"Jelena {token}" })).Content.ReadFromJsonAsync<JsonElement>();
        var perEmail = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { email = email.ToUpperInvariant() })).Content.ReadFromJsonAsync<JsonElement>();
        var export = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/export", new { email })).Content.ReadFromJsonAsync<JsonElement>();
        using var erase = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            email,
            records = new[] { new { module = "Lotsen", recordType = "Lotse", recordId = id } },
        });
        var danach = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { email })).Content.ReadFromJsonAsync<JsonElement>();

        var felder = export.EnumerateArray().Single(e => e.GetProperty("module").GetString() == "Lotsen").GetProperty("data").GetProperty("fields");
        Assert.Multiple(() =>
        {
            Assert.That(gefunden.EnumerateArray().Count(r => r.GetProperty("record").GetProperty("recordId").GetString() == id), Is.EqualTo(1));
            Assert.That(perEmail.EnumerateArray().Count(r => r.GetProperty("record").GetProperty("recordId").GetString() == id), Is.EqualTo(1));
            Assert.That(felder.GetProperty("E-Mail").GetString(), Is.EqualTo(email));
            Assert.That(felder.GetProperty("Sprachen").GetString(), Does.Contain("Serbisch (sr): Muttersprache").And.Contain("Deutsch"));
            Assert.That(felder.GetProperty("Themen").GetString(), Is.EqualTo("Gesundheit"));
            Assert.That(felder.GetProperty("Kommunen (AGS)").GetString(), Is.EqualTo(Erbach));
            Assert.That(felder.GetProperty("Verfügbarkeit").GetString(), Does.Contain("Dienstag 09:00–12:00"));
            Assert.That(felder.GetProperty("Qualifikationen").GetString(), Does.Contain("Basisqualifizierung"));
            Assert.That(felder.GetProperty("Statusverlauf").GetString(), Does.Contain("in Schulung"));
            Assert.That(felder.GetProperty("Benutzername").GetString(), Is.EqualTo("lotse-" + token.ToLowerInvariant()));
            Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(danach.GetArrayLength(), Is.Zero);
            Assert.That(Count("lotsen", "id = @id AND vorname = 'gelöscht' AND nachname = 'gelöscht' AND email IS NULL AND telefon IS NULL AND benutzername IS NULL", new { id }), Is.EqualTo(1));
            Assert.That(Count("lotse_sprachen", "lotse_id = @id", new { id }) + Count("lotse_themen", "lotse_id = @id", new { id }) + Count("lotse_verfuegbarkeit", "lotse_id = @id", new { id }), Is.Zero);
            Assert.That(Count("lotse_kommunen", "lotse_id = @id", new { id }), Is.EqualTo(1), "the figures per municipality survive");
            Assert.That(Count("lotse_status_verlauf", "lotse_id = @id AND grund IS NOT NULL", new { id }), Is.Zero, "free-text reasons may name the person");
            Assert.That(Count("lotse_status_verlauf", "lotse_id = @id", new { id }), Is.EqualTo(2), "the status history itself stays");
        });
    }

    // --- helpers ---

    private static string Eindeutig() => "T" + Guid.NewGuid().ToString("N")[..10];

    private (long, long, long, long, long, long, long) AlleZeilen() => (
        Count("lotsen"), Count("lotse_sprachen"), Count("lotse_themen"), Count("lotse_kommunen"), Count("lotse_verfuegbarkeit"), Count("lotse_status_verlauf"), Count("lotse_qualifikationen"));

    /// <summary>A user holding Lesen and Bearbeiten for one municipality only (through the admin API).</summary>
    private Task<HttpClient> ScopedUserAsync(string token, string ags)
        => TestKonten.ApiAsync(Host, AdminApi, "koord-" + token, TestKonten.Recht("lotsen.lesen", ags), TestKonten.Recht("lotsen.bearbeiten", ags));
}
