using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using static IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen.AnmeldungTestdaten;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen;

/// <summary>
/// Staff registering people directly and cancelling through the JSON API (and the session's registration page): the
/// order of seats and waiting list, moving up, the session's status following its seats, the calendar files, every bad
/// input as problem details with nothing written, and who may call the endpoints.
/// </summary>
public sealed class AnmeldungenApiTests : SchulungenFixture
{
    private int _sequence;

    private string NeueAdresse() => $"direkt{Interlocked.Increment(ref _sequence)}@traeger.example.invalid";

    private static object Person(string email, string vorname = "Jonas", string nachname = "Weber", string? arbeitgeber = "Jugendhilfe Odenwald e. V.", string[]? schulen = null)
        => new { vorname, nachname, email, arbeitgeber, schulen = schulen ?? [] };

    private async Task<JsonElement> AnmeldenAsync(Termin termin, string email)
    {
        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anmeldungen", Person(email));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> AbmeldenAsync(string anmeldungId)
    {
        using var response = await StaffApi.PostAsync($"/api/schulungen/anmeldungen/{anmeldungId}/abmeldung", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string Status(string table, string id)
    {
        using var db = Open(Host);
        return db.ExecuteScalar<string>($"SELECT status FROM {table} WHERE id = @id", new { id })!;
    }

    [Test]
    public async Task Staff_fill_seats_and_waiting_list_in_order_and_a_cancellation_moves_the_first_waiting_person_up()
    {
        var termin = NeuerTermin(Host, kapazitaet: 2, maxWarteliste: 2);
        var personen = Enumerable.Range(0, 4).Select(_ => NeueAdresse()).ToList();
        var ergebnisse = new List<JsonElement>();
        foreach (var email in personen)
        {
            ergebnisse.Add(await AnmeldenAsync(termin, email));
        }

        using var voll = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anmeldungen", Person(NeueAdresse()));
        var statusVoll = Status("termine", termin.Id);
        var liste = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termin.Id}/anmeldungen");
        var erste = ergebnisse[0].GetProperty("anmeldungId").GetString()!;
        var abmeldung = await AbmeldenAsync(erste);

        Assert.Multiple(async () =>
        {
            Assert.That(ergebnisse.Select(e => e.GetProperty("status").GetString()), Is.EqualTo(new[] { "angemeldet", "angemeldet", "warteliste", "warteliste" }));
            Assert.That(ergebnisse.Select(e => e.GetProperty("warteplatz").ValueKind == JsonValueKind.Null ? 0 : e.GetProperty("warteplatz").GetInt32()), Is.EqualTo(new[] { 0, 0, 1, 2 }));
            Assert.That(voll.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((await voll.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Is.EqualTo("Dieser Termin ist ausgebucht, auch die Warteliste ist voll."));
            Assert.That(statusVoll, Is.EqualTo("ausgebucht"));
            Assert.That(liste.GetProperty("belegt").GetInt32(), Is.EqualTo(2));
            Assert.That(liste.GetProperty("wartend").GetInt32(), Is.EqualTo(2));
            Assert.That(liste.GetProperty("anmeldungen").EnumerateArray().Select(a => a.GetProperty("email").GetString()), Is.EqualTo(personen));
            Assert.That(abmeldung.GetProperty("nachgerueckteAnmeldungId").GetString(), Is.EqualTo(ergebnisse[2].GetProperty("anmeldungId").GetString()));
            Assert.That(Status("anmeldungen", erste), Is.EqualTo("abgemeldet"));
            Assert.That(Host.MailsTo(personen[2])[^1].Subject, Does.StartWith("Platz frei geworden"));
            Assert.That(Status("termine", termin.Id), Is.EqualTo("ausgebucht"));
        });

        var wartendeAbmeldung = await AbmeldenAsync(ergebnisse[3].GetProperty("anmeldungId").GetString()!);
        await AbmeldenAsync(ergebnisse[1].GetProperty("anmeldungId").GetString()!);
        using var zweimal = await StaffApi.PostAsync($"/api/schulungen/anmeldungen/{erste}/abmeldung", null);
        Assert.Multiple(async () =>
        {
            Assert.That(wartendeAbmeldung.GetProperty("nachgerueckteAnmeldungId").ValueKind, Is.EqualTo(JsonValueKind.Null), "a place on the waiting list frees no seat");
            Assert.That(Status("termine", termin.Id), Is.EqualTo("offen"), "a seat nobody takes opens the session again");
            Assert.That(zweimal.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That((await zweimal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("„abgemeldet“"));
        });
    }

    private static readonly object[] BadBodies =
    [
        new object[] { new { nachname = "Weber", email = "a@traeger.example.invalid" }, "vorname", "Bitte den Vornamen angeben." },
        new object[] { new { vorname = "Jonas", email = "a@traeger.example.invalid" }, "nachname", "Bitte den Nachnamen angeben." },
        new object[] { new { vorname = "Jonas", nachname = "Weber" }, "email", "Bitte die E-Mail-Adresse angeben." },
        new object[] { new { vorname = "Jonas", nachname = "Weber", email = "jonas at traeger" }, "email", "Bitte eine gültige E-Mail-Adresse angeben" },
        new object[] { new { vorname = new string('J', 101), nachname = "Weber", email = "a@traeger.example.invalid" }, "vorname", "Höchstens 100 Zeichen" },
        new object[] { new { vorname = "Jonas", nachname = "Weber", email = "a@traeger.example.invalid", arbeitgeber = new string('T', 201) }, "arbeitgeber", "Höchstens 200 Zeichen" },
        new object[] { new { vorname = "Jonas", nachname = "Weber", email = "a@traeger.example.invalid", schulen = Enumerable.Range(0, 11).Select(i => $"s{i}").ToArray() }, "schulen", "Höchstens 10 Schulen" },
        new object[] { new { vorname = "Jonas", nachname = "Weber", email = "a@traeger.example.invalid", schulen = new[] { "gibt-es-nicht" } }, "schulen", "Diese Schule ist nicht bekannt: gibt-es-nicht" },
    ];

    [TestCaseSource(nameof(BadBodies))]
    public async Task A_bad_registration_is_a_400_at_its_field_and_writes_nothing(object body, string feld, string meldung)
    {
        var termin = NeuerTermin(Host);
        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anmeldungen", body);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("errors").GetProperty(feld)[0].GetString(), Does.Contain(meldung));
            Assert.That(Count("anmeldungen", "termin_id = @id", new { id = termin.Id }), Is.Zero);
            Assert.That(Count("teilnehmende", "email = 'a@traeger.example.invalid'"), Is.Zero);
        });
    }

    [TestCase("abgesagt", HttpStatusCode.Conflict, "Dieser Termin wurde abgesagt")]
    [TestCase("geplant", HttpStatusCode.Conflict, "noch nicht freigegeben")]
    [TestCase("ausgewertet", HttpStatusCode.Conflict, "bereits stattgefunden")]
    [TestCase("doppelt", HttpStatusCode.Conflict, "Diese E-Mail-Adresse ist für diesen Termin bereits angemeldet.")]
    [TestCase("unbekannt", HttpStatusCode.NotFound, "Der Termin wurde nicht gefunden.")]
    public async Task A_registration_the_session_cannot_take_is_refused_with_the_reason(string fall, HttpStatusCode erwartet, string meldung)
    {
        var termin = NeuerTermin(Host, status: fall is "doppelt" or "unbekannt" ? "offen" : fall);
        var email = NeueAdresse();
        if (fall == "doppelt")
        {
            await AnmeldenAsync(termin, email);
        }

        var id = fall == "unbekannt" ? Guid.NewGuid().ToString() : termin.Id;
        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{id}/anmeldungen", Person(email.ToUpperInvariant()));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(erwartet));
            Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain(meldung));
            Assert.That(Count("anmeldungen", "termin_id = @id", new { id = termin.Id }), Is.EqualTo(fall == "doppelt" ? 1 : 0));
        });
    }

    [Test]
    public async Task Staff_may_register_after_the_public_deadline()
    {
        var termin = NeuerTermin(Host, anmeldeschlussInTagen: -3);
        var ergebnis = await AnmeldenAsync(termin, NeueAdresse());
        Assert.That(ergebnis.GetProperty("status").GetString(), Is.EqualTo("angemeldet"));
    }

    [Test]
    public async Task Every_appointment_of_a_seat_has_its_calendar_file_and_a_waiting_place_has_none()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 1);
        var zweite = ZweiteZeit(Host, termin);
        var sitz = (await AnmeldenAsync(termin, NeueAdresse())).GetProperty("anmeldungId").GetString();
        var wartend = (await AnmeldenAsync(termin, NeueAdresse())).GetProperty("anmeldungId").GetString();

        using var datei = await StaffApi.GetAsync($"/api/schulungen/anmeldungen/{sitz}/kalender/2.ics");
        using var dritte = await StaffApi.GetAsync($"/api/schulungen/anmeldungen/{sitz}/kalender/3.ics");
        using var warteliste = await StaffApi.GetAsync($"/api/schulungen/anmeldungen/{wartend}/kalender/1.ics");
        Assert.Multiple(async () =>
        {
            Assert.That(datei.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(OeffentlicheAnmeldungTests.Entfaltet(await datei.Content.ReadAsStringAsync()), Does.Contain("METHOD:REQUEST").And.Contain($"{sitz}-{zweite}@schulungen.integrationsplattform"));
            Assert.That(dritte.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(warteliste.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        });
    }

    [Test]
    public async Task The_session_page_lists_registrations_registers_directly_and_cancels_with_confirmation()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 1);
        var pfad = $"/schulungen/termine/{termin.Id}/anmeldungen";
        using var angemeldet = await PageForms.SubmitAsync(StaffBrowser, pfad, "anmelden",
            ("Anmeldung.Vorname", "Selin"), ("Anmeldung.Nachname", "Aydın"), ("Anmeldung.Email", "selin.aydin@schule.example.invalid"));
        using var wartend = await PageForms.SubmitAsync(StaffBrowser, pfad, "anmelden",
            ("Anmeldung.Vorname", "Olena"), ("Anmeldung.Nachname", "Kowalenko"), ("Anmeldung.Email", "olena@schule.example.invalid"));
        using var fehler = await PageForms.SubmitAsync(StaffBrowser, pfad, "anmelden", ("Anmeldung.Vorname", "Ohne"), ("Anmeldung.Email", "kaputt"));
        var fehlerText = WebUtility.HtmlDecode(await fehler.Content.ReadAsStringAsync());
        var liste = await PageAsync(pfad);
        var selin = Scalar<string>("SELECT a.id FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE p.email = 'selin.aydin@schule.example.invalid'");
        using var ohneHaken = await PageForms.SubmitAsync(StaffBrowser, pfad, "abmelden", ("Abmeldung.AnmeldungId", selin));
        var ohneHakenText = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        using var abgemeldet = await PageForms.SubmitAsync(StaffBrowser, pfad, "abmelden", ("Abmeldung.AnmeldungId", selin), ("Abmeldung.Bestaetigt", "true"));

        Assert.Multiple(async () =>
        {
            Assert.That(PageForms.RedirectTarget(angemeldet), Is.EqualTo($"{pfad}?gespeichert=angemeldet"));
            Assert.That(PageForms.RedirectTarget(wartend), Is.EqualTo($"{pfad}?gespeichert=warteliste"));
            Assert.That(PageForms.MessagesAt(fehlerText, "id=\"nachname\""), Has.Some.EqualTo("Bitte den Nachnamen angeben."));
            Assert.That(PageForms.MessagesAt(fehlerText, "id=\"email\""), Has.Some.Contains("gültige E-Mail-Adresse"));
            Assert.That(liste, Does.Contain("Aydın, Selin").And.Contain("Kowalenko, Olena").And.Contain("Warteliste, Platz 1").And.Contain("Plätze: 1 von 1 belegt"));
            Assert.That(PageForms.MessagesAt(ohneHakenText, "id=\"bestaetigt\""), Has.Some.Contains("Bitte bestätigen"));
            Assert.That(PageForms.RedirectTarget(abgemeldet), Is.EqualTo($"{pfad}?gespeichert=nachgerueckt"));
            Assert.That(await PageAsync($"{pfad}?gespeichert=nachgerueckt"), Does.Contain("die erste Person der Warteliste ist nachgerückt"));
        });
    }

    [Test]
    public async Task A_trainer_without_the_staff_permission_reaches_no_registration()
    {
        var endpunkte = ApiEndpoints.Of(Host, "/api/schulungen/").Where(e => e.Key.Contains("anmeldung", StringComparison.Ordinal)).ToList();
        using var trainerin = await ApiAsync("trainerin-anmeldungen", TestGrant.OwnRecords(Anwesenheit));

        Assert.Multiple(async () =>
        {
            Assert.That(endpunkte, Has.Count.EqualTo(4));
            Assert.That(await ApiEndpoints.WithoutPermissionAsync(trainerin, endpunkte, new HashSet<string>()), Is.Empty);
        });
        await PageForms.AssertRefusedAsync(Host, $"/schulungen/termine/{Guid.NewGuid()}/anmeldungen");
    }

    private T Scalar<T>(string sql)
    {
        using var db = Open(Host);
        return db.ExecuteScalar<T>(sql)!;
    }
}
