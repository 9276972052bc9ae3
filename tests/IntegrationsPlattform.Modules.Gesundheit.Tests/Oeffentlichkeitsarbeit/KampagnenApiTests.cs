using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit.Kampagnendaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit;

/// <summary>
/// Outreach campaigns through the API: bad input refused at its field with nothing written, the campaign's lifecycle
/// (409 naming the allowed changes, a reason to call it off), its hand-outs, the list's filters, and the campaigns as
/// linkable records for staff only.
/// </summary>
public sealed class KampagnenApiTests : GesundheitFixture
{
    private DateOnly Heute => Clock.Today;

    private static IEnumerable<TestCaseData> FalscheKampagnen()
    {
        TestCaseData Fall(string name, string feld, string meldung, Action<Dictionary<string, object?>> aendern) => new TestCaseData(feld, meldung, aendern).SetName(name);
        yield return Fall("Ohne Titel", "titel", "Bitte einen Titel angeben.", b => b["titel"] = " ");
        yield return Fall("Titel zu lang", "titel", "Höchstens 200 Zeichen erlaubt (201 eingegeben).", b => b["titel"] = new string('x', 201));
        yield return Fall("Ohne Beginn", "beginn", "Bitte ein Datum angeben.", b => b["beginn"] = null);
        yield return Fall("Beginn kein Datum", "beginn", "Bitte ein gültiges Datum angeben (JJJJ-MM-TT).", b => b["beginn"] = "1.3.2027");
        yield return Fall("Ende vor Beginn", "ende", "Das Ende darf nicht vor dem Beginn liegen.", b => b["ende"] = "2000-01-01");
        yield return Fall("Ohne Kommune", "kommunen", "Bitte mindestens eine Kommune wählen.", b => b["kommunen"] = Array.Empty<string>());
        yield return Fall("Fremde Kommune", "kommunen", "Keine Kommune im Odenwaldkreis: 06411000.", b => b["kommunen"] = new[] { Erbach, "06411000" });
    }

    [TestCaseSource(nameof(FalscheKampagnen))]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_is_written(string feld, string meldung, Action<Dictionary<string, object?>> aendern)
    {
        var body = Kampagne("Falsche Kampagne", Heute);
        aendern(body);
        var vorher = Count("kampagnen");

        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/kampagnen", body);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler[feld], Does.Contain(meldung));
            Assert.That(Count("kampagnen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_campaign_runs_through_its_lifecycle_and_a_change_it_does_not_allow_is_refused_with_the_allowed_ones()
    {
        var id = await KampagneAsync(StaffApi, Kampagne("Impfwoche Lebenszyklus", Heute, Erbach, Michelstadt));

        using var zuFrueh = await StatusAsync(StaffApi, id, "abgeschlossen");
        var zuFruehText = await zuFrueh.Content.ReadAsStringAsync();
        await ErfolgAsync(StatusAsync(StaffApi, id, "laufend"));
        await ErfolgAsync(StatusAsync(StaffApi, id, "abgeschlossen"));
        using var danach = await StatusAsync(StaffApi, id, "laufend");
        var kampagne = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/kampagnen/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(zuFruehText, Does.Contain("Kampagne: Wechsel von „geplant“ zu „abgeschlossen“ ist nicht möglich (erlaubt: läuft, abgesagt)."));
            Assert.That(danach.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(kampagne.GetProperty("kampagne").GetProperty("status").GetString(), Is.EqualTo("abgeschlossen"));
            Assert.That(kampagne.GetProperty("kampagne").GetProperty("kommunen").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { Erbach, Michelstadt }));
            Assert.That(kampagne.GetProperty("naechsteStatus").GetArrayLength(), Is.Zero);
            Assert.That(kampagne.GetProperty("verlauf").EnumerateArray().Select(v => v.GetProperty("nach").GetString()), Is.EqualTo(new[] { "geplant", "laufend", "abgeschlossen" }));
        });
    }

    [Test]
    public async Task Calling_a_campaign_off_needs_a_reason_and_then_it_takes_no_more_hand_outs()
    {
        var id = await KampagneAsync(StaffApi, Kampagne("Elternabend Absage", Heute, Erbach));

        using var ohneGrund = await StatusAsync(StaffApi, id, "abgesagt");
        var fehler = await FehlerAsync(ohneGrund);
        await ErfolgAsync(StatusAsync(StaffApi, id, "abgesagt", "Die Kita ist wegen Umbau geschlossen."));
        var vorher = Count("materialausgaben");
        using var ausgabe = await StaffApi.PostAsJsonAsync("/api/gesundheit/materialausgaben", Ausgabe(Heute, Erbach, id));
        var ausgabeFehler = await FehlerAsync(ausgabe);
        var verlauf = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/kampagnen/{id}")).GetProperty("verlauf");

        Assert.Multiple(() =>
        {
            Assert.That(fehler["grund"], Is.EqualTo(new[] { "Bitte einen Grund für „abgesagt“ angeben." }));
            Assert.That(verlauf[1].GetProperty("grund").GetString(), Is.EqualTo("Die Kita ist wegen Umbau geschlossen."));
            Assert.That(ausgabeFehler["kampagneId"], Is.EqualTo(new[] { "Die Kampagne ist abgesagt; eine Ausgabe lässt sich ihr nicht mehr zuordnen." }));
            Assert.That(Count("materialausgaben"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_campaigns_hand_outs_lie_in_its_municipalities_and_add_up_on_its_page()
    {
        var id = await KampagneAsync(StaffApi, Kampagne("Zahnputzaktion Summen", Heute, Erbach, Michelstadt));
        await AusgabeAsync(StaffApi, Ausgabe(Heute, Erbach, id));
        var zweite = Ausgabe(Heute.AddDays(-1), Michelstadt, id);
        zweite["anzahl"] = 25;
        await AusgabeAsync(StaffApi, zweite);

        using var woanders = await StaffApi.PostAsJsonAsync("/api/gesundheit/materialausgaben", Ausgabe(Heute, Oberzent, id));
        var fehler = await FehlerAsync(woanders);
        var kampagne = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/kampagnen/{id}");
        var gefiltert = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/materialausgaben?kampagne={id}");

        Assert.Multiple(() =>
        {
            Assert.That(fehler["kommuneAgs"], Is.EqualTo(new[] { "Die Kampagne läuft nicht in dieser Kommune." }));
            Assert.That(kampagne.GetProperty("kampagne").GetProperty("ausgaben").GetInt32(), Is.EqualTo(2));
            Assert.That(kampagne.GetProperty("kampagne").GetProperty("stueck").GetInt64(), Is.EqualTo(65));
            Assert.That(kampagne.GetProperty("materialausgaben").EnumerateArray().Select(a => a.GetProperty("kommuneAgs").GetString()), Is.EqualTo(new[] { Erbach, Michelstadt }));
            Assert.That(gefiltert.GetProperty("total").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_list_filters_by_status_and_municipality_and_refuses_unknown_filter_values()
    {
        var geplant = await KampagneAsync(StaffApi, Kampagne("Liste geplant Oberzent", Heute, Oberzent));
        var laufend = await KampagneAsync(StaffApi, Kampagne("Liste laufend Oberzent", Heute, Oberzent));
        await ErfolgAsync(StatusAsync(StaffApi, laufend, "laufend"));

        var oberzentLaufend = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/kampagnen?status=laufend&kommune={Oberzent}&groesse=200");
        var oberzent = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/kampagnen?kommune={Oberzent}&groesse=200");
        using var unbekannt = await StaffApi.GetAsync("/api/gesundheit/kampagnen?status=vielleicht");
        var fehler = await FehlerAsync(unbekannt);

        var ids = oberzentLaufend.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Does.Contain(laufend).And.Not.Contain(geplant));
            Assert.That(oberzent.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Does.Contain(geplant).And.Contain(laufend));
            Assert.That(fehler["status"], Is.EqualTo(new[] { "Unbekannter Status „vielleicht“." }));
        });
    }

    [Test]
    public async Task Campaigns_are_linkable_records_for_staff_and_invisible_to_a_provider()
    {
        var id = await KampagneAsync(StaffApi, Kampagne("Verknüpfbare Hebammenwoche", Heute, Michelstadt));
        var anbieter = await AnbieterAsync(StaffApi, "Praxis Verknüpfung");
        using var praxis = await ApiAsync("anbieter-verknuepfung", TestGrant.InGroups("gesundheit.angebote", anbieter));

        var treffer = (await StaffApi.GetFromJsonAsync<JsonElement>("/api/verknuepfungen?q=Hebammenwoche")).EnumerateArray().Single();
        var fuerPraxis = await praxis.GetFromJsonAsync<JsonElement>("/api/verknuepfungen?q=Hebammenwoche");

        Assert.Multiple(() =>
        {
            Assert.That(treffer.GetProperty("module").GetString(), Is.EqualTo("Gesundheit"));
            Assert.That(treffer.GetProperty("kind").GetString(), Is.EqualTo("Kampagne"));
            Assert.That(treffer.GetProperty("key").GetString(), Is.EqualTo(id));
            Assert.That(treffer.GetProperty("title").GetString(), Is.EqualTo("Verknüpfbare Hebammenwoche"));
            Assert.That(treffer.GetProperty("date").GetString(), Is.EqualTo(Tag(Heute)));
            Assert.That(treffer.GetProperty("municipalityAgs").GetString(), Is.EqualTo(Michelstadt));
            Assert.That(treffer.GetProperty("status").GetString(), Is.EqualTo("geplant"));
            Assert.That(treffer.GetProperty("link").GetString(), Is.EqualTo($"/gesundheit/verwaltung/kampagnen/{id}"));
            Assert.That(fuerPraxis.GetArrayLength(), Is.Zero);
        });
    }
}
