using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using static IntegrationsPlattform.Modules.Lotsen.Tests.Register.LotsenApi;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>
/// A person who is already a Lotse (same names and same e-mail or phone, compared as the import compares)
/// and a Träger whose name is taken are refused when created or changed one at a time: API, form, scope, race.
/// </summary>
public sealed class LotsenDublettenTests : LotsenFixture
{
    private const string Meldung = "Diese Person ist schon als Lotse erfasst (gleicher Vor- und Nachname und gleiche E-Mail-Adresse oder Telefonnummer).";

    private static string Eindeutig() => "D" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The registered person: "Anna Maria Müller-{token}", {token}@demo.invalid, 06062 123456.</summary>
    private async Task<(string Token, string Id)> ErfasstAsync(HttpClient? client = null, string[]? kommunen = null)
    {
        var token = Eindeutig();
        var id = await AnlegenAsync(client ?? StaffApi, Person(token, "Anna Maria", "Müller-{0}", $"{token}@demo.invalid", "06062 123456", kommunen));
        return (token, id);
    }

    private static JsonObject Person(string token, string vorname, string nachnameMuster, string? email, string? telefon, string[]? kommunen = null)
    {
        var body = Gueltig(string.Format(System.Globalization.CultureInfo.InvariantCulture, nachnameMuster, token), vorname, kommunen: kommunen);
        body["email"] = email is null ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, email, token);
        body["telefon"] = telefon;
        return body;
    }

    // --- API ---

    [TestCase("Anna Maria", "Müller-{0}", "{0}@demo.invalid", "06062 123456", TestName = "exactly the same")]
    [TestCase("ANNA MARIA", "MÜLLER-{0}", "andere-{0}@demo.invalid", "06062 123456", TestName = "names in capitals, same phone")]
    [TestCase("anna maria", "müller-{0}", "{0}@DEMO.INVALID", null, TestName = "lower case, same e-mail in capitals, no phone")]
    [TestCase("  Anna   Maria ", " Müller-{0}  ", "{0}@demo.invalid", null, TestName = "blanks around and inside")]
    [TestCase("Anna Maria", "Mu\u0308ller-{0}", null, "+49 6062 123456", TestName = "decomposed umlaut, phone with +49")]
    [TestCase("Anna Maria", "Müller-{0}", "neu-{0}@demo.invalid", "06062/12 34 56", TestName = "phone with slash and blanks")]
    [TestCase("Anna Maria", "Müller-{0}", null, "0049 (6062) 123-456", TestName = "phone with 0049 and brackets")]
    public async Task Creating_the_same_person_again_is_400_on_the_name_and_writes_nothing(string vorname, string nachname, string? email, string? telefon)
    {
        var (token, _) = await ErfasstAsync();
        var vorher = (Count("lotsen"), Count("lotse_sprachen"), Count("lotse_status_verlauf"));

        using var response = await StaffApi.PostAsync("/api/lotsen/lotsen", Json(Person(token, vorname, nachname, email, telefon)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
            Assert.That(problem.GetProperty("errors").GetProperty("nachname")[0].GetString(), Is.EqualTo(Meldung));
            Assert.That((Count("lotsen"), Count("lotse_sprachen"), Count("lotse_status_verlauf")), Is.EqualTo(vorher));
        });
    }

    [TestCase("Anna Maria", "Müller-{0}", "anderes-{0}@demo.invalid", "0171 5550000", TestName = "namesake with other e-mail and phone")]
    [TestCase("Anna", "Müller-{0}", "{0}@demo.invalid", "06062 123456", TestName = "other first name, same contact")]
    [TestCase("Anna Maria", "Müller-{0}", null, "06062 1234567", TestName = "namesake with a phone one digit longer")]
    public async Task Same_name_with_other_contact_or_same_contact_with_other_name_is_accepted(string vorname, string nachname, string? email, string? telefon)
    {
        var (token, _) = await ErfasstAsync();
        var vorher = Count("lotsen");

        using var response = await StaffApi.PostAsync("/api/lotsen/lotsen", Json(Person(token, vorname, nachname, email, telefon)));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            Assert.That(Count("lotsen"), Is.EqualTo(vorher + 1));
        });
    }

    [Test]
    public async Task Changing_a_Lotse_into_another_registered_person_is_refused_and_changes_nothing()
    {
        var (token, _) = await ErfasstAsync();
        var namensvetter = await AnlegenAsync(StaffApi, Person(token, "Anna Maria", "Müller-{0}", "zweite-{0}@demo.invalid", "0171 1", null));

        using var zuDoppelt = await StaffApi.PutAsync($"/api/lotsen/lotsen/{namensvetter}", Json(Person(token, "Anna Maria", "Müller-{0}", "zweite-{0}@demo.invalid", "+49 6062 123456")));
        var problem = await zuDoppelt.Content.ReadFromJsonAsync<JsonElement>();
        using var unveraendert = await StaffApi.PutAsync($"/api/lotsen/lotsen/{namensvetter}", Json(Person(token, "Anna Maria", "Müller-{0}", "zweite-{0}@demo.invalid", "0171 2")));

        Assert.Multiple(() =>
        {
            Assert.That(zuDoppelt.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
            Assert.That(problem.GetProperty("errors").GetProperty("nachname")[0].GetString(), Is.EqualTo(Meldung));
            Assert.That(Count("lotsen", "id = @namensvetter AND telefon = '0171 2'", new { namensvetter }), Is.EqualTo(1), "saving a Lotse as itself is no duplicate");
        });
    }

    [Test]
    public async Task An_erased_Lotse_is_no_duplicate()
    {
        var (token, id) = await ErfasstAsync();
        using var erase = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            email = $"{token}@demo.invalid",
            records = new[] { new { module = "Lotsen", recordType = "Lotse", recordId = id } },
        });
        Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK), await erase.Content.ReadAsStringAsync());

        using var wieder = await StaffApi.PostAsync("/api/lotsen/lotsen", Json(Person(token, "Anna Maria", "Müller-{0}", "{0}@demo.invalid", "06062 123456")));

        Assert.Multiple(async () =>
        {
            Assert.That(Count("lotsen", "id = @id AND vorname = 'gelöscht'", new { id }), Is.EqualTo(1));
            Assert.That(wieder.StatusCode, Is.EqualTo(HttpStatusCode.Created), await wieder.Content.ReadAsStringAsync());
        });
    }

    [Test]
    public async Task A_coordinator_is_refused_for_a_person_of_another_municipality_without_learning_anything_of_that_record()
    {
        var (token, id) = await ErfasstAsync(kommunen: [Michelstadt]);
        using var koordination = await TestKonten.ApiAsync(Host, AdminApi, "koord-" + token,
            TestKonten.Recht("lotsen.lesen", Erbach), TestKonten.Recht("lotsen.bearbeiten", Erbach));
        var vorher = Count("lotsen");
        using var sichtbar = await koordination.GetAsync($"/api/lotsen/lotsen/{id}");

        using var response = await koordination.PostAsync("/api/lotsen/lotsen", Json(Person(token, "Anna Maria", "Müller-{0}", "eigene-{0}@demo.invalid", "06062 123456", [Erbach])));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(sichtbar.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the other record lies outside the coordinator's scope");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("nachname")[0].GetString(), Is.EqualTo(Meldung));
            Assert.That(text, Does.Not.Contain(id).And.Not.Contain($"{token}@demo.invalid").And.Not.Contain(Michelstadt).And.Not.Contain("Michelstadt"));
            Assert.That(Count("lotsen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task Of_simultaneous_registrations_of_one_person_exactly_one_is_written()
    {
        var token = Eindeutig();
        var body = Person(token, "Anna Maria", "Müller-{0}", "{0}@demo.invalid", "06062 123456");
        var antworten = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await StaffApi.PostAsync("/api/lotsen/lotsen", Json(body));
            return response.StatusCode;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(antworten.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), string.Join(", ", antworten));
            Assert.That(antworten.Count(s => s == HttpStatusCode.BadRequest), Is.EqualTo(3), string.Join(", ", antworten));
            Assert.That(Count("lotsen", "email = @email", new { email = $"{token}@demo.invalid" }), Is.EqualTo(1));
        });
    }

    // --- form ---

    [Test]
    public async Task The_form_shows_the_refusal_at_the_name_and_keeps_the_input()
    {
        var (token, id) = await ErfasstAsync();
        var vorher = Count("lotsen");
        var felder = new Dictionary<string, string>
        {
            ["Input.Vorname"] = "ANNA MARIA",
            ["Input.Nachname"] = $"müller-{token}",
            ["Input.Email"] = "",
            ["Input.Telefon"] = "+49 6062 123456",
            ["Input.WohnortAgs"] = Erbach,
            ["Input.Sprachen[0].Code"] = "ar",
            ["Input.Sprachen[0].Niveau"] = "muttersprache",
            ["Input.Kommunen"] = Erbach,
            ["Input.Themen"] = "behoerden",
            ["Input.VermitteltDurch"] = "selbst",
            ["Input.EinwilligungAm"] = Tag(),
        };

        using var response = await PageForms.SubmitAsync(StaffBrowser, "/lotsen/lotsen/neu", "lotse", felder);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Match($"id=\"nachname\"[^>]*>\\s*<div class=\"validation-message\"[^>]*>{System.Text.RegularExpressions.Regex.Escape(Meldung)}</div>"),
                "the message stands under the last name");
            Assert.That(html, Does.Contain($"value=\"müller-{token}\"").And.Contain("value=\"ANNA MARIA\"").And.Contain("value=\"+49 6062 123456\""), "what was typed stays");
            Assert.That(html, Does.Not.Contain(id), "no link to the other record");
            Assert.That(Count("lotsen"), Is.EqualTo(vorher));
        });
    }

    // --- Träger ---

    [TestCase("Verein für Ärzte {0}", "VEREIN FÜR ÄRZTE {0}", TestName = "für / FÜR")]
    [TestCase("Verein für Ärzte {0}", "  verein  für   ärzte {0} ", TestName = "case and blanks")]
    [TestCase("Weiß & Söhne {0}", "WEISS & SÖHNE {0}", TestName = "ß / SS")]
    public async Task A_Traeger_whose_name_is_taken_in_other_case_is_refused_on_create_and_rename(string name, string anders)
    {
        var token = Eindeutig();
        var erster = await TraegerApi.CreateAsync(StaffApi, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, token), [Erbach]);
        var zweiter = await TraegerApi.CreateAsync(StaffApi, $"Anderer Verein {token}", [Erbach]);
        var vorher = (Count("traeger"), Count("traeger_kommunen"), Count("traeger_status_verlauf"));
        var doppelt = string.Format(System.Globalization.CultureInfo.InvariantCulture, anders, token);

        using var anlegen = await StaffApi.PostAsJsonAsync("/api/lotsen/traeger", new { name = doppelt, kommunen = new[] { Erbach } });
        var anlegenProblem = await anlegen.Content.ReadFromJsonAsync<JsonElement>();
        using var umbenennen = await StaffApi.PutAsJsonAsync($"/api/lotsen/traeger/{zweiter}", new { name = doppelt, kommunen = new[] { Erbach } });
        using var selbst = await StaffApi.PutAsJsonAsync($"/api/lotsen/traeger/{erster}", new { name = doppelt, kommunen = new[] { Erbach } });

        Assert.Multiple(() =>
        {
            Assert.That(anlegen.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), anlegenProblem.ToString());
            Assert.That(anlegenProblem.GetProperty("errors").GetProperty("name")[0].GetString(), Is.EqualTo("Ein Träger mit diesem Namen ist schon erfasst."));
            Assert.That(umbenennen.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((Count("traeger"), Count("traeger_kommunen"), Count("traeger_status_verlauf")), Is.EqualTo(vorher));
            Assert.That(Count("traeger", "id = @zweiter AND name = @name", new { zweiter, name = $"Anderer Verein {token}" }), Is.EqualTo(1));
            Assert.That(selbst.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a Träger may change the case of its own name");
        });
    }
}
