using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// Attendance through the API and the pages: the list to tick per appointment, the state of each registration that
/// follows from it, the trainer's own sessions only, the printable sign-in sheet, and bad input refused with nothing written.
/// </summary>
public sealed class AnwesenheitTests : SchulungenFixture
{
    [Test]
    public async Task The_registrations_state_follows_once_every_appointment_is_recorded()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock);
        var immer = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        var halb = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Jonas", "Keller");
        var nie = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Mara", "Lorenz");
        var wartend = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Olga", "Petrenko", "warteliste");

        await ErfassenAsync(StaffApi, termin, 0, immer, halb);
        var nachErstemTag = new[] { immer, halb, nie }.Select(a => NachweisDaten.Status(db, a)).ToList();
        await ErfassenAsync(StaffApi, termin, 1, immer);

        var liste = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termin.Id}/anwesenheit");
        var zeilen = liste.GetProperty("teilnehmende").EnumerateArray().ToDictionary(z => z.GetProperty("anmeldungId").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(nachErstemTag, Is.All.EqualTo("angemeldet"), "a state follows only when every appointment is recorded");
            Assert.That(NachweisDaten.Status(db, immer), Is.EqualTo("vollstaendig"));
            Assert.That(NachweisDaten.Status(db, halb), Is.EqualTo("teilweise"));
            Assert.That(NachweisDaten.Status(db, nie), Is.EqualTo("nicht_erschienen"));
            Assert.That(NachweisDaten.Status(db, wartend), Is.EqualTo("warteliste"), "the waiting list has no seat and no attendance");
            Assert.That(zeilen.Keys, Is.EquivalentTo(new[] { immer, halb, nie }));
            Assert.That(zeilen[halb].GetProperty("anteilText").GetString(), Is.EqualTo("50 %"));
            Assert.That(zeilen[halb].GetProperty("statusText").GetString(), Is.EqualTo("teilweise teilgenommen"));
            Assert.That(Count("anwesenheit", "anmeldung_id = @wartend", new { wartend }), Is.Zero);
        });
    }

    [Test]
    public async Task Recording_again_corrects_the_attendance_and_the_state()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1);
        var person = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");

        await ErfassenAsync(StaffApi, termin, 0);
        var vorher = NachweisDaten.Status(db, person);
        await ErfassenAsync(StaffApi, termin, 0, person);

        Assert.Multiple(() =>
        {
            Assert.That(vorher, Is.EqualTo("nicht_erschienen"));
            Assert.That(NachweisDaten.Status(db, person), Is.EqualTo("vollstaendig"));
            Assert.That(Count("anwesenheit", "anmeldung_id = @person", new { person }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_trainer_sees_and_records_only_the_sessions_she_leads()
    {
        using var db = ModuleDatabase();
        var konto = await TestAccounts.CreateAsync(AdminApi, "trainerin", TestGrant.OwnRecords(Anwesenheit));
        using var trainerin = await Host.ApiClientAsync(konto.UserName, TestAccounts.Password);
        var eigener = NachweisDaten.Termin(db, Clock, trainerKonto: konto.UserName);
        var fremder = NachweisDaten.Termin(db, Clock, trainerKonto: "eine-andere-trainerin");
        var ohne = NachweisDaten.Termin(db, Clock);
        var eigeneAnmeldung = NachweisDaten.Anmeldung(db, Clock, eigener.Id, "Aylin", "Demir");
        var fremdeAnmeldung = NachweisDaten.Anmeldung(db, Clock, fremder.Id, "Jonas", "Keller");

        var liste = await trainerin.GetFromJsonAsync<JsonElement>("/api/schulungen/anwesenheit");
        using var fremdLesen = await trainerin.GetAsync($"/api/schulungen/termine/{fremder.Id}/anwesenheit");
        using var fremdSchreiben = await trainerin.PutAsJsonAsync($"/api/schulungen/termine/{fremder.Id}/anwesenheit", new { zeitId = fremder.Zeiten[0], anwesend = new[] { fremdeAnmeldung } });
        await ErfassenAsync(trainerin, eigener, 0, eigeneAnmeldung);

        Assert.Multiple(() =>
        {
            Assert.That(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("terminId").GetString()), Is.EqualTo(new[] { eigener.Id }));
            Assert.That(liste.GetProperty("total").GetInt32(), Is.EqualTo(1));
            Assert.That(fremdLesen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(fremdSchreiben.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Count("anwesenheit", "anmeldung_id = @fremdeAnmeldung", new { fremdeAnmeldung }), Is.Zero);
            Assert.That(Count("anwesenheit", "anmeldung_id = @eigeneAnmeldung AND anwesend = 1 AND erfasst_von = @name", new { eigeneAnmeldung, name = konto.UserName }), Is.EqualTo(1));
            Assert.That(ohne.Id, Is.Not.AnyOf(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("terminId").GetString()).ToArray()));
        });
    }

    [TestCase("", "zeitId", HttpStatusCode.BadRequest)]
    [TestCase("fremder-tag", "zeitId", HttpStatusCode.BadRequest)]
    [TestCase("keine-id", "anwesend", HttpStatusCode.BadRequest)]
    [TestCase("fremde-anmeldung", "anwesend", HttpStatusCode.BadRequest)]
    [TestCase("wartend", "anwesend", HttpStatusCode.BadRequest)]
    [TestCase("kuenftiger-tag", null, HttpStatusCode.Conflict)]
    [TestCase("abgesagt", null, HttpStatusCode.Conflict)]
    public async Task Bad_input_is_refused_with_a_german_message_and_nothing_is_written(string fall, string? feld, HttpStatusCode erwartet)
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, kuenftigeTage: 1, status: fall == "abgesagt" ? "abgesagt" : "offen");
        var anderer = NachweisDaten.Termin(db, Clock);
        var person = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        var wartend = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Olga", "Petrenko", "warteliste");
        var fremdePerson = NachweisDaten.Anmeldung(db, Clock, anderer.Id, "Jonas", "Keller");
        var (zeit, anwesend) = fall switch
        {
            "" => ("", new[] { person }),
            "fremder-tag" => (anderer.Zeiten[0], new[] { person }),
            "keine-id" => (termin.Zeiten[0], new[] { "Aylin Demir" }),
            "fremde-anmeldung" => (termin.Zeiten[0], new[] { person, fremdePerson }),
            "wartend" => (termin.Zeiten[0], new[] { wartend }),
            "kuenftiger-tag" => (termin.Zeiten[2], new[] { person }),
            _ => (termin.Zeiten[0], new[] { person }),
        };

        using var response = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = zeit, anwesend });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(erwartet));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            if (feld is not null)
            {
                Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out _), Is.True, problem.ToString());
            }
            else
            {
                Assert.That(problem.GetProperty("detail").GetString(), Does.Match("begonnen|abgesagt"));
            }

            Assert.That(Count("anwesenheit", "anmeldung_id IN (@person, @wartend, @fremdePerson)", new { person, wartend, fremdePerson }), Is.Zero);
            Assert.That(NachweisDaten.Status(db, person), Is.EqualTo("angemeldet"));
        });
    }

    [Test]
    public async Task The_trainer_ticks_the_list_on_the_page_and_sees_the_state()
    {
        using var db = ModuleDatabase();
        var konto = await TestAccounts.CreateAsync(AdminApi, "trainerin-seite", TestGrant.OwnRecords(Anwesenheit));
        using var browser = await Host.SignedInClientAsync(konto.UserName, TestAccounts.Password);
        var termin = NachweisDaten.Termin(db, Clock, trainerKonto: konto.UserName, vergangeneTage: 1);
        var da = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        NachweisDaten.Anmeldung(db, Clock, termin.Id, "Jonas", "Keller");
        var pfad = $"/schulungen/termine/{termin.Id}/anwesenheit";

        var liste = await PageForms.TextAsync(browser, "/schulungen/anwesenheit");
        using var antwort = await PageForms.SubmitAsync(browser, pfad, "anwesenheit", ("Input.ZeitId", termin.Zeiten[0]), ("Input.Anwesend", da));
        var seite = await PageForms.TextAsync(browser, antwort.Headers.Location?.OriginalString ?? pfad);

        Assert.Multiple(() =>
        {
            Assert.That(liste, Does.Contain(pfad));
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(seite, Does.Contain("Die Anwesenheit wurde gespeichert."));
            Assert.That(seite, Does.Contain("vollständig teilgenommen").And.Contain("nicht erschienen"));
            Assert.That(NachweisDaten.Status(db, da), Is.EqualTo("vollstaendig"));
        });
    }

    [Test]
    public async Task A_day_that_has_not_begun_offers_no_form_and_a_foreign_session_is_not_found_on_the_page()
    {
        using var db = ModuleDatabase();
        var konto = await TestAccounts.CreateAsync(AdminApi, "trainerin-zukunft", TestGrant.OwnRecords(Anwesenheit));
        using var browser = await Host.SignedInClientAsync(konto.UserName, TestAccounts.Password);
        var termin = NachweisDaten.Termin(db, Clock, trainerKonto: konto.UserName, vergangeneTage: 0, kuenftigeTage: 1);
        NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        var fremder = NachweisDaten.Termin(db, Clock, trainerKonto: "eine-andere-trainerin");
        NachweisDaten.Anmeldung(db, Clock, fremder.Id, "Jonas", "Keller");

        var seite = await PageForms.TextAsync(browser, $"/schulungen/termine/{termin.Id}/anwesenheit");
        var fremd = await PageForms.TextAsync(browser, $"/schulungen/termine/{fremder.Id}/anwesenheit");

        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("hat noch nicht begonnen"));
            Assert.That(seite, Does.Not.Contain("Anwesenheit speichern"));
            Assert.That(fremd, Does.Contain("Termin nicht gefunden"));
            Assert.That(fremd, Does.Not.Contain("Keller"));
        });
    }

    [Test]
    public async Task The_sign_in_sheet_lists_every_seat_holder_per_day_with_room_to_sign()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1, kuenftigeTage: 1);
        NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        NachweisDaten.Anmeldung(db, Clock, termin.Id, "Olga", "Petrenko", "warteliste");

        var seite = await PageAsync($"/schulungen/termine/{termin.Id}/unterschriften");

        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("Unterschriftenliste: Umgang mit Rassismus"));
            Assert.That(seite, Does.Contain("Unterschriften am Termintag 1").And.Contain("Unterschriften am Termintag 2"));
            Assert.That(seite, Does.Contain("Demir, Aylin"));
            Assert.That(seite, Does.Not.Contain("Petrenko"), "the waiting list signs nothing");
            Assert.That(seite, Does.Contain("class=\"print-actions\""));
        });
    }

    private static async Task ErfassenAsync(HttpClient client, TestTermin termin, int tag, params string[] anwesend)
    {
        using var response = await client.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = termin.Zeiten[tag], anwesend });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }
}
