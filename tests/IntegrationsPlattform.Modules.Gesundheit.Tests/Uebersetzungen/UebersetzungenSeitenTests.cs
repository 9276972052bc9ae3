using System.Net;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Uebersetzungen;

/// <summary>Staff translate an offer on its translations page and find what is left in the overview, through real form posts.</summary>
[TestFixture]
public sealed class UebersetzungenSeitenTests : GesundheitFixture
{
    private string _angebot = null!;

    [OneTimeSetUp]
    public void Angebot()
    {
        var anbieter = Testangebote.Anbieter(Host.ModuleDatabase("Gesundheit"), "Kinderarztpraxis Seitentest");
        _angebot = Testangebote.Anlegen(Host.ModuleDatabase("Gesundheit"), anbieter, new Testangebot("Seitentest Impftag")
        {
            Texte = [new Testtext("uk", "titel", "День щеплень"), new Testtext("ru", "titel", "День прививок")],
        });
        Testangebote.DeutschGeaendert(Host.ModuleDatabase("Gesundheit"), _angebot, "titel", "Seitentest Impftag im Rathaus");
    }

    [Test]
    public async Task StaffTranslateAnOfferThroughTheFormAndSeeItCurrent()
    {
        var pfad = $"/gesundheit/verwaltung/angebote/{_angebot}/uebersetzungen?sprache=fa";
        var formular = await PageAsync(pfad);
        Assert.That(formular, Does.Contain("Deutsch: Seitentest Impftag im Rathaus").And.Contain("lang=\"fa\" dir=\"rtl\""), "the German text beside a right-to-left input");

        using var gespeichert = await PageForms.SubmitAsync(StaffBrowser, pfad, "uebersetzung", ("Input.Titel", "روز واکسیناسیون"), ("Input.Beschreibung", "<b>برای کودکان</b>"));
        Assert.That(gespeichert.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await gespeichert.Content.ReadAsStringAsync());
        var ansicht = await PageAsync(PageForms.RedirectTarget(gespeichert)!);
        var roh = await StaffBrowser.GetStringAsync($"/gesundheit/verwaltung/angebote/{_angebot}/uebersetzungen");
        Assert.Multiple(() =>
        {
            Assert.That(ansicht, Does.Contain("Übersetzung auf Persisch (Farsi) gespeichert."));
            Assert.That(ansicht, Does.Contain("<span lang=\"fa\" dir=\"rtl\">روز واکسیناسیون</span>"));
            Assert.That(roh, Does.Contain("&lt;b&gt;").And.Not.Contain("<b>"), "markup in a text is shown as text");
            Assert.That(ansicht, Does.Contain("Persisch (Farsi) <span class=\"small muted\">vollständig</span>"));
            Assert.That(ansicht, Does.Contain("Ukrainisch <span class=\"small muted\">1 fehlend, 1 veraltet</span>"));
        });
    }

    [Test]
    public async Task ATooLongTitleIsShownAtItsFieldAndNothingIsSaved()
    {
        var pfad = $"/gesundheit/verwaltung/angebote/{_angebot}/uebersetzungen?sprache=tr";
        using var antwort = await PageForms.SubmitAsync(StaffBrowser, pfad, "uebersetzung", ("Input.Titel", new string('ş', 201)));
        var html = WebUtility.HtmlDecode(await antwort.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "id=\"titel\""), Is.EqualTo(new[] { "Höchstens 200 Zeichen erlaubt (201 eingegeben)." }));
            Assert.That(Count("angebot_texte", "angebot_id = @id AND sprache = 'tr'", new { id = _angebot }), Is.Zero);
        });
    }

    [Test]
    public async Task TheOverviewListsOutdatedTranslationsWithALinkToTheirFormAndTheOffersLeadThere()
    {
        var start = await PageAsync("/gesundheit");
        var angebot = await PageAsync($"/gesundheit/verwaltung/angebote/{_angebot}");
        var html = await PageAsync("/gesundheit/verwaltung/uebersetzungen?sprache=ru&stand=veraltet");
        var falsch = await PageAsync("/gesundheit/verwaltung/uebersetzungen?sprache=zz&stand=alt");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"href=\"/gesundheit/verwaltung/angebote/{_angebot}/uebersetzungen?sprache=ru#formular\">Seitentest Impftag im Rathaus</a>"));
            Assert.That(falsch, Does.Contain("Der Filter ist ungültig").And.Contain("Unbekannter Sprachcode „zz“"));
            Assert.That(start, Does.Contain("href=\"/gesundheit/verwaltung/uebersetzungen\"").And.Contain("href=\"/gesundheit/angebote\""), "the start page leads to both");
            Assert.That(angebot, Does.Contain($"href=\"/gesundheit/verwaltung/angebote/{_angebot}/uebersetzungen\""), "the offer's page leads to its translations");
        });
    }

    [Test]
    public async Task AnOfferOutsideTheUsersScopeIsNotFoundAndThePagesNeedThePermission()
    {
        var fremd = await PageAsync($"/gesundheit/verwaltung/angebote/{Guid.NewGuid()}/uebersetzungen");
        Assert.That(fremd, Does.Contain("Angebot nicht gefunden"));
        await PageForms.AssertRefusedAsync(Host, "/gesundheit/verwaltung/uebersetzungen");
        await PageForms.AssertRefusedAsync(Host, $"/gesundheit/verwaltung/angebote/{_angebot}/uebersetzungen");
    }
}
