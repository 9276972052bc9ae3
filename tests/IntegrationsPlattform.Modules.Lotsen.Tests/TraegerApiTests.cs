using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Workflow 1, the Träger search, through the JSON API of one running host.</summary>
public sealed class TraegerApiTests : LotsenFixture
{
    private const string BadKoenig = "06437001";
    private const string Brensbach = "06437003";
    private const string Breuberg = "06437004";
    private const string Brombachtal = "06437005";
    private const string Erbach = "06437006";
    private const string FraenkischCrumbach = "06437007";
    private const string Hoechst = "06437009";
    private const string Michelstadt = "06437011";
    private const string Mossautal = "06437012";
    private const string Beliebig = "01900000-0000-7000-8000-000000000001";

    /// <summary>An end date that is in the past in every time zone and after the agreements' start (2025-01-01).</summary>
    private static readonly string Gestern = TestClock.Today.AddDays(-2).ToString("yyyy-MM-dd");

    // --- create, read, update, list ---

    [Test]
    public async Task Creates_reads_changes_and_lists_a_candidate()
    {
        var id = await CreateAsync("Diakonie Odenwald", [Erbach, Michelstadt], ansprechperson: "Greta Beispiel", email: "greta@diakonie.invalid");
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}");
        using var put = await StaffApi.PutAsJsonAsync($"/api/lotsen/traeger/{id}", new { name = "Diakonie im Odenwald", ansprechperson = "Greta Beispiel", telefon = "06062 123-45", kommunen = new[] { Erbach } });
        var changed = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}");
        var list = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger?suche=Diakonie%20im%20Odenwald");

        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("name").GetString(), Is.EqualTo("Diakonie Odenwald"));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("identifiziert"));
            Assert.That(detail.GetProperty("kommunen").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { Erbach, Michelstadt }));
            Assert.That(detail.GetProperty("verlauf").GetArrayLength(), Is.EqualTo(1), "the creation is the first entry of the history");
            Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(changed.GetProperty("name").GetString(), Is.EqualTo("Diakonie im Odenwald"));
            Assert.That(changed.GetProperty("email").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(changed.GetProperty("telefon").GetString(), Is.EqualTo("06062 123-45"));
            Assert.That(changed.GetProperty("kommunen").GetArrayLength(), Is.EqualTo(1));
            Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(list.GetProperty("rows")[0].GetProperty("id").GetString(), Is.EqualTo(id));
        });
    }

    [Test]
    public async Task Filters_by_status_and_municipality_and_pages()
    {
        var a = await CreateAsync("Filtertest Verein A", [Mossautal]);
        var b = await CreateAsync("Filtertest Verein B", [Mossautal]);
        await CreateAsync("Filtertest Verein C", [Hoechst]);
        await ChangeStatusAsync(b, "kontaktiert");

        var mossautal = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger?kommune={Mossautal}&suche=Filtertest");
        var kontaktiert = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger?status=kontaktiert&suche=Filtertest");
        var seite2 = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger?suche=Filtertest&groesse=2&seite=2");
        var wildcard = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger?suche=%25");
        Assert.Multiple(() =>
        {
            Assert.That(Ids(mossautal), Is.EquivalentTo(new[] { a, b }));
            Assert.That(Ids(kontaktiert), Is.EqualTo(new[] { b }));
            Assert.That(seite2.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(seite2.GetProperty("rows").GetArrayLength(), Is.EqualTo(1));
            Assert.That(seite2.GetProperty("rows")[0].GetProperty("name").GetString(), Is.EqualTo("Filtertest Verein C"));
            Assert.That(wildcard.GetProperty("total").GetInt32(), Is.Zero, "% is searched literally, not as a wildcard");
        });
    }

    [TestCase("status=verschollen", "status")]
    [TestCase("kommune=99999999", "kommune")]
    public async Task Refuses_unknown_filters(string query, string field)
    {
        using var response = await StaffApi.GetAsync("/api/lotsen/traeger?" + query);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True);
        });
    }

    [Test]
    public async Task An_unknown_id_is_404()
    {
        using var get = await StaffApi.GetAsync($"/api/lotsen/traeger/{Beliebig}");
        using var status = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{Beliebig}/status", new { nach = "kontaktiert" });
        using var kontakte = await StaffApi.GetAsync($"/api/lotsen/traeger/{Beliebig}/kontakte");
        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(kontakte.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(get.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    // --- bad input: 400, nothing written ---

    private static IEnumerable<TestCaseData> BadCreateBodies()
    {
        yield return new TestCaseData("{}", "name").SetName("Create_without_name");
        yield return new TestCaseData("""{"name":"   "}""", "name").SetName("Create_with_blank_name");
        yield return new TestCaseData($$"""{"name":"{{new string('x', 201)}}"}""", "name").SetName("Create_with_too_long_name");
        yield return new TestCaseData($$"""{"name":"Zu lang","ansprechperson":"{{new string('x', 201)}}"}""", "ansprechperson").SetName("Create_with_too_long_contact_person");
        yield return new TestCaseData($$"""{"name":"Zu lang","notiz":"{{new string('x', 2001)}}"}""", "notiz").SetName("Create_with_too_long_note");
        yield return new TestCaseData("""{"name":"Unbekannt","kommunen":["99999999"]}""", "kommunen").SetName("Create_with_unknown_ags");
        yield return new TestCaseData("""{"name":"Unbekannt","kommunen":["06437001","0643700"]}""", "kommunen").SetName("Create_with_one_malformed_ags");
        yield return new TestCaseData("""{"name":"Mail","email":"kein-at"}""", "email").SetName("Create_with_bad_email");
        yield return new TestCaseData("""{"name":"Telefon","telefon":"ruf mich an"}""", "telefon").SetName("Create_with_bad_phone");
        yield return new TestCaseData("""{"name":""", null).SetName("Create_with_malformed_json");
        yield return new TestCaseData("""{"name":123}""", null).SetName("Create_with_number_as_name");
        yield return new TestCaseData("""{"name":"Typ","kommunen":"06437001"}""", null).SetName("Create_with_string_as_municipality_list");
        yield return new TestCaseData("[]", null).SetName("Create_with_array_body");
        yield return new TestCaseData("null", null).SetName("Create_with_null_body");
    }

    [TestCaseSource(nameof(BadCreateBodies))]
    public async Task Refuses_bad_input_for_create_and_writes_nothing(string json, string? field)
    {
        var before = (Count("traeger"), Count("traeger_kommunen"), Count("traeger_status_verlauf"));
        using var response = await StaffApi.PostAsync("/api/lotsen/traeger", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            if (field is not null)
            {
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body);
            }

            Assert.That((Count("traeger"), Count("traeger_kommunen"), Count("traeger_status_verlauf")), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Refuses_a_second_candidate_of_the_same_name_and_a_rename_onto_it()
    {
        await CreateAsync("Caritasverband Namensgleich", []);
        var other = await CreateAsync("Anderer Verein", []);
        var before = Count("traeger");
        using var duplicate = await StaffApi.PostAsJsonAsync("/api/lotsen/traeger", new { name = "caritasverband namensgleich" });
        using var rename = await StaffApi.PutAsJsonAsync($"/api/lotsen/traeger/{other}", new { name = "Caritasverband Namensgleich" });
        Assert.Multiple(() =>
        {
            Assert.That(duplicate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(rename.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("traeger"), Is.EqualTo(before));
            Assert.That(Count("traeger", "name = 'Anderer Verein'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Refuses_a_bad_update_and_keeps_the_record()
    {
        var id = await CreateAsync("Unverändert e. V.", [Erbach]);
        using var response = await StaffApi.PutAsJsonAsync($"/api/lotsen/traeger/{id}", new { name = "", kommunen = new[] { "123" } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty("name", out _), Is.True);
            Assert.That(problem.GetProperty("errors").TryGetProperty("kommunen", out _), Is.True);
            Assert.That(Count("traeger", "id = @id AND name = 'Unverändert e. V.'", new { id }), Is.EqualTo(1));
            Assert.That(Count("traeger_kommunen", "traeger_id = @id", new { id }), Is.EqualTo(1));
        });
    }

    // --- status lifecycle ---

    [Test]
    public async Task Walks_the_lifecycle_and_records_who_when_and_why()
    {
        var id = await CreateAsync("Lebenszyklus gGmbH", [BadKoenig]);
        await ChangeStatusAsync(id, "kontaktiert", "Erstgespräch vereinbart");
        await ChangeStatusAsync(id, "interessiert");
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}");
        var verlauf = detail.GetProperty("verlauf").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("interessiert"));
            Assert.That(detail.GetProperty("waehlbareStatus").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "abgelehnt" }));
            Assert.That(detail.GetProperty("vereinbarungMoeglich").GetBoolean(), Is.True);
            Assert.That(verlauf.Select(v => v.GetProperty("nach").GetString()), Is.EqualTo(new[] { "interessiert", "kontaktiert", "identifiziert" }));
            Assert.That(verlauf[1].GetProperty("von").GetString(), Is.EqualTo("identifiziert"));
            Assert.That(verlauf[1].GetProperty("grund").GetString(), Is.EqualTo("Erstgespräch vereinbart"));
            Assert.That(verlauf[1].GetProperty("durch").GetString(), Is.Not.Empty);
            Assert.That(verlauf[1].GetProperty("am").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"));
        });
    }

    [TestCase("identifiziert", "interessiert", HttpStatusCode.Conflict, "nicht möglich")]
    [TestCase("identifiziert", "vereinbart", HttpStatusCode.Conflict, "nicht möglich")]
    [TestCase("interessiert", "vereinbart", HttpStatusCode.Conflict, "nur durch das Erfassen der Vereinbarung")]
    [TestCase("interessiert", "kontaktiert", HttpStatusCode.Conflict, "nicht möglich")]
    [TestCase("abgelehnt", "kontaktiert", HttpStatusCode.Conflict, "endgültig")]
    [TestCase("identifiziert", "identifiziert", HttpStatusCode.Conflict, "nicht möglich")]
    [TestCase("identifiziert", "verschollen", HttpStatusCode.BadRequest, "Unbekannter Status")]
    [TestCase("identifiziert", "", HttpStatusCode.BadRequest, "Bitte den neuen Status")]
    [TestCase("kontaktiert", "abgelehnt", HttpStatusCode.BadRequest, "Bitte einen Grund für")]
    public async Task Refuses_invalid_status_changes_with_a_reason_and_writes_nothing(string von, string nach, HttpStatusCode status, string grund)
    {
        var id = await CreateAsync($"Ungültiger Wechsel {von}-{nach}-{Guid.NewGuid():N}", [BadKoenig]);
        foreach (var schritt in WegNach(von))
        {
            await ChangeStatusAsync(id, schritt, "weil");
        }

        var before = Count("traeger_status_verlauf", "traeger_id = @id", new { id });
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/status", new { nach });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(body, Does.Contain(grund));
            Assert.That(Count("traeger", "id = @id AND status = @von", new { id, von }), Is.EqualTo(1));
            Assert.That(Count("traeger_status_verlauf", "traeger_id = @id", new { id }), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Declines_with_a_reason()
    {
        var id = await CreateAsync("Absage e. V.", []);
        await ChangeStatusAsync(id, "abgelehnt", "Keine Kapazitäten 2026");
        Assert.That(Count("traeger_status_verlauf", "traeger_id = @id AND nach = 'abgelehnt' AND grund = 'Keine Kapazitäten 2026'", new { id }), Is.EqualTo(1));
    }

    // --- contacts log ---

    [Test]
    public async Task Logs_contacts_newest_first()
    {
        var id = await CreateAsync("Kontaktprotokoll e. V.", []);
        await AddContactAsync(id, "2026-01-10", "telefon", "Erstes Telefonat");
        await AddContactAsync(id, "2026-02-03", "treffen", "Treffen in Erbach");
        await AddContactAsync(id, "2025-12-01", "email", "Erste Mail");
        var kontakte = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}/kontakte");
        Assert.Multiple(() =>
        {
            Assert.That(kontakte.EnumerateArray().Select(k => k.GetProperty("datum").GetString()), Is.EqualTo(new[] { "2026-02-03", "2026-01-10", "2025-12-01" }));
            Assert.That(kontakte[0].GetProperty("kanalText").GetString(), Is.EqualTo("Treffen"));
        });
    }

    [TestCase("""{"datum":"2026-01-10","kanal":"telefon"}""", "notiz")]
    [TestCase("""{"datum":"2026-01-10","kanal":"brieftaube","notiz":"x"}""", "kanal")]
    [TestCase("""{"datum":"10.01.2026","kanal":"telefon","notiz":"x"}""", "datum")]
    [TestCase("""{"datum":"2999-01-01","kanal":"telefon","notiz":"x"}""", "datum")]
    [TestCase("""{"kanal":"telefon","notiz":"x"}""", "datum")]
    [TestCase("""{"datum":2026,"kanal":"telefon","notiz":"x"}""", null)]
    [TestCase("""{"datum":"2026-01-10",""", null)]
    public async Task Refuses_bad_contacts_and_writes_nothing(string json, string? field)
    {
        var id = await CreateAsync($"Kontakt falsch {Guid.NewGuid():N}", []);
        using var response = await StaffApi.PostAsync($"/api/lotsen/traeger/{id}/kontakte", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            if (field is not null)
            {
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body);
            }

            Assert.That(Count("traeger_kontakte", "traeger_id = @id", new { id }), Is.Zero);
        });
    }

    [Test]
    public async Task Refuses_a_too_long_contact_note()
    {
        var id = await CreateAsync("Lange Notiz e. V.", []);
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/kontakte", new { datum = "2026-01-10", kanal = "brief", notiz = new string('x', 2001) });
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("traeger_kontakte", "traeger_id = @id", new { id }), Is.Zero);
        });
    }

    // --- agreements: one active Träger per municipality ---

    [Test]
    public async Task An_agreement_sets_vereinbart_and_the_coverage_shows_it()
    {
        // A municipality without an active Träger: the demo agreement holds Bad König, Erbach and Michelstadt.
        var id = await InterestedAsync("Vereinbarung gGmbH", [FraenkischCrumbach]);
        var vereinbarung = await AgreementAsync(id, [FraenkischCrumbach], foerderung: "WIR-Programm 2026");
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}");
        var abdeckung = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger/abdeckung");
        var kommune = abdeckung.EnumerateArray().Single(k => k.GetProperty("ags").GetString() == FraenkischCrumbach);
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("vereinbart"));
            Assert.That(detail.GetProperty("statusText").GetString(), Is.EqualTo("Vereinbarung unterzeichnet"));
            Assert.That(detail.GetProperty("verlauf")[0].GetProperty("von").GetString(), Is.EqualTo("interessiert"));
            Assert.That(detail.GetProperty("vereinbarungen")[0].GetProperty("id").GetString(), Is.EqualTo(vereinbarung));
            Assert.That(detail.GetProperty("vereinbarungen")[0].GetProperty("aktiv").GetBoolean(), Is.True);
            Assert.That(kommune.GetProperty("traeger").GetString(), Is.EqualTo("Vereinbarung gGmbH"));
            Assert.That(abdeckung.GetArrayLength(), Is.EqualTo(12));
        });

        // Ending frees the municipality: another Träger can take it.
        using var ende = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen/{vereinbarung}/beenden", new { ende = Gestern });
        using var nochmal = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen/{vereinbarung}/beenden", new { ende = Gestern });
        var nachfolger = await InterestedAsync("Nachfolger gGmbH", [FraenkischCrumbach]);
        await AgreementAsync(nachfolger, [FraenkischCrumbach]);
        var danach = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger/abdeckung");
        Assert.Multiple(() =>
        {
            Assert.That(ende.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nochmal.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(danach.EnumerateArray().Single(k => k.GetProperty("ags").GetString() == FraenkischCrumbach).GetProperty("traeger").GetString(), Is.EqualTo("Nachfolger gGmbH"));
            Assert.That(Count("vereinbarung_kommunen", "ags = @ags AND aktiv = 1", new { ags = FraenkischCrumbach }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_Traeger_gets_a_follow_up_agreement_once_the_running_one_has_ended()
    {
        const string Luetzelbach = "06437010";
        var id = await InterestedAsync("Folgevereinbarung e. V.", [Luetzelbach]);
        var erste = await AgreementAsync(id, [Luetzelbach]);
        using var zuFrueh = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen", new { beginn = "2026-01-01", kommunen = new[] { Luetzelbach } });
        using var ende = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen/{erste}/beenden", new { ende = Gestern });
        var zwischendurch = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}");
        using var folge = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen", new { beginn = "2026-01-01", kommunen = new[] { Luetzelbach } });
        var danach = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{id}");

        Assert.Multiple(async () =>
        {
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await zuFrueh.Content.ReadAsStringAsync(), Does.Contain("läuft schon"));
            Assert.That(ende.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(zwischendurch.GetProperty("vereinbarungMoeglich").GetBoolean(), Is.True);
            Assert.That(folge.StatusCode, Is.EqualTo(HttpStatusCode.Created), await folge.Content.ReadAsStringAsync());
            Assert.That(danach.GetProperty("verlauf")[0].GetProperty("grund").GetString(), Does.StartWith("Folgevereinbarung"));
            Assert.That(Count("vereinbarung_kommunen", "ags = @ags AND aktiv = 1", new { ags = Luetzelbach }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_second_active_Traeger_for_a_municipality_is_refused_naming_both()
    {
        var erster = await InterestedAsync("Erster Träger Brensbach", [Brensbach]);
        await AgreementAsync(erster, [Brensbach]);
        var zweiter = await InterestedAsync("Zweiter Träger Brensbach", [Brensbach, Hoechst]);
        var before = (Count("vereinbarungen"), Count("vereinbarung_kommunen"));

        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{zweiter}/vereinbarungen", new { beginn = "2025-01-01", kommunen = new[] { Hoechst, Brensbach } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Brensbach").And.Contain("Erster Träger Brensbach"));
            Assert.That((Count("vereinbarungen"), Count("vereinbarung_kommunen")), Is.EqualTo(before), "Höchst was inserted first and rolled back with the rest");
            Assert.That(Count("traeger", "id = @zweiter AND status = 'interessiert'", new { zweiter }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Two_agreement_requests_for_one_municipality_at_once_have_exactly_one_winner()
    {
        var a = await InterestedAsync("Wettlauf HTTP A", [Breuberg]);
        var b = await InterestedAsync("Wettlauf HTTP B", [Breuberg]);
        var responses = await Task.WhenAll(
            StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{a}/vereinbarungen", new { beginn = "2025-01-01", kommunen = new[] { Breuberg } }),
            StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{b}/vereinbarungen", new { beginn = "2025-01-01", kommunen = new[] { Breuberg } }));
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.That(Count("vereinbarung_kommunen", "ags = @ags AND aktiv = 1", new { ags = Breuberg }), Is.EqualTo(1));
            Assert.That(Count("traeger", "id IN (@a, @b) AND status = 'vereinbart'", new { a, b }), Is.EqualTo(1));
        });
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Test]
    public async Task The_database_lets_exactly_one_of_two_racing_connections_hold_a_municipality()
    {
        var a = await CreateAsync("Wettlauf Datenbank A", [Brombachtal]);
        var b = await CreateAsync("Wettlauf Datenbank B", [Brombachtal]);
        using var start = new Barrier(2);

        bool Insert(string traegerId)
        {
            using var connection = ModuleDatabase();
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 5000");

            // Both see the municipality free, as a check in code would: only the index can stop the second.
            var frei = connection.ExecuteScalar<long>("SELECT count(*) FROM vereinbarung_kommunen WHERE ags = @ags AND aktiv = 1", new { ags = Brombachtal }) == 0;
            start.SignalAndWait();
            using var tx = connection.BeginTransaction(deferred: false);
            try
            {
                var id = Guid.CreateVersion7().ToString();
                connection.Execute("INSERT INTO vereinbarungen (id, traeger_id, beginn, angelegt_am) VALUES (@id, @traegerId, '2026-04-01', '2026-03-01T10:00:00Z')", new { id, traegerId }, tx);
                Thread.Sleep(50);
                connection.Execute("INSERT INTO vereinbarung_kommunen (vereinbarung_id, ags, aktiv) VALUES (@id, @ags, 1)", new { id, ags = Brombachtal }, tx);
                tx.Commit();
                return frei;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                tx.Rollback();
                Assert.That(frei, Is.True, "both saw the municipality free before racing");
                return false;
            }
        }

        var results = await Task.WhenAll(Task.Run(() => Insert(a)), Task.Run(() => Insert(b)));
        Assert.Multiple(() =>
        {
            Assert.That(results.Count(r => r), Is.EqualTo(1));
            Assert.That(Count("vereinbarung_kommunen", "ags = @ags AND aktiv = 1", new { ags = Brombachtal }), Is.EqualTo(1));
        });
    }

    [TestCase("""{"beginn":"2025-01-01","kommunen":[]}""", HttpStatusCode.BadRequest, "kommunen")]
    [TestCase("""{"beginn":"2025-01-01","kommunen":["06437011"]}""", HttpStatusCode.BadRequest, "kommunen")]
    [TestCase("""{"beginn":"2025-01-01","kommunen":["99999999"]}""", HttpStatusCode.BadRequest, "kommunen")]
    [TestCase("""{"beginn":"2025-01-01","ende":"2024-12-01","kommunen":["06437010"]}""", HttpStatusCode.BadRequest, "ende")]
    [TestCase("""{"kommunen":["06437010"]}""", HttpStatusCode.BadRequest, "beginn")]
    [TestCase("""{"beginn":"morgen","kommunen":["06437010"]}""", HttpStatusCode.BadRequest, "beginn")]
    [TestCase("""{"beginn":"2025-01-01","kommunen":["06437010"],"foerderung":123}""", HttpStatusCode.BadRequest, null)]
    public async Task Refuses_bad_agreements_and_writes_nothing(string json, HttpStatusCode status, string? field)
    {
        var id = await InterestedAsync($"Vereinbarung falsch {Guid.NewGuid():N}", ["06437010"]);
        using var response = await StaffApi.PostAsync($"/api/lotsen/traeger/{id}/vereinbarungen", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            if (field is not null)
            {
                Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body);
            }

            Assert.That(Count("vereinbarungen", "traeger_id = @id", new { id }), Is.Zero);
            Assert.That(Count("traeger", "id = @id AND status = 'interessiert'", new { id }), Is.EqualTo(1));
        });
    }

    [TestCase("identifiziert")]
    [TestCase("kontaktiert")]
    [TestCase("abgelehnt")]
    public async Task An_agreement_needs_an_interested_candidate(string status)
    {
        var id = await CreateAsync($"Noch nicht interessiert {status}", ["06437010"]);
        foreach (var schritt in WegNach(status))
        {
            await ChangeStatusAsync(id, schritt, "weil");
        }

        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen", new { beginn = "2025-01-01", kommunen = new[] { "06437010" } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("interessierten"));
            Assert.That(Count("vereinbarungen", "traeger_id = @id", new { id }), Is.Zero);
        });
    }

    [Test]
    public async Task An_active_agreements_municipality_cannot_be_removed_from_the_candidate()
    {
        var id = await InterestedAsync("Gebunden e. V.", ["06437013", Hoechst]);
        await AgreementAsync(id, ["06437013"]);
        using var response = await StaffApi.PutAsJsonAsync($"/api/lotsen/traeger/{id}", new { name = "Gebunden e. V.", kommunen = new[] { Hoechst } });
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("traeger_kommunen", "traeger_id = @id", new { id }), Is.EqualTo(2));
        });
    }

    [TestCase("""{"ende":"2000-01-01"}""", "ende")]
    [TestCase("""{"ende":"2999-01-01"}""", "ende")]
    [TestCase("""{}""", "ende")]
    public async Task Refuses_a_bad_end_and_keeps_the_agreement_active(string json, string field)
    {
        var id = await InterestedAsync($"Ende falsch {Guid.NewGuid():N}", ["06437014"]);
        var vereinbarung = await AgreementAsync(id, ["06437014"]);
        using var response = await StaffApi.PostAsync($"/api/lotsen/traeger/{id}/vereinbarungen/{vereinbarung}/beenden", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        var aktiv = Count("vereinbarung_kommunen", "vereinbarung_id = @vereinbarung AND aktiv = 1", new { vereinbarung });

        // Frees the municipality for the other cases of this table.
        using var ende = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen/{vereinbarung}/beenden", new { ende = Gestern });
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), Is.True, body);
            Assert.That(aktiv, Is.EqualTo(1));
            Assert.That(ende.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        });
    }

    // --- export and audit ---

    [Test]
    public async Task Exports_the_list_as_csv_for_excel()
    {
        await CreateAsync("CSV-Export; mit Semikolon", [Erbach], ansprechperson: "Carla Export");
        using var response = await StaffApi.GetAsync("/api/lotsen/traeger.csv?suche=CSV-Export");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(text, Does.StartWith("Träger;Status;Status seit;"));
            Assert.That(text, Does.Contain("\"CSV-Export; mit Semikolon\";identifiziert;"));
            Assert.That(text, Does.Contain("Erbach").And.Contain("Carla Export"));
        });
    }

    [Test]
    public async Task Staff_download_the_same_csv_from_the_list_page_with_their_cookie()
    {
        await CreateAsync("Seitenexport gGmbH", [Erbach]);
        var liste = await StaffBrowser.GetStringAsync("/lotsen/traeger?suche=Seitenexport");
        using var response = await StaffBrowser.GetAsync("/lotsen/traeger/export.csv?suche=Seitenexport");
        using var anonym = await Host.Anonymous().GetAsync("/lotsen/traeger/export.csv");

        Assert.Multiple(async () =>
        {
            Assert.That(liste, Does.Contain("/lotsen/traeger/export.csv?suche=Seitenexport"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Seitenexport gGmbH"));
            Assert.That(anonym.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task Views_and_changes_are_audited_and_a_list_once_with_filter_and_count()
    {
        var id = await CreateAsync("Protokoll e. V.", [], ansprechperson: "Paula Protokoll");
        using var view = await StaffApi.GetAsync($"/api/lotsen/traeger/{id}");
        await ChangeStatusAsync(id, "kontaktiert");
        using var list = await StaffApi.GetAsync($"/api/lotsen/traeger?kommune=06437007");
        var recordAudit = await AdminApi.GetFromJsonAsync<JsonElement>($"/api/admin/audit?q={id}");
        var listAudit = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=Kommune%3D06437007");
        var actions = recordAudit.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()).ToList();
        var listRows = listAudit.GetProperty("rows").EnumerateArray().ToList();
        var allDetails = string.Join("|", recordAudit.GetProperty("rows").EnumerateArray().Concat(listRows).Select(r => r.GetProperty("details").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(actions, Does.Contain("Create").And.Contain("View").And.Contain("Change"));
            Assert.That(listRows, Has.Count.EqualTo(1));
            Assert.That(listRows[0].GetProperty("action").GetString(), Is.EqualTo("List"));
            Assert.That(listRows[0].GetProperty("details").GetString(), Does.Contain("Treffer"));
            Assert.That(allDetails, Does.Not.Contain("Paula"));
        });
    }

    // --- DSGVO ---

    [Test]
    public async Task The_data_subject_request_finds_exports_and_erases_a_contact_person()
    {
        var id = await CreateAsync("Betroffenen e. V.", [], ansprechperson: "Henrike Auskunftsfall", email: "henrike@betroffen.invalid", telefon: "06061 999");
        await AddContactAsync(id, "2026-01-15", "telefon", "Henrike Auskunftsfall zurückgerufen");

        var found = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "Auskunftsfall" })).Content.ReadFromJsonAsync<JsonElement>();
        var record = found.EnumerateArray().Single(f => f.GetProperty("module").GetString() == "Lotsen");
        var byEmail = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { email = "HENRIKE@betroffen.invalid" })).Content.ReadFromJsonAsync<JsonElement>();
        var export = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/export", new { name = "Auskunftsfall" })).Content.ReadFromJsonAsync<JsonElement>();
        var fields = export.EnumerateArray().Single(e => e.GetProperty("module").GetString() == "Lotsen").GetProperty("data").GetProperty("fields");
        using var erase = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            name = "Auskunftsfall",
            records = new[] { new { module = "Lotsen", recordType = record.GetProperty("record").GetProperty("recordType").GetString(), recordId = id } },
        });
        var afterwards = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "Auskunftsfall" })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(async () =>
        {
            Assert.That(record.GetProperty("record").GetProperty("recordId").GetString(), Is.EqualTo(id));
            Assert.That(byEmail.EnumerateArray().Count(f => f.GetProperty("module").GetString() == "Lotsen"), Is.EqualTo(1));
            Assert.That(fields.GetProperty("E-Mail").GetString(), Is.EqualTo("henrike@betroffen.invalid"));
            Assert.That(fields.GetProperty("Telefon").GetString(), Is.EqualTo("06061 999"));
            Assert.That(fields.GetProperty("Kontakt 1").GetString(), Does.Contain("zurückgerufen"));
            Assert.That((await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetInt32(), Is.EqualTo(1));
            Assert.That(afterwards.EnumerateArray().Count(f => f.GetProperty("module").GetString() == "Lotsen"), Is.Zero);
            Assert.That(Count("traeger", "id = @id AND name = 'Betroffenen e. V.' AND ansprechperson IS NULL AND email IS NULL AND telefon IS NULL", new { id }), Is.EqualTo(1));
            Assert.That(Count("traeger_kontakte", "traeger_id = @id AND notiz LIKE '%Henrike%'", new { id }), Is.Zero);
            Assert.That(Count("traeger_kontakte", "traeger_id = @id", new { id }), Is.EqualTo(1), "the contact itself (date, channel) stays");
        });
    }

    // --- permissions ---

    private static IEnumerable<TestCaseData> Endpoints()
    {
        yield return new TestCaseData("GET", "/api/lotsen/traeger", null);
        yield return new TestCaseData("GET", "/api/lotsen/traeger.csv", null);
        yield return new TestCaseData("GET", "/api/lotsen/traeger/abdeckung", null);
        yield return new TestCaseData("GET", $"/api/lotsen/traeger/{Beliebig}", null);
        yield return new TestCaseData("POST", "/api/lotsen/traeger", """{"name":"Unbefugt"}""");
        yield return new TestCaseData("PUT", $"/api/lotsen/traeger/{Beliebig}", """{"name":"Unbefugt"}""");
        yield return new TestCaseData("POST", $"/api/lotsen/traeger/{Beliebig}/status", """{"nach":"kontaktiert"}""");
        yield return new TestCaseData("GET", $"/api/lotsen/traeger/{Beliebig}/kontakte", null);
        yield return new TestCaseData("POST", $"/api/lotsen/traeger/{Beliebig}/kontakte", """{"datum":"2026-01-01","kanal":"telefon","notiz":"x"}""");
        yield return new TestCaseData("POST", $"/api/lotsen/traeger/{Beliebig}/vereinbarungen", """{"beginn":"2026-01-01","kommunen":["06437001"]}""");
        yield return new TestCaseData("POST", $"/api/lotsen/traeger/{Beliebig}/vereinbarungen/{Beliebig}/beenden", """{"ende":"2026-01-01"}""");
    }

    [TestCaseSource(nameof(Endpoints))]
    public async Task Anonymous_callers_get_401_and_users_without_the_permission_403(string method, string path, string? json)
    {
        var before = Count("traeger");
        using var anonymous = Host.Anonymous();
        using var anonymousResponse = await anonymous.SendAsync(Request(method, path, json));
        using var adminResponse = await AdminApi.SendAsync(Request(method, path, json));
        Assert.Multiple(() =>
        {
            Assert.That(anonymousResponse.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(adminResponse.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Count("traeger"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Every_traeger_endpoint_is_in_the_openapi_document()
    {
        var openApi = await Host.Anonymous().GetStringAsync("/openapi/v1.json");
        Assert.That(openApi, Does.Contain("/api/lotsen/traeger/{id}/vereinbarungen/{vereinbarung}/beenden").And.Contain("/api/lotsen/traeger.csv"));
    }

    // --- helpers ---

    private static HttpRequestMessage Request(string method, string path, string? json)
        => new(new HttpMethod(method), path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };

    private static IEnumerable<string> Ids(JsonElement list) => list.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()!);

    /// <summary>The manual status changes that lead from "identifiziert" to <paramref name="status"/>.</summary>
    private static string[] WegNach(string status) => status switch
    {
        "identifiziert" => [],
        "kontaktiert" => ["kontaktiert"],
        "interessiert" => ["kontaktiert", "interessiert"],
        "abgelehnt" => ["abgelehnt"],
        _ => throw new ArgumentException(status),
    };

    private Task<string> CreateAsync(string name, string[] kommunen, string? ansprechperson = null, string? email = null, string? telefon = null)
        => TraegerApi.CreateAsync(StaffApi, name, kommunen, ansprechperson, email, telefon);

    private Task ChangeStatusAsync(string id, string nach, string? grund = null) => TraegerApi.ChangeStatusAsync(StaffApi, id, nach, grund);

    private Task<string> InterestedAsync(string name, string[] kommunen) => TraegerApi.InterestedAsync(StaffApi, name, kommunen);

    private Task<string> AgreementAsync(string id, string[] kommunen, string? foerderung = null) => TraegerApi.AgreementAsync(StaffApi, id, kommunen, foerderung);

    private async Task AddContactAsync(string id, string datum, string kanal, string notiz)
    {
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/traeger/{id}/kontakte", new { datum, kanal, notiz });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }
}
