using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Import;

/// <summary>The import page as a browser uses it: multipart upload with the anti-forgery token, preview page, confirm, redirect with the count.</summary>
public sealed partial class ImportSeitenTests : LotsenFixture
{
    [Test]
    public async Task Upload_preview_confirm_and_redirect_with_the_count()
    {
        var nachname = "Seite" + Guid.NewGuid().ToString("N")[..8];
        var datei = ImportApiTests.Datei(ImportApiTests.LotsenKopf, ImportApiTests.Lotse(nachname + "A"), ImportApiTests.Lotse(nachname + "B", sprachen: "Tigrinya:gut"));

        using var hochgeladen = await HochladenAsync("lotsen", datei, "lotsen.csv");
        var vorschauPfad = Ziel(hochgeladen)!;
        var vorschau = await PageAsync(vorschauPfad);
        using var bestaetigt = await AbsendenAsync(vorschauPfad, "importieren");
        var ergebnisPfad = Ziel(bestaetigt);
        var ergebnis = ergebnisPfad is null ? "" : await PageAsync(ergebnisPfad);
        var danach = await PageAsync(vorschauPfad);

        Assert.Multiple(() =>
        {
            Assert.That(hochgeladen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(vorschauPfad, Does.Match("^/lotsen/import/[0-9a-f]{32}$"));
            Assert.That(vorschau, Does.Contain("2 Zeilen gültig, 0 fehlerhaft"));
            Assert.That(vorschau, Does.Contain("lotsen.csv"));
            Assert.That(vorschau, Does.Contain("Arabisch (Muttersprache), Persisch (Farsi) (gut)"));
            Assert.That(vorschau, Does.Contain("Tigrinya (gut)"));
            Assert.That(vorschau, Does.Contain("Erbach, Michelstadt"));
            Assert.That(vorschau, Does.Contain("Dienstag 09:00–12:00, Donnerstag 14:00–17:00"));
            Assert.That(vorschau, Does.Contain("2 Lotsen importieren"));
            Assert.That(bestaetigt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), vorschau);
            Assert.That(ergebnisPfad, Is.EqualTo("/lotsen/import?importiert=2&art=lotsen"));
            Assert.That(ergebnis, Does.Contain("role=\"status\">2 Lotsen importiert."));
            Assert.That(Count("lotsen", "nachname LIKE @n", new { n = nachname + "%" }), Is.EqualTo(2));
            Assert.That(danach, Does.Contain("Vorschau nicht gefunden"), "the upload is dropped after the import");
        });
    }

    [Test]
    public async Task A_file_with_bad_rows_shows_every_problem_and_offers_no_import()
    {
        var nachname = "Seitenfehler" + Guid.NewGuid().ToString("N")[..8];
        var datei = ImportApiTests.Datei(ImportApiTests.LotsenKopf,
            ImportApiTests.Lotse(nachname + "A"),
            ImportApiTests.Lotse(nachname + "B", wohnort: "Darmstadt", sprachen: "xx:gut"));
        using var hochgeladen = await HochladenAsync("lotsen", datei, "fehler.csv");
        var pfad = Ziel(hochgeladen)!;
        var vorschau = await PageAsync(pfad);
        var nurFehler = await PageAsync(pfad + "?nur=fehler");
        using var trotzdem = await AbsendenAsync(pfad, "importieren");

        Assert.Multiple(() =>
        {
            Assert.That(vorschau, Does.Contain("1 Zeile gültig, 1 fehlerhaft"));
            Assert.That(vorschau, Does.Contain("Wohnort: Keine Kommune im Odenwaldkreis: Darmstadt."));
            Assert.That(vorschau, Does.Contain("Sprachen: Unbekannter Sprachcode „xx“"));
            Assert.That(vorschau, Does.Not.Contain("importieren</button>"));
            Assert.That(nurFehler, Does.Not.Contain(nachname + "A"));
            Assert.That(nurFehler, Does.Contain(nachname + "B"));
            Assert.That(trotzdem.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect), "a posted confirm does not import a bad file");
            Assert.That(Count("lotsen", "nachname LIKE @n", new { n = nachname + "%" }), Is.Zero);
        });
    }

    [TestCase("", "Bitte eine CSV-Datei wählen.")]
    [TestCase("PK\u0003\u0004binär", "keine CSV-Textdatei")]
    [TestCase("Name;Notiz\r\n", "nur die Kopfzeile")]
    public async Task A_broken_file_shows_what_is_wrong_with_it(string inhalt, string erwartet)
    {
        using var hochgeladen = await HochladenAsync("traeger", Encoding.UTF8.GetBytes(inhalt), inhalt.Length == 0 ? "" : "kaputt.csv");
        var seite = await PageAsync(Ziel(hochgeladen)!);
        Assert.Multiple(() =>
        {
            Assert.That(hochgeladen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(seite, Does.Contain("Die Datei kann nicht importiert werden."));
            Assert.That(seite, Does.Contain(erwartet));
        });
    }

    [Test]
    public async Task A_file_too_large_is_named_on_the_page()
    {
        var gross = new byte[(2 * 1024 * 1024) + 10];
        Array.Fill(gross, (byte)'x');
        using var hochgeladen = await HochladenAsync("traeger", gross, "gross.csv");
        var seite = await PageAsync(Ziel(hochgeladen)!);
        Assert.That(seite, Does.Contain("Die Datei ist zu groß (2,0 MB); höchstens 2 MB"));
    }

    [Test]
    public async Task A_Traeger_entered_between_preview_and_confirm_is_named_and_nothing_is_imported()
    {
        var name = "Seitenrennen " + Guid.NewGuid().ToString("N")[..8];
        using var hochgeladen = await HochladenAsync("traeger", ImportApiTests.Datei(ImportApiTests.TraegerKopf, $"{name} Eins;;;;;", $"{name} Zwei;;;;;"), "traeger.csv");
        var pfad = Ziel(hochgeladen)!;
        Assert.That(await PageAsync(pfad), Does.Contain("2 Zeilen gültig, 0 fehlerhaft"));
        using (var anderer = await StaffApi.PostAsJsonAsync("/api/lotsen/traeger", new { name = $"{name} Zwei" }))
        {
            Assert.That(anderer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var bestaetigt = await AbsendenAsync(pfad, "importieren");
        var html = WebUtility.HtmlDecode(await bestaetigt.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(bestaetigt.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("Es wurde nichts importiert"));
            Assert.That(html, Does.Contain("1 Zeile gültig, 1 fehlerhaft"));
            Assert.That(html, Does.Contain("Ein Träger mit diesem Namen ist schon erfasst."));
            Assert.That(Count("traeger", "name = @n", new { n = $"{name} Eins" }), Is.Zero);
        });
    }

    [Test]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        using var form = Formular("traeger", ImportApiTests.Datei(ImportApiTests.TraegerKopf, "Ohne Token e. V.;;;;;"), "t.csv", token: null);
        using var response = await StaffBrowser.PostAsync("/lotsen/import/vorschau", form);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.Location, Is.Null);
        });
    }

    [Test]
    public async Task The_preview_of_one_user_is_not_found_for_another_or_an_unknown_id()
    {
        using var hochgeladen = await HochladenAsync("traeger", ImportApiTests.Datei(ImportApiTests.TraegerKopf, "Fremde Vorschau e. V.;;;;;"), "t.csv");
        var pfad = Ziel(hochgeladen)!;
        using var anderer = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var unbekannt = await PageAsync("/lotsen/import/00000000000000000000000000000000");
        var andereSitzung = WebUtility.HtmlDecode(await anderer.GetStringAsync(pfad));
        Assert.Multiple(() =>
        {
            Assert.That(unbekannt, Does.Contain("Vorschau nicht gefunden"));
            Assert.That(andereSitzung, Does.Contain("Fremde Vorschau"), "the same user in another session sees it");
        });
    }

    [Test]
    public async Task The_page_documents_the_columns_and_the_templates_download()
    {
        var seite = await PageAsync("/lotsen/import");
        using var vorlage = await StaffBrowser.GetAsync("/lotsen/import/vorlage-lotsen.csv");
        var bytes = await vorlage.Content.ReadAsByteArrayAsync();
        var traeger = await StaffBrowser.GetStringAsync("/lotsen/import/vorlage-traeger.csv");
        var start = await PageAsync("/lotsen");
        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("enctype=\"multipart/form-data\"").And.Contain("<label for=\"datei\">"));
            Assert.That(seite, Does.Contain("Einwilligung am").And.Contain("Vermittelt durch").And.Contain("Ansprechperson"));
            Assert.That(seite, Does.Contain("Höchst i. Odw. (06437009)"));
            Assert.That(vorlage.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()));
            Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Is.EqualTo(ImportApiTests.LotsenKopf + "\r\n"));
            Assert.That(traeger, Does.Contain(ImportApiTests.TraegerKopf));
            Assert.That(start, Does.Contain("href=\"/lotsen/import\""));
        });
    }

    [TestCase("/lotsen/import")]
    [TestCase("/lotsen/import/00000000000000000000000000000000")]
    [TestCase("/lotsen/import/vorlage-lotsen.csv")]
    public Task Pages_and_downloads_need_the_import_permission(string pfad) => PageForms.AssertRefusedAsync(Host, pfad);

    [Test]
    public async Task The_upload_needs_the_import_permission()
    {
        using var admin = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var form = Formular("traeger", ImportApiTests.Datei(ImportApiTests.TraegerKopf, "Admin-Upload e. V.;;;;;"), "t.csv", token: null);
        using var response = await admin.PostAsync("/lotsen/import/vorschau", form);
        Assert.That(response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/account/denied") == true, Is.True, response.StatusCode.ToString());
    }

    [TestCase("traeger", "lotsen.traeger", "lotsen", "Lotsen")]
    [TestCase("lotsen", "lotsen.bearbeiten", "traeger", "Träger-Kandidaten")]
    public async Task The_page_offers_only_the_kinds_the_user_may_import_and_refuses_an_upload_of_another(string erlaubt, string recht, string verboten, string verbotenText)
    {
        var name = "Verboten" + Guid.NewGuid().ToString("N")[..8];
        using var browser = await TestKonten.BrowserAsync(Host, AdminApi, "seite-" + erlaubt, TestKonten.Recht("lotsen.import"), TestKonten.Recht(recht));
        var seite = await PageForms.TextAsync(browser, "/lotsen/import");
        var datei = verboten == "lotsen"
            ? ImportApiTests.Datei(ImportApiTests.LotsenKopf, ImportApiTests.Lotse(name))
            : ImportApiTests.Datei(ImportApiTests.TraegerKopf, $"{name} e. V.;;;;;");
        using var hochgeladen = await HochladenAsync(verboten, datei, "verboten.csv", browser);
        var ziel = Ziel(hochgeladen);
        var meldung = ziel is null ? "" : await PageForms.TextAsync(browser, ziel);
        using var vorlageVerboten = await browser.GetAsync($"/lotsen/import/vorlage-{verboten}.csv");
        using var vorlageErlaubt = await browser.GetAsync($"/lotsen/import/vorlage-{erlaubt}.csv");
        using var erlaubtHochgeladen = await HochladenAsync(erlaubt, erlaubt == "lotsen"
            ? ImportApiTests.Datei(ImportApiTests.LotsenKopf, ImportApiTests.Lotse(name))
            : ImportApiTests.Datei(ImportApiTests.TraegerKopf, $"{name} e. V.;;;;;"), "erlaubt.csv", browser);

        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain($"name=\"art\" value=\"{erlaubt}\"").And.Not.Contain($"value=\"{verboten}\""), "only the permitted kind is offered");
            Assert.That(seite, Does.Contain($"{verbotenText} importieren darf nur"));
            Assert.That(seite, Does.Not.Contain($"Spalten für {verbotenText}"));
            Assert.That(seite.Contains("Status (Lotsen)", StringComparison.Ordinal), Is.EqualTo(erlaubt == "lotsen"), "the allowed values of the Lotsen columns only where Lotsen may be imported");
            Assert.That(ziel, Is.EqualTo($"/lotsen/import?fehler=berechtigung&art={verboten}"));
            Assert.That(meldung, Does.Contain($"Die Datei wurde nicht angenommen: Sie dürfen keine {verbotenText} importieren"));
            Assert.That(vorlageVerboten.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
            Assert.That(vorlageErlaubt.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Ziel(erlaubtHochgeladen), Does.Match("^/lotsen/import/[0-9a-f]{32}$"), "the permitted kind goes to its preview");
            Assert.That(Count("lotsen", "nachname = @name", new { name }) + Count("traeger", "name = @n", new { n = $"{name} e. V." }), Is.Zero);
        });
    }

    [Test]
    public async Task With_the_import_permission_alone_nothing_is_offered()
    {
        using var browser = await TestKonten.BrowserAsync(Host, AdminApi, "nur-import", TestKonten.Recht("lotsen.import"));
        var seite = await PageForms.TextAsync(browser, "/lotsen/import");
        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Not.Contain("action=\"/lotsen/import/vorschau\"").And.Not.Contain("Aufbau der Datei"));
            Assert.That(seite, Does.Contain("Lotsen importieren darf nur, wer Lotsen auch erfassen darf").And.Contain("Träger-Kandidaten importieren darf nur"));
        });
    }

    [Test]
    public async Task A_permission_taken_away_after_the_upload_removes_the_import_button_and_a_posted_confirm_is_refused()
    {
        var nachname = "Entzogen" + Guid.NewGuid().ToString("N")[..8];
        var konto = await TestAccounts.CreateAsync(AdminApi, "entzug", TestKonten.Recht("lotsen.import"), TestKonten.Recht("lotsen.bearbeiten"));
        using var browser = await Host.SignedInClientAsync(konto.UserName, TestAccounts.Password);
        using var hochgeladen = await HochladenAsync("lotsen", ImportApiTests.Datei(ImportApiTests.LotsenKopf, ImportApiTests.Lotse(nachname)), "lotsen.csv", browser);
        var pfad = Ziel(hochgeladen)!;
        var vorher = await PageForms.TextAsync(browser, pfad);

        await TestAccounts.RevokeAsync(AdminApi, konto, "lotsen.bearbeiten");
        var nachher = await PageForms.TextAsync(browser, pfad);
        using var trotzdem = await AbsendenAsync(pfad, "importieren", browser);

        Assert.Multiple(() =>
        {
            Assert.That(vorher, Does.Contain("1 Lotse importieren</button>"));
            Assert.That(nachher, Does.Not.Contain("importieren</button>").And.Contain("Lotsen importieren darf nur, wer Lotsen auch erfassen darf"));
            Assert.That(trotzdem.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the confirm form is not there any more: a posted one is refused");
            Assert.That(Count("lotsen", "nachname = @nachname", new { nachname }), Is.Zero);
        });
    }

    // --- helpers ---

    private static string? Ziel(HttpResponseMessage response) => PageForms.RedirectTarget(response);


    private async Task<HttpResponseMessage> HochladenAsync(string art, byte[] datei, string dateiname, HttpClient? browser = null)
    {
        browser ??= StaffBrowser;
        var token = PlatformHost.AntiforgeryToken(await browser.GetStringAsync("/lotsen/import"));
        using var form = Formular(art, datei, dateiname, token);
        return await browser.PostAsync("/lotsen/import/vorschau", form);
    }

    private static MultipartFormDataContent Formular(string art, byte[] datei, string dateiname, string? token)
    {
        var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        form.Add(new StringContent(art), "art");
        var inhalt = new ByteArrayContent(datei);
        inhalt.Headers.ContentType = new MediaTypeHeaderValue(dateiname.Length == 0 ? "application/octet-stream" : "text/csv");
        if (dateiname.Length == 0)
        {
            // What a browser sends when no file was chosen: an empty part with an empty file name.
            inhalt.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"datei\"", FileName = "\"\"" };
            form.Add(inhalt);
        }
        else
        {
            form.Add(inhalt, "datei", dateiname);
        }

        return form;
    }

    private async Task<HttpResponseMessage> AbsendenAsync(string pfad, string handler, HttpClient? browser = null)
    {
        browser ??= StaffBrowser;
        var seite = await browser.GetStringAsync(pfad);
        var token = TokenFeld().Match(seite) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : PlatformHost.AntiforgeryToken(await browser.GetStringAsync("/lotsen/import"));
        return await browser.PostAsync(pfad, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["_handler"] = handler }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenFeld();
}
