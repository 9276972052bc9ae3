using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Verzeichnis;

/// <summary>
/// The public directory as families use it, without an account: search and filters, the offer page and the notice to
/// print, in their language (right to left for Arabic and Farsi), with every text that falls back to German marked.
/// </summary>
[TestFixture]
public sealed partial class VerzeichnisTests : GesundheitFixture
{
    private string _db = null!;
    private string _anbieter = null!;
    private string _impfen = null!;
    private string _zahn = null!;
    private string _kurs = null!;

    [OneTimeSetUp]
    public void Angebote()
    {
        _db = Host.ModuleDatabase("Gesundheit");
        _anbieter = Testangebote.Anbieter(_db, "Gesundheitsamt Verzeichnistest");
        var heute = Host.Clock.Today;
        _impfen = Anlegen(new Testangebot("Qvz Impfsprechstunde")
        {
            Sprachen = ["de", "ar", "tr"],
            Dolmetscher = true,
            AlterBisMonaten = 72,
            Texte = [new Testtext("ar", "titel", "Qvz ساعات التطعيم"), new Testtext("de", "anmeldung", "Anmeldung im Sekretariat, Telefon 06062 70-0")],
        });
        _zahn = Anlegen(new Testangebot("Qvz Zahnputzschule") { Kategorie = "zahnprophylaxe", KommuneAgs = Testangebote.Michelstadt, AlterVonMonaten = 36, AlterBisMonaten = 120, Sprachen = ["de", "uk"] });
        _kurs = Anlegen(new Testangebot("Qvz Babyschwimmen") { Kategorie = "bewegung", Kostenlos = false, Stufenlos = false, AlterBisMonaten = 18, Texte = [new Testtext("de", "kosten", "60 Euro für 8 Termine")] });
        Anlegen(new Testangebot("Qvz Entwurf") { Status = "entwurf" });
        Anlegen(new Testangebot("Qvz Archiviert") { Status = "archiviert" });
        Anlegen(new Testangebot("Qvz Abgelaufen") { GueltigBis = Tag(heute.AddDays(-1)) });
        Anlegen(new Testangebot("Qvz Künftig") { GueltigVon = Tag(heute.AddDays(1)) });
        Anlegen(new Testangebot("Qvz Heute gültig") { GueltigVon = Tag(heute), GueltigBis = Tag(heute) });
    }

    private string Anlegen(Testangebot angebot) => Testangebote.Anlegen(_db, _anbieter, angebot);

    private static string Tag(DateOnly tag) => tag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TestCase("", new[] { "Qvz Babyschwimmen", "Qvz Heute gültig", "Qvz Impfsprechstunde", "Qvz Zahnputzschule" })]
    [TestCase("&sprache=uk", new[] { "Qvz Zahnputzschule" })]
    [TestCase("&sprache=tr", new[] { "Qvz Impfsprechstunde" })]
    [TestCase("&alter=4", new[] { "Qvz Heute gültig", "Qvz Impfsprechstunde", "Qvz Zahnputzschule" })]
    [TestCase("&alter=0", new[] { "Qvz Babyschwimmen", "Qvz Heute gültig", "Qvz Impfsprechstunde" })]
    [TestCase("&alter=9", new[] { "Qvz Zahnputzschule" })]
    [TestCase("&kommune=06437011", new[] { "Qvz Zahnputzschule" })]
    [TestCase("&kategorie=bewegung", new[] { "Qvz Babyschwimmen" })]
    [TestCase("&kostenlos=true", new[] { "Qvz Heute gültig", "Qvz Impfsprechstunde", "Qvz Zahnputzschule" })]
    [TestCase("&sprache=ar&alter=5&kommune=06437006", new[] { "Qvz Impfsprechstunde" })]
    [TestCase("+baby", new[] { "Qvz Babyschwimmen" })]
    public async Task TheSearchFindsPublishedOffersValidTodayByItsFilters(string filter, string[] titel)
    {
        var html = await SeiteAsync("/gesundheit/angebote?suche=Qvz" + filter);
        Assert.That(Treffer(html), Is.EqualTo(titel));
    }

    [Test]
    public async Task TheSearchPagesItsHits()
    {
        for (var i = 0; i < 21; i++)
        {
            Anlegen(new Testangebot($"Qpg Kurs {i:00}"));
        }

        var erste = await SeiteAsync("/gesundheit/angebote?suche=Qpg");
        var zweite = await SeiteAsync("/gesundheit/angebote?suche=Qpg&seite=2");
        Assert.Multiple(() =>
        {
            Assert.That(Treffer(erste), Has.Count.EqualTo(20).And.Contains("Qpg Kurs 00"));
            Assert.That(erste, Does.Contain("Gefundene Angebote: 21").And.Contain("Seite 1 von 2").And.Contain("href=\"/gesundheit/angebote?suche=Qpg&seite=2\""));
            Assert.That(Treffer(zweite), Is.EqualTo(new[] { "Qpg Kurs 20" }));
        });
    }

    [TestCase("?alter=99")]
    [TestCase("?alter=-1")]
    [TestCase("?kommune=12345678")]
    [TestCase("?sprache=klingonisch")]
    [TestCase("?kategorie=%3Cscript%3E")]
    [TestCase("?seite=abc")]
    [TestCase("?seite=99999999999")]
    [TestCase("?kostenlos=vielleicht")]
    [TestCase("?suche=%25%25%25_")]
    public async Task BadFilterValuesGiveAMessageNeverAnError(string query)
    {
        using var client = Host.Anonymous();
        using var antwort = await client.GetAsync("/gesundheit/angebote" + query + "&lang=en");
        var html = WebUtility.HtmlDecode(await antwort.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("The search contains an invalid value.").Or.Contain("No services found."));
            Assert.That(html, Does.Not.Contain("<script>"));
        });
    }

    [Test]
    public async Task TheOfferPageShowsEverythingAFamilyNeedsMarkingGermanFallbacksInArabic()
    {
        var html = await SeiteAsync($"/gesundheit/angebote/{_impfen}?lang=ar");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"ar\" dir=\"rtl\">"));
            Assert.That(html, Does.Contain("<h1>Qvz ساعات التطعيم</h1>"), "a translated title needs no mark");
            Assert.That(html, Does.Contain("<div lang=\"de\" dir=\"ltr\"><p>Worum es bei „Qvz Impfsprechstunde“ geht.</p></div>"), "the untranslated description falls back to German, marked");
            Assert.That(html, Does.Contain("<div lang=\"de\" dir=\"ltr\"><p>Anmeldung im Sekretariat, Telefon 06062 70-0</p></div>"));
            Assert.That(html, Does.Contain("Gesundheitsamt, Michelstädter Straße 12, 64711 Erbach").And.Contain("مدخل بدون درج"), "the place, step-free");
            Assert.That(html, Does.Contain("09:00–12:00"), "the opening time");
            Assert.That(html, Does.Contain("<span lang=\"tr\" dir=\"ltr\">Türkçe</span>").And.Contain("مترجم عند الطلب"), "languages and interpreter");
            Assert.That(html, Does.Contain("مجاني"), "free of charge");
            Assert.That(html, Does.Contain($"href=\"/gesundheit/angebote/{_impfen}/druck\""));
            Assert.That(html, Does.Not.Contain("<span lang=\"de\" dir=\"ltr\">Wo</span>"), "the page's own texts are translated");
        });
    }

    [Test]
    public async Task TheOfferPageShowsTheCostOfAnOfferThatIsNotFree()
    {
        var html = await SeiteAsync($"/gesundheit/angebote/{_kurs}?lang=de");
        Assert.That(html, Does.Contain("<h2>Kosten</h2><div><p>60 Euro für 8 Termine</p></div>").And.Contain("Zugang nicht stufenlos"));
    }

    [Test]
    public async Task OnlyThePublishedVersionOfAnOfferValidTodayIsPublic()
    {
        Testangebote.DeutschGeaendert(_db, _zahn, "titel", "Qvz Zahnputzschule (neu, noch nicht geprüft)");
        var entwurf = Testangebote.Anlegen(_db, _anbieter, new Testangebot("Qvz Entwurf zwei") { Status = "entwurf" });
        var seite = await SeiteAsync($"/gesundheit/angebote/{_zahn}");
        var nicht = await SeiteAsync($"/gesundheit/angebote/{entwurf}");
        var unbekannt = await SeiteAsync($"/gesundheit/angebote/{Guid.NewGuid()}/druck?lang=fa");
        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("<h1>Qvz Zahnputzschule</h1>"));
            Assert.That(nicht, Does.Contain("Angebot nicht gefunden"));
            Assert.That(unbekannt, Does.Contain("خدمت یافت نشد"));
        });
    }

    [Test]
    public async Task ThePrintPageIsInTheChosenLanguageRightToLeftWithAQrCodeToTheOfferPage()
    {
        var html = await SeiteAsync($"/gesundheit/angebote/{_impfen}/druck?lang=fa");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"fa\" dir=\"rtl\">"));
            Assert.That(html, Does.Contain("<article class=\"print-document\" lang=\"fa\" dir=\"rtl\">"));
            Assert.That(html, Does.Contain("<h1 lang=\"de\" dir=\"ltr\">Qvz Impfsprechstunde</h1>"), "no Farsi title: German, marked");
            Assert.That(html, Does.Contain("<h2>چه زمانی</h2>"));
            Assert.That(html, Does.Contain("<p lang=\"de\" dir=\"ltr\">Anmeldung im Sekretariat, Telefon 06062 70-0</p>"));
            Assert.That(html, Does.Contain($"/gesundheit/angebote/{_impfen}?lang=fa</span>").And.Contain("aria-label=\"QR-Code: این خدمت را آنلاین ببینید:\""));
            Assert.That(html, Does.Contain("class=\"print-actions\""));
        });
    }

    [TestCase("en", "ltr", "Health services for children")]
    [TestCase("ar", "rtl", "خدمات صحية للأطفال")]
    [TestCase("tr", "ltr", "Çocuklar için sağlık hizmetleri")]
    [TestCase("uk", "ltr", "Послуги з охорони здоров'я для дітей")]
    [TestCase("ru", "ltr", "Услуги здравоохранения для детей")]
    [TestCase("fa", "rtl", "خدمات بهداشتی برای کودکان")]
    [TestCase("xx", "ltr", "Gesundheitsangebote für Kinder")]
    public async Task TheSearchPageSpeaksEveryPublicLanguageCompletely(string sprache, string richtung, string titel)
    {
        var html = await SeiteAsync("/gesundheit/angebote?suche=Qvz&lang=" + sprache);
        var seitensprache = sprache == "xx" ? "de" : sprache;
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"<html lang=\"{seitensprache}\" dir=\"{richtung}\">"));
            Assert.That(html, Does.Contain($"<h1>{titel}</h1>"));
            Assert.That(Regex.Matches(html, "<span lang=\"de\" dir=\"ltr\">[^<]*</span>").Select(m => m.Value).Where(s => !s.Contains("Qvz", StringComparison.Ordinal) && !s.Contains(">Deutsch<", StringComparison.Ordinal)), Is.Empty,
                "every own text of the page is translated (only offer texts fall back to German; German spoken on site is named in German)");
        });
    }

    /// <summary>The whole search page a phone loads — HTML with a full page of offers, the stylesheet, images — is small, and all of it comes from the platform itself.</summary>
    [Test]
    public async Task TheSearchPageWithEverythingItLoadsStaysUnder100KilobytesAndLoadsNothingFromOutside()
    {
        using var client = Host.Anonymous();
        var seite = await client.GetByteArrayAsync("/gesundheit/angebote?lang=ar");
        var html = System.Text.Encoding.UTF8.GetString(seite);
        var geladen = Geladen().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).Distinct().ToList();
        long summe = seite.Length;
        foreach (var adresse in geladen)
        {
            summe += (await client.GetByteArrayAsync(adresse)).Length;
        }

        Assert.Multiple(() =>
        {
            Assert.That(Regex.Count(html, "<h2><a href=\"/gesundheit/angebote/"), Is.EqualTo(20), "a full page of the demo data's offers");
            Assert.That(geladen, Is.Not.Empty.And.All.StartsWith("/"), "stylesheet and icons from the platform's own origin");
            Assert.That(html, Does.Not.Contain("<script"), "no script, no tracking");
            Assert.That(summe, Is.LessThan(100 * 1024), $"{summe} Bytes: {string.Join(", ", geladen)}");
        });
    }

    private async Task<string> SeiteAsync(string pfad)
    {
        using var client = Host.Anonymous();
        return await PageForms.TextAsync(client, pfad);
    }

    private static List<string> Treffer(string html) => Titel().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("<h2><a href=\"/gesundheit/angebote/[0-9a-f-]+\">([^<]+)</a></h2>")]
    private static partial Regex Titel();

    /// <summary>What a browser loads on its own: stylesheets, icons, images, scripts.</summary>
    [GeneratedRegex("<(?:link|img|script)\\b[^>]*\\b(href|src)=\"([^\"]+)\"")]
    private static partial Regex Geladen();
}
