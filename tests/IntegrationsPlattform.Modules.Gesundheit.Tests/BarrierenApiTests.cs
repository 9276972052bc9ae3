using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>Barriers and measures through the JSON API: bad input refused at its field with nothing written, the measures' lifecycle, „ohne Maßnahme“.</summary>
public sealed class BarrierenApiTests : GesundheitFixture
{
    private string _angebot = null!;

    [OneTimeSetUp]
    public async Task AngebotAnlegenAsync()
        => _angebot = await AngebotAsync(StaffApi, Angebot(await AnbieterAsync(StaffApi, "Zahnarztpraxis Barrierentest"), titel: "Zahnputzschule"));

    private static Dictionary<string, object?> Barriere(string? angebot = null, string? kommune = Erbach) => new()
    {
        ["art"] = "sprache",
        ["angebotId"] = angebot,
        ["kommuneAgs"] = kommune,
        ["sprache"] = "ar",
        ["beschreibung"] = "Die Einladung gibt es nur auf Deutsch; arabischsprachige Familien kommen nicht.",
    };

    private static readonly TestCaseData[] FalscheBarrieren =
    [
        new TestCaseData("art", (Action<Dictionary<string, object?>>)(b => b["art"] = "wetter"), "Unbekannte Art der Barriere „wetter“.").SetName("Unknown barrier kind"),
        new TestCaseData("art", (Action<Dictionary<string, object?>>)(b => b["art"] = null), "Bitte die Art der Barriere angeben.").SetName("Barrier kind missing"),
        new TestCaseData("kommuneAgs", (Action<Dictionary<string, object?>>)(b => b["kommuneAgs"] = null), "Bitte ein Angebot oder eine Kommune angeben").SetName("Neither offer nor municipality"),
        new TestCaseData("kommuneAgs", (Action<Dictionary<string, object?>>)(b => b["kommuneAgs"] = "06411000"), "06411000").SetName("Municipality outside the Kreis"),
        new TestCaseData("sprache", (Action<Dictionary<string, object?>>)(b => b["sprache"] = "xx"), "Unbekannter Sprachcode „xx“").SetName("Unknown language"),
        new TestCaseData("beschreibung", (Action<Dictionary<string, object?>>)(b => b["beschreibung"] = "  "), "Bitte eine Beschreibung der Barriere angeben.").SetName("Description missing"),
        new TestCaseData("beschreibung", (Action<Dictionary<string, object?>>)(b => b["beschreibung"] = new string('x', 2001)), "Höchstens 2.000 Zeichen").SetName("Description too long"),
        new TestCaseData("angebotId", (Action<Dictionary<string, object?>>)(b => b["angebotId"] = "kein-angebot"), "Das Angebot ist nicht gültig.").SetName("Offer id not an id"),
        new TestCaseData("angebotId", (Action<Dictionary<string, object?>>)(b => b["angebotId"] = Guid.NewGuid().ToString()), "Dieses Angebot gibt es nicht.").SetName("Offer unknown"),
    ];

    [TestCaseSource(nameof(FalscheBarrieren))]
    public async Task A_bad_barrier_is_refused_at_the_field_and_nothing_is_written(string feld, Action<Dictionary<string, object?>> verderben, string meldung)
    {
        var body = Barriere();
        verderben(body);
        var vorher = Count("barrieren");

        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/barrieren", body);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler.GetValueOrDefault(feld), Has.Some.Contains(meldung), string.Join(" ", fehler.SelectMany(f => f.Value)));
            Assert.That(Count("barrieren"), Is.EqualTo(vorher));
        });
    }

    private static readonly TestCaseData[] FalscheMassnahmen =
    [
        new TestCaseData("art", new { art = "plakat", titel = "Plakat", verantwortlich = "WIR" }, "Unbekannte Art der Maßnahme „plakat“.").SetName("Unknown measure kind"),
        new TestCaseData("titel", new { art = "dolmetscherpool", titel = "", verantwortlich = "WIR" }, "Bitte einen Titel angeben.").SetName("Measure title missing"),
        new TestCaseData("verantwortlich", new { art = "dolmetscherpool", titel = "Pool", verantwortlich = " " }, "Bitte die verantwortliche Person oder Stelle angeben.").SetName("Owner missing"),
    ];

    [TestCaseSource(nameof(FalscheMassnahmen))]
    public async Task A_bad_measure_is_refused_at_the_field_and_nothing_is_written(string feld, object body, string meldung)
    {
        var barriere = await BarriereAsync(Barriere());
        var vorher = Count("massnahmen");

        using var response = await StaffApi.PostAsJsonAsync($"/api/gesundheit/barrieren/{barriere}/massnahmen", body);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler.GetValueOrDefault(feld), Has.Some.Contains(meldung), string.Join(" ", fehler.SelectMany(f => f.Value)));
            Assert.That(Count("massnahmen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_measure_against_an_unknown_barrier_or_a_status_for_an_unknown_measure_is_404()
    {
        using var massnahme = await StaffApi.PostAsJsonAsync($"/api/gesundheit/barrieren/{Guid.NewGuid()}/massnahmen", Massnahme("Pool"));
        using var status = await StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{Guid.NewGuid()}/status", new { status = "laufend" });

        Assert.Multiple(() =>
        {
            Assert.That(massnahme.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_barrier_at_an_offer_lists_its_measures_and_leaves_the_list_without_measure_until_they_are_dropped()
    {
        var barriere = await BarriereAsync(Barriere(_angebot, kommune: null));
        var ohneVorher = await OhneMassnahmeAsync();

        var massnahme = await MassnahmeAsync(barriere, "Einladung auf Arabisch");
        var ohneMit = await OhneMassnahmeAsync();
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "verworfen" }));
        var ohneVerworfen = await OhneMassnahmeAsync();
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/barrieren/{barriere}");

        Assert.Multiple(() =>
        {
            Assert.That(ohneVorher, Does.Contain(barriere));
            Assert.That(ohneMit, Does.Not.Contain(barriere));
            Assert.That(ohneVerworfen, Does.Contain(barriere), "a dropped measure does nothing against the barrier");
            Assert.That(detail.GetProperty("barriere").GetProperty("angebotTitel").GetString(), Is.EqualTo("Zahnputzschule"));
            var m = detail.GetProperty("massnahmen")[0];
            Assert.That(m.GetProperty("titel").GetString(), Is.EqualTo("Einladung auf Arabisch"));
            Assert.That(m.GetProperty("status").GetString(), Is.EqualTo("verworfen"));
            Assert.That(m.GetProperty("naechsteStatus").GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task A_measure_goes_from_planned_to_done_and_an_invalid_change_is_refused_with_the_allowed_ones()
    {
        var massnahme = await MassnahmeAsync(await BarriereAsync(Barriere()), "Dolmetscherpool Erbach");

        using var zuFrueh = await StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "umgesetzt" });
        using var unbekannt = await StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "pausiert" });
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "laufend" }));
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "umgesetzt" }));
        using var danach = await StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "verworfen" });

        Assert.Multiple(async () =>
        {
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await zuFrueh.Content.ReadAsStringAsync(), Does.Contain("Wechsel von „geplant“ zu „umgesetzt“ ist nicht möglich (erlaubt: läuft, verworfen)"));
            Assert.That((await FehlerAsync(unbekannt)).Keys, Is.EquivalentTo(new[] { "status" }));
            Assert.That(danach.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await danach.Content.ReadAsStringAsync(), Does.Contain("endgültig"));
        });
    }

    [Test]
    public async Task The_list_filters_by_kind_and_by_municipality_of_the_barrier_or_of_its_offers_place()
    {
        var inErbach = await BarriereAsync(Barriere(kommune: Erbach));
        var amAngebot = await BarriereAsync(Barriere(_angebot, kommune: null));
        var kosten = Barriere(kommune: Oberzent);
        kosten["art"] = "kosten";
        kosten["sprache"] = null;
        var inOberzent = await BarriereAsync(kosten);

        var erbach = await IdsAsync("kommune=" + Erbach);
        var kostenListe = await IdsAsync("art=kosten");
        using var falsch = await StaffApi.GetAsync("/api/gesundheit/barrieren?art=wetter");

        Assert.Multiple(async () =>
        {
            Assert.That(erbach, Does.Contain(inErbach).And.Contain(amAngebot).And.Not.Contain(inOberzent));
            Assert.That(kostenListe, Does.Contain(inOberzent).And.Not.Contain(inErbach));
            Assert.That((await FehlerAsync(falsch)).Keys, Is.EquivalentTo(new[] { "art" }));
        });
    }

    private static object Massnahme(string titel) => new { art = "uebersetzter_flyer", titel, verantwortlich = "WIR-Vielfaltszentrum" };

    private async Task<string> BarriereAsync(object body)
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/barrieren", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string> MassnahmeAsync(string barriere, string titel)
    {
        using var response = await StaffApi.PostAsJsonAsync($"/api/gesundheit/barrieren/{barriere}/massnahmen", Massnahme(titel));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private Task<List<string>> OhneMassnahmeAsync() => IdsAsync("ohneMassnahme=true");

    private async Task<List<string>> IdsAsync(string abfrage)
    {
        var liste = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/barrieren?{abfrage}&groesse=200");
        return liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
    }
}
