using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Contracts.Kernel;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Begleitung.BegleitungTestdaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>
/// The module's figures as the monitor reads them after the host's snapshot job, each seen to change while staff act
/// through the API: publishing offers, recording a barrier and its measure, handing a family over to the Lotsen.
/// </summary>
public sealed class IndikatorenTests : GesundheitFixture
{
    private const string Angebote = "gesundheit.angebote";
    private const string Fremdsprachig = "gesundheit.angebote_fremdsprachig";
    private const string Sprachen = "gesundheit.sprachen";
    private const string OhneMassnahme = "gesundheit.barrieren_ohne_massnahme";
    private const string Uebergaben = "gesundheit.lotsen_uebergaben";

    protected override IReadOnlyList<string> Peers => ["Lotsen"];

    private string _anbieter = null!;

    [OneTimeSetUp]
    public async Task AnbieterAsync() => _anbieter = await Testdaten.AnbieterAsync(StaffApi, "Praxis der Kennzahlen");

    [Test]
    public async Task Published_offers_count_per_municipality_and_once_for_the_Kreis_and_those_in_another_language_apart()
    {
        var vorher = await IndicatorsAsync();
        var zweisprachig = Angebot(_anbieter, titel: "Zahnputzschule zweisprachig");
        zweisprachig["orte"] = new[] { Ort(Michelstadt), Ort(Oberzent) };
        zweisprachig["sprachen"] = new[] { "de", "sq" };
        zweisprachig["dolmetscherAufAnfrage"] = false;
        await VeroeffentlichtAsync(StaffApi, zweisprachig);
        var nurDeutsch = Angebot(_anbieter, kommune: Michelstadt, titel: "Elternabend Ernährung");
        nurDeutsch["sprachen"] = new[] { "de" };
        nurDeutsch["dolmetscherAufAnfrage"] = false;
        await VeroeffentlichtAsync(StaffApi, nurDeutsch);
        var mitDolmetschen = Angebot(_anbieter, kommune: Michelstadt, titel: "Impfberatung mit Dolmetschen");
        mitDolmetschen["sprachen"] = new[] { "de" };
        await VeroeffentlichtAsync(StaffApi, mitDolmetschen);
        await AngebotAsync(StaffApi, Angebot(_anbieter, kommune: Michelstadt, titel: "Nur ein Entwurf"));
        var nachher = await IndicatorsAsync();

        decimal Zuwachs(string key, string? ags = null) => nachher.Value(key, ags) - vorher.Value(key, ags);
        Assert.Multiple(() =>
        {
            Assert.That(Zuwachs(Angebote, Michelstadt), Is.EqualTo(3), "the draft is not seen by the public");
            Assert.That(Zuwachs(Angebote, Oberzent), Is.EqualTo(1));
            Assert.That(Zuwachs(Angebote), Is.EqualTo(3), "an offer held in two municipalities is one offer of the Kreis");
            Assert.That(Zuwachs(Fremdsprachig, Michelstadt), Is.EqualTo(2), "Albanian on site, or an interpreter on request");
            Assert.That(Zuwachs(Fremdsprachig), Is.EqualTo(2));
            Assert.That(nachher.Snapshots.Single(s => s.Key == Angebote && s.MunicipalityAgs is null).MunicipalitiesAddUp, Is.False);
        });
    }

    [Test]
    public async Task A_language_spoken_in_no_offer_before_adds_one_to_the_languages_covered_once_published()
    {
        var zuwachs = await Indicators.ChangeAsync(Host, Sprachen, null, () => VeroeffentlichtAsync(StaffApi, Armenisch("Armenisch-Sprechstunde")));
        var zweites = await Indicators.ChangeAsync(Host, Sprachen, null, () => VeroeffentlichtAsync(StaffApi, Armenisch("Zweite Armenisch-Sprechstunde")));

        Assert.Multiple(() =>
        {
            Assert.That(zuwachs, Is.EqualTo(1));
            Assert.That(zweites, Is.Zero, "a language counts once however many offers speak it");
        });
    }

    /// <summary>An offer spoken in German and Armenian (<c>hy</c>), a language no other offer of these tests speaks.</summary>
    private Dictionary<string, object?> Armenisch(string titel)
    {
        var angebot = Angebot(_anbieter, titel: titel);
        angebot["sprachen"] = new[] { "de", "hy" };
        return angebot;
    }

    [Test]
    public async Task A_barrier_counts_without_a_measure_until_one_is_planned_and_again_when_it_is_dropped()
    {
        var vorher = await IndicatorsAsync();
        using var angelegt = await StaffApi.PostAsJsonAsync("/api/gesundheit/barrieren", new { art = "kosten", kommuneAgs = Oberzent, beschreibung = "Fahrkosten zur Praxis in der Kreisstadt." });
        var barriere = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var mitBarriere = await IndicatorsAsync();
        using var massnahme = await StaffApi.PostAsJsonAsync($"/api/gesundheit/barrieren/{barriere}/massnahmen", new { art = "sonstige", titel = "Fahrtkostenzuschuss", verantwortlich = "Gesundheitsamt" });
        var massnahmeId = (await massnahme.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var mitMassnahme = await IndicatorsAsync();
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahmeId}/status", new { status = "verworfen" }));
        var verworfen = await IndicatorsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(mitBarriere.Value(OhneMassnahme, Oberzent) - vorher.Value(OhneMassnahme, Oberzent), Is.EqualTo(1));
            Assert.That(mitBarriere.Value(OhneMassnahme) - vorher.Value(OhneMassnahme), Is.EqualTo(1));
            Assert.That(mitMassnahme.Value(OhneMassnahme, Oberzent), Is.EqualTo(vorher.Value(OhneMassnahme, Oberzent)));
            Assert.That(verworfen.Value(OhneMassnahme, Oberzent) - vorher.Value(OhneMassnahme, Oberzent), Is.EqualTo(1), "a dropped measure leaves the barrier without one");
        });
    }

    [Test]
    public async Task A_hand_over_to_the_Lotsen_counts_in_its_municipality_and_the_Kreis_in_the_month()
    {
        var angebot = await VeroeffentlichtAsync(StaffApi, Angebot(_anbieter, titel: "Kinderarzt mit Begleitung"));
        var vorher = await IndicatorsAsync();
        await UebergebenAsync(StaffApi, Uebergabe(angebot, sprache: "ar", kommune: Michelstadt));
        var nachher = await IndicatorsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(nachher.Value(Uebergaben, Michelstadt) - vorher.Value(Uebergaben, Michelstadt), Is.EqualTo(1));
            Assert.That(nachher.Value(Uebergaben) - vorher.Value(Uebergaben), Is.EqualTo(1));
            Assert.That(nachher.Snapshots.Single(s => s.Key == Uebergaben && s.MunicipalityAgs is null).Kind, Is.EqualTo(IndicatorKind.Flow));
        });
    }
}
