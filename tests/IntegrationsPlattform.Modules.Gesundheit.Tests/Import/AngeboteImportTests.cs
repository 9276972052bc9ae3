using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Import;

/// <summary>
/// Taking over an existing offer list through the CSV import's JSON API: the preview names every bad row, an import writes
/// all rows as drafts or none, providers are created once, duplicates and offers already recorded are refused, broken files
/// and missing permissions answer 400 and 403.
/// </summary>
[TestFixture]
public sealed class AngeboteImportTests : ModuleFixture
{
    private const string Kopf = "Titel;Anbieter;Kategorie;Beschreibung;Anmeldung;Voraussetzungen;Kosten;Alter von;Alter bis;Sprachen;Dolmetscher;Einrichtung;Straße;PLZ;Ort;Kommune;Stufenlos;Gültig von;Gültig bis";

    private HttpClient staff = null!;

    protected override string ModuleId => "Gesundheit";

    [OneTimeSetUp]
    public async Task CreateStaffAsync()
        => staff = await ApiAsync("gesundheit-import", TestGrant.For("gesundheit.verwalten"), TestGrant.For("gesundheit.angebote"));

    [OneTimeTearDown]
    public void DisposeClient() => staff.Dispose();

    /// <summary>A valid row; <paramref name="anbieter"/> keeps a test's offers apart from the others'.</summary>
    private static string Zeile(string anbieter, string titel = "Impfsprechstunde", string kategorie = "Impfungen", string kosten = "kostenlos",
        string alterVon = "6 Monate", string alterBis = "6 Jahre", string sprachen = "ar, Türkisch", string dolmetscher = "ja", string plz = "64711",
        string kommune = "Erbach", string gueltigVon = "01.01.2027", string gueltigBis = "31.12.2027")
        => $"{titel};{anbieter};{kategorie};Impfungen nach STIKO;Telefonisch;Impfpass mitbringen;{kosten};{alterVon};{alterBis};{sprachen};{dolmetscher};Praxis am Markt;Marktplatz 3;{plz};Erbach;{kommune};ja;{gueltigVon};{gueltigBis}";

    private static byte[] Datei(params string[] zeilen) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Kopf, .. zeilen]) + "\r\n");

    private static string NeuerAnbieter() => "Praxis " + Guid.NewGuid().ToString("N")[..8];

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendeAsync(byte[] datei, bool probelauf, HttpClient? client = null)
    {
        var inhalt = new ByteArrayContent(datei);
        inhalt.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await (client ?? staff).PostAsync($"/api/gesundheit/import/angebote?probelauf={(probelauf ? "true" : "false")}", inhalt);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private long AngeboteVon(string anbieter) => Count("angebote a JOIN anbieter n ON n.id = a.anbieter_id", "n.name = @anbieter", new { anbieter });

    private static List<string> Fehler(JsonElement vorschau, int zeile)
        => vorschau.GetProperty("zeilen").EnumerateArray().Single(z => z.GetProperty("zeile").GetInt32() == zeile)
            .GetProperty("fehler").EnumerateArray().Select(f => f.GetString()!).ToList();

    [TestCase("titel", "", "Titel: Bitte den Titel angeben.")]
    [TestCase("kategorie", "Astrologie", "Kategorie: Unbekannte Kategorie „Astrologie“")]
    [TestCase("alterVon", "drei Jahre", "Alter von: „drei Jahre“ ist kein Alter")]
    [TestCase("alterBis", "20 Jahre", "Alter bis: „20 Jahre“ ist kein Alter von 0 bis 18 Jahren")]
    [TestCase("alter verkehrt", "", "Alter bis: Das Alter „bis“ (3 Jahre) liegt vor dem Alter „ab“ (10 Jahre).")]
    [TestCase("sprachen", "ar, Klingonisch", "Sprachen: Unbekannter Sprachcode „klingonisch“")]
    [TestCase("dolmetscher", "vielleicht", "Dolmetscher: „vielleicht“: bitte „ja“ oder „nein“.")]
    [TestCase("plz", "6471", "PLZ: Die Postleitzahl hat fünf Ziffern.")]
    [TestCase("kommune", "Darmstadt", "Kommune: Keine Kommune im Odenwaldkreis: Darmstadt.")]
    [TestCase("gueltigVon", "31.02.2027", "Gültig von: „31.02.2027“ ist kein gültiges Datum (TT.MM.JJJJ).")]
    [TestCase("gueltigBis", "01.12.2026", "Gültig bis: Das Ende darf nicht vor dem Beginn liegen.")]
    public async Task ThePreviewNamesTheBadRowAndTheImportWritesNothing(string fall, string wert, string erwartet)
    {
        var anbieter = NeuerAnbieter();
        var schlecht = fall switch
        {
            "titel" => Zeile(anbieter, titel: wert),
            "kategorie" => Zeile(anbieter, titel: "B", kategorie: wert),
            "alterVon" => Zeile(anbieter, titel: "B", alterVon: wert),
            "alterBis" => Zeile(anbieter, titel: "B", alterBis: wert),
            "alter verkehrt" => Zeile(anbieter, titel: "B", alterVon: "10 Jahre", alterBis: "3 Jahre"),
            "sprachen" => Zeile(anbieter, titel: "B", sprachen: wert),
            "dolmetscher" => Zeile(anbieter, titel: "B", dolmetscher: wert),
            "plz" => Zeile(anbieter, titel: "B", plz: wert),
            "kommune" => Zeile(anbieter, titel: "B", kommune: wert),
            "gueltigVon" => Zeile(anbieter, titel: "B", gueltigVon: wert),
            _ => Zeile(anbieter, titel: "B", gueltigBis: wert),
        };
        var datei = Datei(Zeile(anbieter), schlecht);

        var (vorschauStatus, vorschau) = await SendeAsync(datei, probelauf: true);
        var (importStatus, problem) = await SendeAsync(datei, probelauf: false);

        Assert.Multiple(() =>
        {
            Assert.That(vorschauStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Fehler(vorschau, 2), Is.Empty, "the good row");
            Assert.That(Fehler(vorschau, 3), Has.Some.StartWith(erwartet));
            Assert.That(vorschau.GetProperty("importierbar").GetBoolean(), Is.False);
            Assert.That(vorschau.GetProperty("zusammenfassung").GetString(), Is.EqualTo("1 Zeile gültig, 1 fehlerhaft"));
            Assert.That(importStatus, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("Zeile 3")[0].GetString(), Does.StartWith(erwartet));
            Assert.That(AngeboteVon(anbieter), Is.Zero, "nothing of the file is written");
        });
    }

    [Test]
    public async Task AValidListIsImportedAsDraftsWithItsProviderCreatedOnce()
    {
        var anbieter = NeuerAnbieter();
        var datei = Datei(Zeile(anbieter), Zeile(anbieter, titel: "Zahnputzkurs", kategorie: "zahnprophylaxe", kosten: "5 Euro", alterVon: "Schwangerschaft", sprachen: "", dolmetscher: ""));

        var (status, ergebnis) = await SendeAsync(datei, probelauf: false);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), ergebnis.ToString());
        Assert.That((ergebnis.GetProperty("importiert").GetInt32(), ergebnis.GetProperty("neueAnbieter").GetInt32()), Is.EqualTo((2, 1)));
        using var db = ModuleDatabase();
        var angebote = db.Query<(string Status, string Kategorie, long Schwanger, long Von, long Bis, long Kostenlos, long Dolmetscher, string? GueltigBis)>("""
            SELECT a.status, f.kategorie, f.ab_schwangerschaft, f.alter_von_monate, f.alter_bis_monate, f.kostenlos, f.dolmetscher_auf_anfrage, f.gueltig_bis
            FROM angebote a JOIN anbieter n ON n.id = a.anbieter_id JOIN angebot_fassungen f ON f.angebot_id = a.id
            WHERE n.name = @anbieter ORDER BY f.kategorie
            """, new { anbieter }).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(angebote, Is.EqualTo(new[]
            {
                ("entwurf", "impfungen", 0L, 6L, 72L, 1L, 1L, (string?)"2027-12-31"),
                ("entwurf", "zahnprophylaxe", 1L, 0L, 72L, 0L, 0L, "2027-12-31"),
            }));
            Assert.That(Count("angebot_fassungen f JOIN angebote a ON a.id = f.angebot_id JOIN anbieter n ON n.id = a.anbieter_id", "n.name = @anbieter AND f.fassung = 'veroeffentlicht'", new { anbieter }),
                Is.Zero, "nothing is published by an import");
            Assert.That(Count("anbieter", "name = @anbieter", new { anbieter }), Is.EqualTo(1));
            Assert.That(Count("orte o JOIN anbieter n ON n.id = o.anbieter_id", "n.name = @anbieter", new { anbieter }), Is.EqualTo(1), "one place for both offers");
            Assert.That(db.Query<string>("""
                SELECT s.sprache FROM angebot_sprachen s JOIN angebote a ON a.id = s.angebot_id JOIN anbieter n ON n.id = a.anbieter_id
                WHERE n.name = @anbieter ORDER BY s.sprache
                """, new { anbieter }), Is.EqualTo(new[] { "ar", "tr" }));
            Assert.That(db.ExecuteScalar<string>("""
                SELECT t.text FROM angebot_texte t JOIN angebote a ON a.id = t.angebot_id JOIN anbieter n ON n.id = a.anbieter_id
                WHERE n.name = @anbieter AND t.feld = 'kosten'
                """, new { anbieter }), Is.EqualTo("5 Euro"));
        });
    }

    [Test]
    public async Task AnOfferTwiceInTheFileOrAlreadyRecordedIsNamedOnItsRows()
    {
        var anbieter = NeuerAnbieter();
        var (ersterImport, _) = await SendeAsync(Datei(Zeile(anbieter, titel: "Elterncafé")), probelauf: false);
        var (_, vorschau) = await SendeAsync(Datei(Zeile(anbieter), Zeile(anbieter.ToUpperInvariant(), titel: "impfsprechstunde"), Zeile(anbieter, titel: "Elterncafé")), probelauf: true);

        Assert.Multiple(() =>
        {
            Assert.That(ersterImport, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Fehler(vorschau, 2), Has.Some.EqualTo("Doppelt in der Datei: Dasselbe Angebot (Titel und Anbieter) steht auch in Zeile 3."));
            Assert.That(Fehler(vorschau, 3), Has.Some.EqualTo("Doppelt in der Datei: Dasselbe Angebot (Titel und Anbieter) steht auch in Zeile 2."));
            Assert.That(Fehler(vorschau, 4), Has.Some.StartWith("Titel: Dieses Angebot ist bei diesem Anbieter schon erfasst."));
        });
    }

    [Test]
    public async Task AGrantForOneProviderImportsOnlyItsOffers()
    {
        var eigener = NeuerAnbieter();
        var (angelegt, _) = await SendeAsync(Datei(Zeile(eigener, titel: "Erstes Angebot")), probelauf: false);
        using var db = ModuleDatabase();
        var eigenerId = db.ExecuteScalar<string>("SELECT id FROM anbieter WHERE name = @eigener", new { eigener })!;
        using var anbieterKonto = await ApiAsync("gesundheit-import-anbieter", TestGrant.For("gesundheit.verwalten"), TestGrant.InGroups("gesundheit.angebote", eigenerId));

        var (_, vorschau) = await SendeAsync(Datei(Zeile(eigener, titel: "Zweites Angebot"), Zeile(NeuerAnbieter())), probelauf: true, anbieterKonto);

        Assert.Multiple(() =>
        {
            Assert.That(angelegt, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Fehler(vorschau, 2), Is.Empty, "an offer of the user's own provider");
            Assert.That(Fehler(vorschau, 3), Has.Some.StartWith("Anbieter: "), "a new provider lies outside the grant");
        });
    }

    [TestCase("", TestName = "an empty file")]
    [TestCase("Titel;Anbieter;Farbe\r\nA;B;rot\r\n", TestName = "an unknown column")]
    [TestCase("Titel;Kategorie\r\nA;Impfungen\r\n", TestName = "a missing required column")]
    public async Task ABrokenFileIsA400OnTheFile(string inhalt)
    {
        var (status, problem) = await SendeAsync(Encoding.UTF8.GetBytes(inhalt), probelauf: true);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").GetProperty("datei")[0].GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task TheImportNeedsBothPermissions()
    {
        using var nurAngebote = await ApiAsync("gesundheit-nur-angebote", TestGrant.For("gesundheit.angebote"));
        using var nurVerwalten = await ApiAsync("gesundheit-nur-verwalten", TestGrant.For("gesundheit.verwalten"));
        using var anonym = Host.Anonymous();

        var ohneVerwalten = (await SendeAsync(Datei(Zeile(NeuerAnbieter())), probelauf: true, nurAngebote)).Status;
        var ohneAngebote = (await SendeAsync(Datei(Zeile(NeuerAnbieter())), probelauf: true, nurVerwalten)).Status;
        var ohneAnmeldung = (await SendeAsync(Datei(Zeile(NeuerAnbieter())), probelauf: true, anonym)).Status;

        Assert.That((ohneVerwalten, ohneAngebote, ohneAnmeldung), Is.EqualTo((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized)));
    }
}
