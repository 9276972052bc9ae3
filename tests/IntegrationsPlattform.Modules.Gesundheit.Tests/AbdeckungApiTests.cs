using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>
/// The coverage matrix through the API, the page and the CSV: only published offers valid on the host's today count,
/// spoken on site apart from an interpreter on request. Albanian (sq) is a language no demo offer speaks.
/// </summary>
public sealed class AbdeckungApiTests : GesundheitFixture
{
    private const string Albanisch = "sq";

    private string _anbieter = null!;

    [OneTimeSetUp]
    public async Task AnbieterAnlegenAsync() => _anbieter = await AnbieterAsync(StaffApi, "Familienhebammen Abdeckungstest");

    private Dictionary<string, object?> AlbanischIn(string kommune, string titel, int von, int bis)
    {
        var body = Angebot(_anbieter, kommune, titel);
        body["sprachen"] = new[] { "de", Albanisch };
        body["dolmetscherAufAnfrage"] = false;
        body["alterVonMonate"] = von;
        body["alterBisMonate"] = bis;
        return body;
    }

    private async Task<Dictionary<string, (int VorOrt, int Dolmetschen)>> ZellenAsync(string kommune, string sprache = Albanisch)
    {
        var matrix = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/abdeckung?sprache={sprache}&kommune={kommune}");
        return matrix.GetProperty("zellen").EnumerateArray().ToDictionary(
            z => z.GetProperty("altersgruppe").GetString()!, z => (z.GetProperty("vorOrt").GetInt32(), z.GetProperty("nurMitDolmetschen").GetInt32()));
    }

    [Test]
    public async Task A_published_valid_offer_fills_its_cells_while_drafts_and_expired_ones_do_not()
    {
        var vorher = await ZellenAsync(Michelstadt);
        await VeroeffentlichtAsync(StaffApi, AlbanischIn(Michelstadt, "Kita-Sprechstunde auf Albanisch", 36, 71));
        await AngebotAsync(StaffApi, AlbanischIn(Michelstadt, "Entwurf auf Albanisch", 120, 167));
        var abgelaufen = AlbanischIn(Michelstadt, "Abgelaufen auf Albanisch", 168, 216);
        abgelaufen["gueltigVon"] = Clock.Today.AddDays(-30).ToString("yyyy-MM-dd");
        abgelaufen["gueltigBis"] = Clock.Today.AddDays(-1).ToString("yyyy-MM-dd");
        await VeroeffentlichtAsync(StaffApi, abgelaufen);

        var nachher = await ZellenAsync(Michelstadt);

        Assert.Multiple(() =>
        {
            Assert.That(nachher["3-5"].VorOrt, Is.EqualTo(vorher["3-5"].VorOrt + 1));
            Assert.That(nachher["6-9"], Is.EqualTo(vorher["6-9"]), "the range ends before 6 years");
            Assert.That(nachher["10-13"], Is.EqualTo(vorher["10-13"]), "a draft is not reachable");
            Assert.That(nachher["14-17"], Is.EqualTo(vorher["14-17"]), "an offer past its valid-to day is not reachable");
        });
    }

    [Test]
    public async Task The_page_and_the_csv_say_in_words_where_no_offer_is_reachable()
    {
        var body = AlbanischIn(Oberzent, "Zahnputzkurs mit Dolmetschen", 72, 119);
        body["sprachen"] = new[] { "de" };
        body["dolmetscherAufAnfrage"] = true;
        await VeroeffentlichtAsync(StaffApi, body);

        var seite = await PageAsync($"/gesundheit/verwaltung/abdeckung?sprache={Albanisch}&kommune={Oberzent}");
        var csv = await StaffBrowser.GetStringAsync($"/gesundheit/verwaltung/abdeckung/export.csv?sprache={Albanisch}&kommune={Oberzent}");
        var zellen = await ZellenAsync(Oberzent);

        Assert.Multiple(() =>
        {
            Assert.That(zellen["6-9"].Dolmetschen, Is.GreaterThanOrEqualTo(1));
            Assert.That(seite, Does.Contain("<caption>Albanisch: Angebote je Kommune und Altersgruppe</caption>"));
            Assert.That(seite, Does.Contain("<th scope=\"row\">Oberzent</th>").And.Contain("<th scope=\"col\">6–9 Jahre</th>"));
            Assert.That(seite, Does.Contain("mit Dolmetschen").And.Contain("kein Angebot"));
            Assert.That(csv, Does.Contain("Kommune;Sprache;Altersgruppe;Bewertung"));
            Assert.That(csv, Does.Contain($"Oberzent;Albanisch;6–9 Jahre;{(zellen["6-9"].VorOrt > 0 ? "erreichbar" : "nur mit Dolmetschen")}"));
        });
    }

    [TestCase("sprache=xx", "sprache")]
    [TestCase("kommune=06411000", "kommune")]
    public async Task A_bad_filter_is_refused_at_its_field(string abfrage, string feld)
    {
        using var response = await StaffApi.GetAsync($"/api/gesundheit/abdeckung?{abfrage}");

        Assert.That((await FehlerAsync(response)).Keys, Is.EquivalentTo(new[] { feld }));
    }

    [Test]
    public async Task Without_filters_the_matrix_has_every_municipality_the_public_languages_but_German_and_six_age_groups()
    {
        var matrix = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/abdeckung");

        Assert.Multiple(() =>
        {
            Assert.That(matrix.GetProperty("kommunen").GetArrayLength(), Is.EqualTo(12));
            // The host's default Platform:PublicLanguages, without German.
            Assert.That(matrix.GetProperty("sprachen").EnumerateArray().Select(s => s.GetString()), Is.EquivalentTo(new[] { "ar", "en", "fa", "ru", "tr", "uk" }));
            Assert.That(matrix.GetProperty("zellen").GetArrayLength(), Is.EqualTo(12 * 6 * 6));
            Assert.That(matrix.GetProperty("stichtag").GetString(), Is.EqualTo(Clock.Today.ToString("yyyy-MM-dd")));
        });
    }
}
