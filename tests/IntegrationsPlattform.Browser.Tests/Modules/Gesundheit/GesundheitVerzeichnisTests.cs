using IntegrationsPlattform.Modules.Gesundheit.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// A family on a 375 px phone, without an account, searches the public directory by a word, the language spoken and
/// the municipality, opens an offer and its notice to print — in German and in Arabic (right to left): every page fits
/// the screen and passes the accessibility check, populated.
/// </summary>
[TestFixture]
public sealed class GesundheitVerzeichnisTests : ModuleBrowserTest
{
    private string _angebot = null!;

    [OneTimeSetUp]
    public void Angebote()
    {
        var db = Host.ModuleDatabase("Gesundheit");
        var anbieter = Testangebote.Anbieter(db, "Impfteam des Gesundheitsamts (Browsertest)");
        _angebot = Testangebote.Anlegen(db, anbieter, new Testangebot("Impftag im Gesundheitsamt Erbach")
        {
            Sprachen = ["de", "ar", "fa"],
            Dolmetscher = true,
            Texte =
            [
                new Testtext("ar", "titel", "يوم التطعيم في مكتب الصحة"),
                new Testtext("ar", "beschreibung", "تطعيمات للأطفال حتى سن السادسة، مع إمكانية طلب مترجم."),
                new Testtext("de", "anmeldung", "Bitte vorher anrufen: 06062 70-0."),
            ],
        });
        Testangebote.Anlegen(db, anbieter, new Testangebot("Zahnputzkurs am Marktplatz") { Kategorie = "zahnprophylaxe", Sprachen = ["de", "tr"], KommuneAgs = Testangebote.Michelstadt });
        Testangebote.Anlegen(db, anbieter, new Testangebot("Impftag Babyschwimmen") { Kategorie = "bewegung", Kostenlos = false, Sprachen = ["de", "ar"], KommuneAgs = Testangebote.Michelstadt });
    }

    [TestCase("de", "ltr", "Impftag im Gesundheitsamt Erbach", TestName = "A family finds, opens and prints an offer on a phone in German")]
    [TestCase("ar", "rtl", "يوم التطعيم في مكتب الصحة", TestName = "A family finds, opens and prints an offer on a phone in Arabic, right to left")]
    public async Task AFamilyFindsOpensAndPrintsAnOffer(string sprache, string richtung, string titel)
    {
        await Page.SetViewportSizeAsync(375, 800);
        await Page.GotoAsync($"/gesundheit/angebote?lang={sprache}");
        await ExpectLanguageAsync(sprache, richtung);
        await Page.Locator("#suche").FillAsync("Impftag");
        await Page.Locator("#sprache").SelectOptionAsync("ar");
        await Page.Locator("#kommune").SelectOptionAsync(Testangebote.Erbach);
        await Page.Locator("form[role=search] button[type=submit]").ClickAsync();

        var treffer = Page.GetByRole(AriaRole.Link, new() { Name = titel, Exact = true });
        await Expect(treffer).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Impftag Babyschwimmen" })).ToHaveCountAsync(0);
        await SaveScreenshotAsync($"gesundheit-suche-{sprache}-375");
        await ExpectFitsAsync();
        await AssertNoSeriousViolationsAsync();

        await treffer.ClickAsync();
        await Expect(Heading(titel)).ToBeVisibleAsync();
        await Expect(Page.GetByText("06062 70-0")).ToBeVisibleAsync();
        await SaveScreenshotAsync($"gesundheit-angebot-{sprache}-375");
        await ExpectFitsAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.Locator($"a[href='/gesundheit/angebote/{_angebot}/druck']").ClickAsync();
        await Expect(Page.Locator("article.print-document")).ToHaveAttributeAsync("dir", richtung);
        await Expect(Page.Locator("figure.print-qr svg")).ToBeVisibleAsync();
        await ExpectLanguageAsync(sprache, richtung);
        await SaveScreenshotAsync($"gesundheit-aushang-{sprache}-375");
        await ExpectFitsAsync();
        await AssertNoSeriousViolationsAsync();
    }

    private async Task ExpectLanguageAsync(string lang, string dir)
    {
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", lang);
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", dir);
    }

    /// <summary>Nothing scrolls sideways on the phone, also when the page is mirrored right to left; names what sticks out.</summary>
    private async Task ExpectFitsAsync()
    {
        var heraus = await Page.EvaluateAsync<string[]>("""
            () => {
                const breite = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *:not(.skip-link)')]
                    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -0.5 || r.right > breite + 0.5); })
                    .map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().left)}–${Math.round(e.getBoundingClientRect().right)}`);
            }
            """);
        var ueberstand = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(ueberstand, Is.LessThanOrEqualTo(0), $"Die Seite lässt sich seitlich scrollen; aus dem Fenster ragen: {string.Join(", ", heraus)}");
    }
}
