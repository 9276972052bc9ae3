using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Termine;

/// <summary>Workflow 2, the sessions of a course with their appointments, through the JSON API of one running host.</summary>
public sealed class TermineApiTests : SchulungenFixture
{
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";
    private const string Beliebig = "01900000-0000-7000-8000-000000000001";

    private string _kurs = null!;

    [OneTimeSetUp]
    public async Task KursAnlegenAsync() => _kurs = await SchulungenApi.KursAsync(StaffApi, "Termin-Kurs", "veroeffentlicht");

    [Test]
    public async Task Creates_a_session_with_two_appointments_and_opens_it()
    {
        var trainerin = await SchulungenApi.TrainerAsync(StaffApi, "Dana Beispiel");
        var termin = SchulungenApi.Termin(_kurs, Erbach, 30, 37);
        termin["trainer"] = new[] { trainerin };
        var id = await SchulungenApi.TerminAsync(StaffApi, termin);

        using var offen = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/status", new { nach = "offen" });
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(offen.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("offen"));
            Assert.That(detail.GetProperty("zeiten").EnumerateArray().Select(z => z.GetProperty("beginn").GetString()),
                Is.EqualTo(new[] { SchulungenApi.Tag(30) + "T09:00", SchulungenApi.Tag(37) + "T09:00" }));
            Assert.That(detail.GetProperty("trainer")[0].GetProperty("name").GetString(), Is.EqualTo("Dana Beispiel"));
            Assert.That(detail.GetProperty("waehlbareStatus").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "ausgebucht", "durchgefuehrt", "abgesagt" }));
        });
    }

    [Test]
    public async Task Lists_by_course_municipality_status_and_school_year_with_paging()
    {
        var kurs = await SchulungenApi.KursAsync(StaffApi, "Listen-Kurs", "veroeffentlicht");
        var erbach = await SchulungenApi.TerminAsync(StaffApi, kurs, Erbach, 20);
        var michelstadt = await SchulungenApi.TerminAsync(StaffApi, kurs, Michelstadt, 40);
        var spaeter = await SchulungenApi.TerminAsync(StaffApi, kurs, Michelstadt, 400);
        using var _ = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{michelstadt}/status", new { nach = "offen" });
        var schuljahr = IntegrationsPlattform.Modules.Schulungen.Domain.TerminRegeln.SchuljahrVon(TestClock.Today.AddDays(400));

        var alle = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine?kurs={kurs}");
        var inMichelstadt = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine?kurs={kurs}&kommune={Michelstadt}");
        var offene = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine?kurs={kurs}&status=offen");
        var imSchuljahr = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine?kurs={kurs}&schuljahr={schuljahr}");
        var seite2 = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine?kurs={kurs}&groesse=2&seite=2");

        Assert.Multiple(() =>
        {
            Assert.That(SchulungenApi.Ids(alle), Is.EqualTo(new[] { spaeter, michelstadt, erbach }), "latest first");
            Assert.That(SchulungenApi.Ids(inMichelstadt), Is.EquivalentTo(new[] { michelstadt, spaeter }));
            Assert.That(SchulungenApi.Ids(offene), Is.EqualTo(new[] { michelstadt }));
            Assert.That(SchulungenApi.Ids(imSchuljahr), Does.Contain(spaeter).And.Not.Contain(erbach));
            Assert.That(seite2.GetProperty("total").GetInt32(), Is.EqualTo(3));
            Assert.That(SchulungenApi.Ids(seite2), Is.EqualTo(new[] { erbach }));
            Assert.That(alle.GetProperty("rows")[0].GetProperty("kurs").GetString(), Is.EqualTo("Listen-Kurs"));
        });
    }

    [Test]
    public async Task Moving_and_adding_appointments_raise_the_calendar_sequence_and_the_last_one_stays()
    {
        var id = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 50);
        var zeit = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}")).GetProperty("zeiten")[0].GetProperty("id").GetString();

        using var verschoben = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{id}/zeiten/{zeit}", SchulungenApi.Zeit(52, "10:00", "17:00"));
        using var hinzu = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/zeiten", SchulungenApi.Zeit(59, ort: null, onlineLink: "https://konferenz.example.invalid/raum"));
        using var letzte = await StaffApi.DeleteAsync($"/api/schulungen/termine/{id}/zeiten/{zeit}");
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}");
        var zweite = detail.GetProperty("zeiten")[0].GetProperty("id").GetString();
        using var einzige = await StaffApi.DeleteAsync($"/api/schulungen/termine/{id}/zeiten/{zweite}");
        var problem = await einzige.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(verschoben.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(hinzu.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(letzte.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(detail.GetProperty("kalenderSequenz").GetInt32(), Is.EqualTo(3), "moved, added, removed");
            Assert.That(detail.GetProperty("zeiten").GetArrayLength(), Is.EqualTo(1));
            Assert.That(detail.GetProperty("zeiten")[0].GetProperty("onlineLink").GetString(), Is.EqualTo("https://konferenz.example.invalid/raum"));
            Assert.That(einzige.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("mindestens einen Termintag"));
        });
    }

    [Test]
    public async Task Capacity_below_those_registered_is_refused_with_their_number_and_nothing_changes()
    {
        var id = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 60);
        Anmeldungen(id, "angemeldet", 3);
        Anmeldungen(id, "warteliste", 2);

        var aenderung = new { kommune = Erbach, kapazitaet = 2, maxWarteliste = 1, anmeldeschluss = SchulungenApi.Tag(53) };
        using var zuWenig = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{id}", aenderung);
        var problem = await zuWenig.Content.ReadFromJsonAsync<JsonElement>();
        using var genug = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{id}", aenderung with { kapazitaet = 3, maxWarteliste = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(zuWenig.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("kapazitaet")[0].GetString(), Does.Contain("Angemeldet sind schon 3 Personen"));
            Assert.That(problem.GetProperty("errors").GetProperty("maxWarteliste")[0].GetString(), Does.Contain("schon 2 Personen"));
            Assert.That(genug.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Count("termine", "id = @id AND kapazitaet = 3", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Sessions_exist_only_for_published_courses_and_a_cancellation_needs_a_reason()
    {
        var entwurf = await SchulungenApi.KursAsync(StaffApi, "Entwurfs-Kurs");
        var vorher = Count("termine");
        using var fuerEntwurf = await StaffApi.PostAsJsonAsync("/api/schulungen/termine", SchulungenApi.Termin(entwurf, Erbach, 30));
        var id = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 70);
        using var ohneGrund = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/status", new { nach = "abgesagt" });
        using var zuFrueh = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/status", new { nach = "durchgefuehrt" });
        using var abgesagt = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/status", new { nach = "abgesagt", grund = "Trainerin erkrankt" });
        using var danach = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/zeiten", SchulungenApi.Zeit(71));
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(fuerEntwurf.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(Count("termine"), Is.EqualTo(vorher + 1));
            Assert.That(ohneGrund.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "geplant → durchgeführt is not a step of the lifecycle");
            Assert.That(abgesagt.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(danach.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a cancelled session keeps its appointments");
            Assert.That(detail.GetProperty("absageGrund").GetString(), Is.EqualTo("Trainerin erkrankt"));
            Assert.That(detail.GetProperty("kalenderSequenz").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_trainer_sees_only_the_sessions_she_leads()
    {
        var konto = await TestAccounts.CreateAsync(AdminApi, "trainerin", TestGrant.OwnRecords(Anwesenheit));
        using var trainerinApi = await Host.ApiClientAsync(konto.UserName, TestAccounts.Password);
        var trainerin = await SchulungenApi.TrainerAsync(StaffApi, "Eigene Trainerin");
        using (var db = ModuleDatabase())
        {
            db.Execute("UPDATE trainer SET benutzername = @name WHERE id = @trainerin", new { name = konto.UserName, trainerin });
        }

        var eigener = SchulungenApi.Termin(_kurs, Erbach, 80);
        eigener["trainer"] = new[] { trainerin };
        var eigenerId = await SchulungenApi.TerminAsync(StaffApi, eigener);
        var fremderId = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 81);

        var liste = await trainerinApi.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?groesse=200");
        using var eigenerAbruf = await trainerinApi.GetAsync($"/api/schulungen/termine/{eigenerId}");
        using var fremderAbruf = await trainerinApi.GetAsync($"/api/schulungen/termine/{fremderId}");
        using var aendern = await trainerinApi.PostAsJsonAsync($"/api/schulungen/termine/{eigenerId}/status", new { nach = "offen" });

        Assert.Multiple(() =>
        {
            Assert.That(SchulungenApi.Ids(liste), Is.EqualTo(new[] { eigenerId }));
            Assert.That(eigenerAbruf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fremderAbruf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(aendern.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "trainers record attendance, they do not run sessions");
        });
    }

    [Test]
    public async Task An_unknown_session_or_appointment_is_404()
    {
        var id = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 90);
        using var get = await StaffApi.GetAsync($"/api/schulungen/termine/{Beliebig}");
        using var zeit = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{id}/zeiten/{Beliebig}", SchulungenApi.Zeit(91));
        using var status = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{Beliebig}/status", new { nach = "offen" });
        Assert.Multiple(() =>
        {
            Assert.That(get.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(zeit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private static IEnumerable<TestCaseData> SchlechteTermine()
    {
        static string Mit(string feld, object? wert)
        {
            var termin = SchulungenApi.Termin(Beliebig, Erbach, 30);
            termin[feld] = wert;
            return JsonSerializer.Serialize(termin);
        }

        yield return new TestCaseData(Mit("zeiten", new[] { SchulungenApi.Zeit(30, "13:00", "09:00") }), "ende", "„bis“ muss nach „von“").SetName("Termin_endet_vor_dem_Beginn");
        yield return new TestCaseData(Mit("zeiten", new[] { SchulungenApi.Zeit(30, "09:00", "09:00") }), "ende", "„bis“ muss nach „von“").SetName("Termin_endet_wenn_er_beginnt");
        yield return new TestCaseData(Mit("zeiten", new[] { SchulungenApi.Zeit(30), SchulungenApi.Zeit(31, "16:00", "09:00") }), "zeiten[1].ende", "„bis“ muss nach „von“").SetName("Zweiter_Termintag_endet_vor_dem_Beginn");
        yield return new TestCaseData(Mit("zeiten", Array.Empty<object>()), "zeiten", "mindestens einen Termintag").SetName("Termin_ohne_Termintag");
        yield return new TestCaseData(Mit("zeiten", new[] { SchulungenApi.Zeit(30, ort: null) }), "ort", "Ort oder einen Online-Link").SetName("Termintag_ohne_Ort_und_Link");
        yield return new TestCaseData(Mit("zeiten", new[] { SchulungenApi.Zeit(30, onlineLink: "konferenz") }), "onlineLink", "vollständige Webadresse").SetName("Termintag_mit_kaputtem_Link");
        yield return new TestCaseData(Mit("zeiten", new[] { new { tag = "31.02.2027", beginn = "9 Uhr", ende = "16:00", ort = "Erbach" } }), "tag", "gültiges Datum").SetName("Termintag_mit_deutschem_Datum");
        yield return new TestCaseData(Mit("kapazitaet", 0), "kapazitaet", "zwischen 1 und 1000").SetName("Termin_ohne_Plaetze");
        yield return new TestCaseData(Mit("kapazitaet", null), "kapazitaet", "Bitte die Zahl der Plätze angeben.").SetName("Termin_ohne_Kapazitaet");
        yield return new TestCaseData(Mit("maxWarteliste", -1), "maxWarteliste", "0 bis 1000").SetName("Termin_mit_negativer_Warteliste");
        yield return new TestCaseData(Mit("anmeldeschluss", SchulungenApi.Tag(31)), "anmeldeschluss", "nicht nach dem ersten Termintag").SetName("Anmeldeschluss_nach_dem_Termin");
        yield return new TestCaseData(Mit("kommune", "99999999"), "kommune", null).SetName("Termin_in_fremder_Kommune");
        yield return new TestCaseData(Mit("kursId", "kein-kurs"), "kursId", "Bitte den Kurs wählen.").SetName("Termin_ohne_gueltigen_Kurs");
        yield return new TestCaseData(Mit("trainer", new[] { "niemand" }), "trainer", "aus der Liste").SetName("Termin_mit_unbekannter_Trainerin");
        yield return new TestCaseData("""{"kapazitaet":"viele"}""", null, null).SetName("Termin_mit_Text_als_Zahl");
    }

    [TestCaseSource(nameof(SchlechteTermine))]
    public async Task Refuses_a_bad_session_at_its_field_and_writes_nothing(string json, string? feld, string? meldung)
    {
        var vorher = (Count("termine"), Count("termin_zeiten"));
        using var response = await StaffApi.PostAsync("/api/schulungen/termine", new StringContent(json.Replace(Beliebig, _kurs, StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            if (feld is not null)
            {
                var fehler = JsonDocument.Parse(body).RootElement.GetProperty("errors");
                Assert.That(fehler.TryGetProperty(feld, out var meldungen), Is.True, body);
                if (meldung is not null)
                {
                    Assert.That(meldungen[0].GetString(), Does.Contain(meldung), body);
                }
            }

            Assert.That((Count("termine"), Count("termin_zeiten")), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task An_appointment_moved_to_end_before_it_starts_is_refused_and_kept()
    {
        var id = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 100);
        var zeit = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}")).GetProperty("zeiten")[0];

        using var response = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{id}/zeiten/{zeit.GetProperty("id").GetString()}", SchulungenApi.Zeit(100, "15:00", "10:00"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("ende")[0].GetString(), Does.Contain("„bis“ muss nach „von“"));
            Assert.That(Count("termin_zeiten", "termin_id = @id AND beginn = @beginn", new { id, beginn = zeit.GetProperty("beginn").GetString() }), Is.EqualTo(1));
            Assert.That(Count("termine", "id = @id AND kalender_sequenz = 0", new { id }), Is.EqualTo(1));
        });
    }

    /// <summary>Registrations written straight into the database (registering is another area's workflow).</summary>
    private void Anmeldungen(string terminId, string status, int anzahl)
    {
        using var db = ModuleDatabase();
        for (var i = 0; i < anzahl; i++)
        {
            var person = Guid.NewGuid().ToString();
            db.Execute("INSERT INTO teilnehmende (id, vorname, nachname, email, angelegt_am) VALUES (@person, 'Test', 'Person', @email, '2026-11-01T10:00:00Z')",
                new { person, email = person + "@example.invalid" });
            db.Execute(
                """
                INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, warteposition, geaendert_am)
                VALUES (@id, @terminId, @person, @status, '2026-11-01T10:00:00Z', CASE WHEN @status = 'warteliste' THEN @i END, '2026-11-01T10:00:00Z')
                """,
                new { id = Guid.NewGuid().ToString(), terminId, person, status, i });
        }
    }
}
