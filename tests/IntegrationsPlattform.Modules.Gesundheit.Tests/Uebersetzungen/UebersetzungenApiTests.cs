using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Uebersetzungen;

/// <summary>
/// Staff translate an offer's public texts into the deployment's public languages and see what is missing and
/// what is outdated because the German text changed afterwards; providers translate only their own offers.
/// </summary>
[TestFixture]
public sealed class UebersetzungenApiTests : GesundheitFixture
{
    private const string Angebote = "gesundheit.angebote";

    private HttpClient _staff = null!;
    private string _anbieter = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:PublicLanguages"] = "de,en,ar,tr" };

    [OneTimeSetUp]
    public async Task StaffAsync()
    {
        _staff = await ApiAsync("uebersetzung-fk", TestGrant.For(Angebote));
        _anbieter = Testangebote.Anbieter(Host.ModuleDatabase("Gesundheit"), "Praxis Sonnenschein (Übersetzungen)");
    }

    [OneTimeTearDown]
    public void Dispose() => _staff.Dispose();

    private string Angebot(string titel, params Testtext[] texte)
        => Testangebote.Anlegen(Host.ModuleDatabase("Gesundheit"), _anbieter, new Testangebot(titel) { Texte = texte });

    [Test]
    public async Task EveryPublicLanguageShowsWhichTextsAreMissingOutdatedOrCurrent()
    {
        var id = Angebot("Impfsprechstunde Erbach", new Testtext("en", "titel", "Vaccination hours Erbach"), new Testtext("ar", "titel", "ساعات التطعيم"));
        Testangebote.DeutschGeaendert(Host.ModuleDatabase("Gesundheit"), id, "titel", "Impfsprechstunde im Gesundheitsamt Erbach");

        var ansicht = await _staff.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}/uebersetzungen");
        var sprachen = ansicht.GetProperty("sprachen").EnumerateArray().ToDictionary(s => s.GetProperty("sprache").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(ansicht.GetProperty("titel").GetString(), Is.EqualTo("Impfsprechstunde im Gesundheitsamt Erbach"));
            Assert.That(sprachen.Keys, Is.EqualTo(new[] { "en", "ar", "tr" }), "the deployment's public languages but German, in its order");
            Assert.That(Stand(sprachen["en"]), Is.EqualTo(new[] { ("titel", "veraltet"), ("beschreibung", "fehlt") }));
            Assert.That(sprachen["ar"].GetProperty("richtung").GetString(), Is.EqualTo("rtl"));
            Assert.That(sprachen["tr"].GetProperty("fehlend").GetInt32(), Is.EqualTo(2));
            Assert.That(sprachen["en"].GetProperty("veraltet").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ATranslationSavedAgainstTheCurrentGermanTextIsCurrentUntilTheGermanTextChanges()
    {
        var id = Angebot("Zahnputzschule");
        using var gespeichert = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache = "TR", titel = "  Diş fırçalama okulu ", beschreibung = "Çocuklar için." });
        Assert.That(gespeichert.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await gespeichert.Content.ReadAsStringAsync());
        Assert.That(Stand(await SpracheAsync(id, "tr")), Is.EqualTo(new[] { ("titel", "aktuell"), ("beschreibung", "aktuell") }));
        Assert.That(Count("angebot_texte", "angebot_id = @id AND sprache = 'tr' AND fassung = 'arbeit' AND text = 'Diş fırçalama okulu'", new { id }), Is.EqualTo(1), "trimmed, in the working version");

        Testangebote.DeutschGeaendert(Host.ModuleDatabase("Gesundheit"), id, "beschreibung", "Kinder lernen Zähneputzen.");
        Assert.That(Stand(await SpracheAsync(id, "tr")), Is.EqualTo(new[] { ("titel", "aktuell"), ("beschreibung", "veraltet") }));
        Assert.That((await UeberblickAsync(_staff, "sprache=tr&stand=veraltet")).Where(z => z.Id == id), Is.EqualTo(new[] { (id, "tr", 0, 1) }));

        // The translator checks the translation against the new German text and saves it unchanged: current again.
        using var bestaetigt = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache = "tr", titel = "Diş fırçalama okulu", beschreibung = "Çocuklar için." });
        Assert.That(Stand(await SpracheAsync(id, "tr")), Is.EqualTo(new[] { ("titel", "aktuell"), ("beschreibung", "aktuell") }));

        using var entfernt = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache = "tr", titel = "Diş fırçalama okulu" });
        Assert.That(Stand(await SpracheAsync(id, "tr")), Is.EqualTo(new[] { ("titel", "aktuell"), ("beschreibung", "fehlt") }), "an empty field removes that translation");
    }

    [Test]
    public async Task TheOverviewListsMissingAndOutdatedTranslationsPerLanguage()
    {
        var id = Angebot("Elterncafé Sprachentwicklung", new Testtext("en", "titel", "Parents' café"), new Testtext("en", "beschreibung", "About language."));
        var alle = (await UeberblickAsync(_staff, "")).Where(z => z.Id == id).ToList();
        var fehlend = (await UeberblickAsync(_staff, "stand=fehlt&sprache=ar")).Where(z => z.Id == id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(alle, Is.EquivalentTo(new[] { (id, "ar", 2, 0), (id, "tr", 2, 0) }), "English is complete");
            Assert.That(fehlend, Is.EqualTo(new[] { (id, "ar", 2, 0) }));
        });
    }

    [TestCase("xx", "Unbekannter Sprachcode „xx“")]
    [TestCase("ps", "Die öffentlichen Seiten bieten Paschtu nicht an (angeboten: Deutsch, Englisch, Arabisch, Türkisch).")]
    [TestCase("de", "Deutsch ist der Ausgangstext")]
    public async Task ATranslationIntoALanguageTheDeploymentDoesNotOfferIsRefusedAndNothingIsWritten(string sprache, string meldung)
    {
        var id = Angebot("Frühe Hilfen Michelstadt " + sprache);
        using var antwort = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache, titel = "Early help" });
        Assert.Multiple(async () =>
        {
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await FehlerAsync(antwort, "sprache"), Does.Contain(meldung));
            Assert.That(Count("angebot_texte", "angebot_id = @id AND sprache <> 'de'", new { id }), Is.Zero);
        });
    }

    [Test]
    public async Task BadTextsAreRefusedAtTheirFieldAndNothingIsWritten()
    {
        var id = Angebot("Bewegungskurs Kita");
        using var zuLang = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache = "en", titel = new string('x', 201), beschreibung = "ok" });
        using var ohneVorlage = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache = "en", titel = "Exercise", kosten = "free" });
        using var unbekannt = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{Guid.NewGuid()}/uebersetzungen", new { sprache = "en", titel = "Exercise" });
        using var filter = await _staff.GetAsync("/api/gesundheit/uebersetzungen?stand=irgendwas&sprache=12345");
        Assert.Multiple(async () =>
        {
            Assert.That(zuLang.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await FehlerAsync(zuLang, "titel"), Does.Contain("Höchstens 200 Zeichen erlaubt (201 eingegeben)."));
            Assert.That(ohneVorlage.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await FehlerAsync(ohneVorlage, "kosten"), Does.Contain("keinen deutschen Text"));
            Assert.That(unbekannt.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(filter.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("angebot_texte", "angebot_id = @id AND sprache <> 'de'", new { id }), Is.Zero, "the valid title is not written either");
        });
    }

    /// <summary>A provider's change to a published offer waits for review; the public keeps the published texts.</summary>
    [Test]
    public async Task ATranslationOfAPublishedOfferWaitsForReviewAndThePublishedTextsStay()
    {
        var id = Angebot("U-Untersuchung erklärt");
        using var antwort = await _staff.PutAsJsonAsync($"/api/gesundheit/angebote/{id}/uebersetzungen", new { sprache = "ar", titel = "<script>alert(1)</script> الفحص" });
        Assert.Multiple(() =>
        {
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Count("angebote", "id = @id AND aenderung_status = 'zur_pruefung'", new { id }), Is.EqualTo(1));
            Assert.That(Count("angebot_texte", "angebot_id = @id AND sprache = 'ar' AND fassung = 'veroeffentlicht'", new { id }), Is.Zero);
            Assert.That(Count("angebot_texte", "angebot_id = @id AND sprache = 'ar' AND fassung = 'arbeit' AND text = '<script>alert(1)</script> الفحص'", new { id }), Is.EqualTo(1), "kept as text");
        });
    }

    [Test]
    public async Task AProviderTranslatesOnlyItsOwnOffers()
    {
        var anderer = Testangebote.Anbieter(Host.ModuleDatabase("Gesundheit"), "Hebammenpraxis Odenwald (Übersetzungen)");
        var eigenes = Angebot("Babymassage");
        var fremdes = Testangebote.Anlegen(Host.ModuleDatabase("Gesundheit"), anderer, new Testangebot("Rückbildung"));
        using var praxis = await ApiAsync("uebersetzung-praxis", TestGrant.InGroups(Angebote, _anbieter));

        using var eigen = await praxis.PutAsJsonAsync($"/api/gesundheit/angebote/{eigenes}/uebersetzungen", new { sprache = "en", titel = "Baby massage" });
        using var fremd = await praxis.PutAsJsonAsync($"/api/gesundheit/angebote/{fremdes}/uebersetzungen", new { sprache = "en", titel = "Recovery" });
        using var fremdLesen = await praxis.GetAsync($"/api/gesundheit/angebote/{fremdes}/uebersetzungen");
        var ueberblick = await UeberblickAsync(praxis, "");
        Assert.Multiple(() =>
        {
            Assert.That(eigen.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(fremd.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(fremdLesen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Count("angebot_texte", "angebot_id = @fremdes AND sprache <> 'de'", new { fremdes }), Is.Zero);
            Assert.That(ueberblick.Select(z => z.Id), Does.Contain(eigenes).And.Not.Contain(fremdes));
        });
    }

    private async Task<JsonElement> SpracheAsync(string id, string sprache)
        => (await _staff.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{id}/uebersetzungen")).GetProperty("sprachen").EnumerateArray().Single(s => s.GetProperty("sprache").GetString() == sprache);

    private static (string, string)[] Stand(JsonElement sprache)
        => sprache.GetProperty("felder").EnumerateArray().Select(f => (f.GetProperty("feld").GetString()!, f.GetProperty("stand").GetString()!)).ToArray();

    /// <summary>Every page of the overview (the demo data's offers are in it too).</summary>
    private static async Task<List<(string Id, string Sprache, int Fehlend, int Veraltet)>> UeberblickAsync(HttpClient client, string filter)
    {
        var zeilen = new List<(string, string, int, int)>();
        for (var seite = 1; ; seite++)
        {
            var liste = await client.GetFromJsonAsync<JsonElement>($"/api/gesundheit/uebersetzungen?{filter}&groesse=200&seite={seite}");
            zeilen.AddRange(liste.GetProperty("rows").EnumerateArray()
                .Select(z => (z.GetProperty("angebotId").GetString()!, z.GetProperty("sprache").GetString()!, z.GetProperty("fehlend").GetInt32(), z.GetProperty("veraltet").GetInt32())));
            if (seite >= liste.GetProperty("lastPage").GetInt32())
            {
                return zeilen;
            }
        }
    }

    private static async Task<string> FehlerAsync(HttpResponseMessage antwort, string feld)
        => string.Join(" | ", (await antwort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(feld).EnumerateArray().Select(e => e.GetString()));
}
