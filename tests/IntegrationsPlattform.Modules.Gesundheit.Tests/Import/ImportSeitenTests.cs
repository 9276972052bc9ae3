using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Import;

/// <summary>The import page as a browser uses it: multipart upload with the anti-forgery token, the preview page, confirm, redirect with the counts.</summary>
[TestFixture]
public sealed class ImportSeitenTests : ModuleFixture
{
    private const string Kopf = "Titel;Anbieter;Kategorie;Straße;PLZ;Ort;Kommune";

    private HttpClient browser = null!;

    protected override string ModuleId => "Gesundheit";

    [OneTimeSetUp]
    public async Task SignInAsync()
        => browser = await BrowserAsync("gesundheit-import-seite", TestGrant.For("gesundheit.verwalten"), TestGrant.For("gesundheit.angebote"));

    [OneTimeTearDown]
    public void DisposeClient() => browser.Dispose();

    [Test]
    public async Task UploadPreviewConfirmAndRedirectWithTheCounts()
    {
        var anbieter = "Seite " + Guid.NewGuid().ToString("N")[..8];
        using var hochgeladen = await HochladenAsync($"{Kopf}\r\nElterncafé;{anbieter};Frühe Hilfen;Marktplatz 3;64711;Erbach;Erbach\r\n");
        var vorschauPfad = hochgeladen.Headers.Location?.OriginalString ?? "";
        var vorschau = await PageForms.TextAsync(browser, vorschauPfad);
        using var bestaetigt = await PageForms.SubmitAsync(browser, vorschauPfad, "importieren");
        var ergebnisPfad = PageForms.RedirectTarget(bestaetigt) ?? "";
        var ergebnis = ergebnisPfad.Length == 0 ? "" : await PageForms.TextAsync(browser, ergebnisPfad);

        Assert.Multiple(() =>
        {
            Assert.That(vorschauPfad, Does.Match("^/gesundheit/import/[0-9a-f]{32}$"));
            Assert.That(vorschau, Does.Contain("1 Zeile gültig, 0 fehlerhaft"));
            Assert.That(vorschau, Does.Contain($"{anbieter} (neu)"));
            Assert.That(vorschau, Does.Contain("1 Angebot importieren"));
            Assert.That(ergebnisPfad, Is.EqualTo("/gesundheit/import?importiert=1&neue_anbieter=1"));
            Assert.That(ergebnis, Does.Contain("1 Angebot als Entwurf importiert, 1 Anbieter neu angelegt."));
            Assert.That(Count("angebote a JOIN anbieter n ON n.id = a.anbieter_id", "n.name = @anbieter AND a.status = 'entwurf'", new { anbieter }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task AFileWithBadRowsShowsEveryProblemAndOffersNoImport()
    {
        var anbieter = "Seite " + Guid.NewGuid().ToString("N")[..8];
        using var hochgeladen = await HochladenAsync($"{Kopf}\r\n;{anbieter};Astrologie;Marktplatz 3;647;Erbach;Darmstadt\r\n");
        var vorschau = await PageForms.TextAsync(browser, hochgeladen.Headers.Location!.OriginalString);

        Assert.Multiple(() =>
        {
            Assert.That(vorschau, Does.Contain("0 Zeilen gültig, 1 fehlerhaft"));
            Assert.That(vorschau, Does.Contain("Titel: Bitte den Titel angeben."));
            Assert.That(vorschau, Does.Contain("Kategorie: Unbekannte Kategorie „Astrologie“."));
            Assert.That(vorschau, Does.Contain("PLZ: Die Postleitzahl hat fünf Ziffern."));
            Assert.That(vorschau, Does.Contain("Kommune: Keine Kommune im Odenwaldkreis: Darmstadt."));
            Assert.That(vorschau, Does.Not.Contain("importieren</button>"));
        });
    }

    [TestCase("/gesundheit/import")]
    [TestCase("/gesundheit/import/00000000000000000000000000000000")]
    [TestCase("/gesundheit/import/vorlage-angebote.csv")]
    public Task PagesAndTemplateNeedTheImportPermissions(string pfad) => PageForms.AssertRefusedAsync(Host, pfad);

    private async Task<HttpResponseMessage> HochladenAsync(string inhalt)
    {
        var token = PlatformHost.AntiforgeryToken(await browser.GetStringAsync("/gesundheit/import"));
        var datei = new ByteArrayContent(Encoding.UTF8.GetBytes(inhalt));
        datei.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { datei, "datei", "angebote.csv" } };
        var response = await browser.PostAsync("/gesundheit/import/vorschau", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        return response;
    }
}
