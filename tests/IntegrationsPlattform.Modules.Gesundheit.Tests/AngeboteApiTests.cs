using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The offers' API: the workflow from draft to published, a change waiting for review, and bad input refused with nothing written.</summary>
public sealed class AngeboteApiTests : GesundheitFixture
{
    private string _anbieter = null!;

    [OneTimeSetUp]
    public async Task AnbieterAnlegenAsync() => _anbieter = await AnbieterAsync(StaffApi, "Kinderarztpraxis am Marktplatz");

    private static readonly TestCaseData[] FalscheEingaben =
    [
        new TestCaseData("alterBisMonate", (Action<Dictionary<string, object?>>)(b => { b["alterVonMonate"] = 36; b["alterBisMonate"] = 12; }), "liegt vor dem Alter")
            .SetName("Age range reversed"),
        new TestCaseData("alterBisMonate", (Action<Dictionary<string, object?>>)(b => b["alterBisMonate"] = 240), "18 Jahre")
            .SetName("Age beyond 18 years"),
        new TestCaseData("sprachen", (Action<Dictionary<string, object?>>)(b => b["sprachen"] = new[] { "tr", "xx" }), "xx")
            .SetName("Unknown language code"),
        new TestCaseData("kategorie", (Action<Dictionary<string, object?>>)(b => b["kategorie"] = "wellness"), "Unbekannte Kategorie")
            .SetName("Unknown category"),
        new TestCaseData("titel", (Action<Dictionary<string, object?>>)(b => b["titel"] = " "), "Bitte den Titel angeben.")
            .SetName("Without title"),
        new TestCaseData("kosten", (Action<Dictionary<string, object?>>)(b => b["kostenlos"] = false), "Bitte die Kosten")
            .SetName("Not free without saying what it costs"),
        new TestCaseData("orte[0].plz", (Action<Dictionary<string, object?>>)(b => ((Dictionary<string, object?>)((object[])b["orte"]!)[0])["plz"] = "647"), "fünf Ziffern")
            .SetName("Postal code of three digits"),
        new TestCaseData("orte[0].kommuneAgs", (Action<Dictionary<string, object?>>)(b => ((Dictionary<string, object?>)((object[])b["orte"]!)[0])["kommuneAgs"] = "06411000"), "06411000")
            .SetName("Place outside the Kreis"),
        new TestCaseData("zeiten[0].byday", (Action<Dictionary<string, object?>>)(b => b["zeiten"] = new[] { new { freq = "WEEKLY", byday = "Montag", von = "09:00", bis = "12:00" } }), "MO, TU")
            .SetName("Weekdays not in RFC 5545 form"),
        new TestCaseData("zeiten[0].bis", (Action<Dictionary<string, object?>>)(b => b["zeiten"] = new[] { new { datum = "2027-03-03", von = "12:00", bis = "09:00" } }), "nach")
            .SetName("Opening time ending before it begins"),
        new TestCaseData("gueltigBis", (Action<Dictionary<string, object?>>)(b => { b["gueltigVon"] = "2027-02-01"; b["gueltigBis"] = "2027-01-01"; }), "nicht vor dem Beginn")
            .SetName("Valid to before valid from"),
    ];

    [TestCaseSource(nameof(FalscheEingaben))]
    public async Task Bad_input_is_refused_at_the_field_and_nothing_is_written(string feld, Action<Dictionary<string, object?>> verderben, string meldung)
    {
        var body = Angebot(_anbieter, titel: "Falsche Eingabe");
        body["orte"] = new object[] { Ort(Erbach) };
        verderben(body);
        var vorher = Count("angebote");

        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/angebote", body);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler.Keys, Does.Contain(feld));
            Assert.That(fehler.GetValueOrDefault(feld), Has.Some.Contains(meldung));
            Assert.That(Count("angebote"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task An_unknown_provider_is_refused_at_the_field_and_nothing_is_written()
    {
        var vorher = Count("angebote");
        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/angebote", Angebot(Guid.NewGuid().ToString()));
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler["anbieterId"], Is.EqualTo(new[] { "Diesen Anbieter gibt es nicht." }));
            Assert.That(Count("angebote"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_draft_without_place_or_German_description_cannot_go_to_review()
    {
        var body = Angebot(_anbieter, titel: "Ohne Ort");
        body["orte"] = Array.Empty<object>();
        body["beschreibung"] = null;
        var id = await AngebotAsync(StaffApi, body);

        using var response = await StaffApi.PostAsync($"/api/gesundheit/angebote/{id}/einreichen", null);
        var fehler = await FehlerAsync(response);
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(fehler.Keys, Is.EquivalentTo(new[] { "beschreibung", "orte" }));
            Assert.That(fehler["orte"][0], Does.StartWith("Ohne einen Ort lässt sich das Angebot nicht veröffentlichen"));
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("entwurf"));
            Assert.That(detail.GetProperty("fehltZumVeroeffentlichen").GetArrayLength(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_change_to_a_published_offer_waits_for_review_while_the_public_version_stays()
    {
        var body = Angebot(_anbieter, titel: "Zahnputzschule");
        var id = await VeroeffentlichtAsync(StaffApi, body);

        body["titel"] = "Zahnputzschule für Kita-Kinder";
        body["orte"] = new object[] { Ort(Michelstadt) };
        await ErfolgAsync(StaffApi.PutAsJsonAsync($"/api/gesundheit/angebote/{id}", body));
        var wartend = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}");

        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{id}/pruefung", new { entscheidung = "freigeben" }));
        var freigegeben = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(wartend.GetProperty("status").GetString(), Is.EqualTo("veroeffentlicht"));
            Assert.That(wartend.GetProperty("aenderungStatus").GetString(), Is.EqualTo("zur_pruefung"));
            Assert.That(Titel(wartend, "veroeffentlicht"), Is.EqualTo("Zahnputzschule"));
            Assert.That(Titel(wartend, "arbeit"), Is.EqualTo("Zahnputzschule für Kita-Kinder"));
            Assert.That(wartend.GetProperty("veroeffentlicht").GetProperty("orte")[0].GetProperty("kommuneAgs").GetString(), Is.EqualTo(Erbach));

            Assert.That(freigegeben.GetProperty("aenderungStatus").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Titel(freigegeben, "veroeffentlicht"), Is.EqualTo("Zahnputzschule für Kita-Kinder"));
            Assert.That(freigegeben.GetProperty("veroeffentlicht").GetProperty("orte")[0].GetProperty("kommuneAgs").GetString(), Is.EqualTo(Michelstadt));
        });
    }

    [Test]
    public async Task A_turned_down_change_keeps_the_published_version_and_tells_the_provider_why()
    {
        var body = Angebot(_anbieter, titel: "Babymassage");
        var id = await VeroeffentlichtAsync(StaffApi, body);
        body["titel"] = "Babymassage (neu)";
        await ErfolgAsync(StaffApi.PutAsJsonAsync($"/api/gesundheit/angebote/{id}", body));

        using var ohneGrund = await StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{id}/pruefung", new { entscheidung = "zurueckweisen" });
        var fehler = await FehlerAsync(ohneGrund);
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{id}/pruefung", new { entscheidung = "zurueckweisen", grund = "Bitte den alten Titel lassen." }));
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(fehler["grund"], Is.EqualTo(new[] { "Bitte einen Grund für den Anbieter angeben." }));
            Assert.That(detail.GetProperty("aenderungStatus").GetString(), Is.EqualTo("zurueckgewiesen"));
            Assert.That(Titel(detail, "veroeffentlicht"), Is.EqualTo("Babymassage"));
            Assert.That(detail.GetProperty("verlauf")[0].GetProperty("grund").GetString(), Does.Contain("Bitte den alten Titel lassen."));
        });
    }

    [Test]
    public async Task Archiving_needs_a_reason_and_only_a_published_offer_can_be_archived()
    {
        var entwurf = await AngebotAsync(StaffApi, Angebot(_anbieter, titel: "Entwurf zum Archivieren"));
        var veroeffentlicht = await VeroeffentlichtAsync(StaffApi, Angebot(_anbieter, titel: "Läuft aus"));

        using var ohneGrund = await StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{veroeffentlicht}/archivieren", new { grund = "" });
        using var ausEntwurf = await StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{entwurf}/archivieren", new { grund = "doppelt" });
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{veroeffentlicht}/archivieren", new { grund = "Förderung beendet" }));
        using var aendern = await StaffApi.PutAsJsonAsync($"/api/gesundheit/angebote/{veroeffentlicht}", Angebot(_anbieter, titel: "Läuft aus"));

        Assert.Multiple(async () =>
        {
            Assert.That((await FehlerAsync(ohneGrund)).Keys, Is.EquivalentTo(new[] { "grund" }));
            Assert.That(ausEntwurf.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await ausEntwurf.Content.ReadAsStringAsync(), Does.Contain("Wechsel von „Entwurf“ zu „archiviert“ ist nicht möglich"));
            Assert.That(aendern.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        });
    }

    [Test]
    public async Task Script_in_a_text_is_kept_as_text_and_the_page_shows_it_as_text()
    {
        const string titel = "<script>alert('x')</script> Impftag";
        var id = await AngebotAsync(StaffApi, Angebot(_anbieter, titel: titel));

        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}");
        var html = await StaffBrowser.GetStringAsync($"/gesundheit/verwaltung/angebote/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(Titel(detail, "arbeit"), Is.EqualTo(titel));
            Assert.That(html, Does.Not.Contain("<script>alert"));
            Assert.That(html, Does.Contain("&lt;script&gt;alert"));
        });
    }

    [Test]
    public async Task The_list_filters_by_category_municipality_and_language_and_the_CSV_has_the_same_rows()
    {
        var body = Angebot(_anbieter, Oberzent, "Bewegungsstunde Oberzent");
        body["kategorie"] = "bewegung";
        body["sprachen"] = new[] { "uk" };
        var id = await AngebotAsync(StaffApi, body);

        var liste = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote?kategorie=bewegung&kommune={Oberzent}&sprache=uk");
        var csv = await StaffApi.GetByteArrayAsync($"/api/gesundheit/angebote.csv?kategorie=bewegung&kommune={Oberzent}&sprache=uk");
        var text = Encoding.UTF8.GetString(csv);

        Assert.Multiple(() =>
        {
            Assert.That(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { id }));
            Assert.That(csv[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(text, Does.Contain("Angebot;Anbieter;Kategorie;Status"));
            Assert.That(text, Does.Contain("Bewegungsstunde Oberzent;Kinderarztpraxis am Marktplatz;Bewegung;Entwurf"));
        });
    }

    private static string Titel(JsonElement detail, string fassung) => detail.GetProperty(fassung).GetProperty("texte").GetProperty("titel").GetString()!;
}
