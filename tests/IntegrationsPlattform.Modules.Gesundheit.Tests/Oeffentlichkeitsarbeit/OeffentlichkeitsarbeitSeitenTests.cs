using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit.Kampagnendaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit;

/// <summary>The outreach pages through real form posts: inline messages with nothing written, a campaign's status change only after confirmation, the figures page and its CSV.</summary>
public sealed class OeffentlichkeitsarbeitSeitenTests : GesundheitFixture
{
    private const string NeueKampagne = "/gesundheit/verwaltung/kampagnen/neu";
    private const string NeueAusgabe = "/gesundheit/verwaltung/materialausgaben/neu";

    [Test]
    public async Task A_campaign_without_municipality_is_shown_at_the_field_and_nothing_is_written()
    {
        var vorher = Count("kampagnen");

        using var response = await PageForms.SubmitAsync(StaffBrowser, NeueKampagne, "kampagne", ("Input.Titel", "Ohne Kommune"), ("Input.Beginn", Tag(Clock.Today)));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "<legend>Kommunen</legend>"), Is.EqualTo(new[] { "Bitte mindestens eine Kommune wählen." }));
            Assert.That(Count("kampagnen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_campaign_planned_in_the_form_takes_a_hand_out_and_changes_status_only_after_confirmation()
    {
        using var angelegt = await PageForms.SubmitAsync(StaffBrowser, NeueKampagne, "kampagne",
            ("Input.Titel", "Seitenkampagne Sprachförderung"), ("Input.Beginn", Tag(Clock.Today)), ("Input.Kommunen", Erbach), ("Input.Kommunen", Oberzent));
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await angelegt.Content.ReadAsStringAsync());
        var pfad = PageForms.RedirectTarget(angelegt)!.Split('?')[0];
        var id = pfad.Split('/')[^1];

        using var ohneAnzahl = await PageForms.SubmitAsync(StaffBrowser, $"{NeueAusgabe}?kampagne={id}", "ausgabe",
            ("Input.Material", "Elternbrief"), ("Input.Sprachen", "ar"), ("Input.EinrichtungArt", "kita"), ("Input.Einrichtung", "Kita Arche"),
            ("Input.KommuneAgs", Oberzent), ("Input.Datum", Tag(Clock.Today)), ("Input.KampagneId", id));
        var ohneAnzahlHtml = WebUtility.HtmlDecode(await ohneAnzahl.Content.ReadAsStringAsync());
        var nachFehler = Count("materialausgaben", "kampagne_id = @id", new { id });
        using var ausgabe = await PageForms.SubmitAsync(StaffBrowser, $"{NeueAusgabe}?kampagne={id}", "ausgabe",
            ("Input.Material", "Elternbrief"), ("Input.Sprachen", "ar"), ("Input.WeitereSprache", "ti"), ("Input.EinrichtungArt", "kita"), ("Input.Einrichtung", "Kita Arche"),
            ("Input.KommuneAgs", Oberzent), ("Input.Anzahl", "120"), ("Input.Datum", Tag(Clock.Today)), ("Input.KampagneId", id));
        Assert.That(ausgabe.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await ausgabe.Content.ReadAsStringAsync());
        var mitAusgabe = await PageAsync(PageForms.RedirectTarget(ausgabe)!);

        using var ohneHaken = await PageForms.SubmitAsync(StaffBrowser, pfad, "status", ("StatusInput.Status", "laufend"));
        var ohneHakenHtml = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        using var laufend = await PageForms.SubmitAsync(StaffBrowser, pfad, "status", ("StatusInput.Status", "laufend"), ("StatusInput.Bestaetigt", "true"));
        Assert.That(laufend.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await laufend.Content.ReadAsStringAsync());
        var danach = await PageAsync(PageForms.RedirectTarget(laufend)!);

        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(ohneAnzahlHtml, "id=\"anzahl\""), Is.EqualTo(new[] { "Bitte die Anzahl angeben." }));
            Assert.That(nachFehler, Is.Zero);
            Assert.That(mitAusgabe, Does.Contain("Die Materialausgabe wurde erfasst.").And.Contain("Kita: Kita Arche").And.Contain("Arabisch, Tigrinya").And.Contain("120 Stück in 1 Ausgabe."));
            Assert.That(PageForms.MessagesAt(ohneHakenHtml, "id=\"status-bestaetigt\""), Is.EqualTo(new[] { "Bitte bestätigen Sie den Statuswechsel." }));
            Assert.That(danach, Does.Contain("Der Status der Kampagne wurde geändert.").And.Contain(">läuft<"));
        });
    }

    [Test]
    public async Task The_lists_and_the_figures_page_show_the_hand_outs_and_the_csv_downloads_with_the_page_cookie()
    {
        var tag = new DateOnly(2004, 2, 2);
        await AusgabeAsync(StaffApi, Ausgabe(tag, Michelstadt));

        var liste = await PageAsync($"/gesundheit/verwaltung/materialausgaben?kommune={Michelstadt}&von={Tag(tag)}&bis={Tag(tag)}");
        var zahlen = await PageAsync($"/gesundheit/verwaltung/materialausgaben/zahlen?von={Tag(tag)}&bis={Tag(tag)}");
        var falsch = await PageAsync("/gesundheit/verwaltung/materialausgaben/zahlen?von=gestern");
        using var csv = await StaffBrowser.GetAsync($"/gesundheit/verwaltung/materialausgaben/zahlen.csv?von={Tag(tag)}&bis={Tag(tag)}");
        var kampagnen = await PageAsync("/gesundheit/verwaltung/kampagnen");

        Assert.Multiple(async () =>
        {
            Assert.That(liste, Does.Contain("1 Materialausgaben").And.Contain("Flyer U-Untersuchungen").And.Contain("Arabisch, Türkisch"));
            Assert.That(zahlen, Does.Contain("Ausgegebene Stück je Kommune").And.Contain("<svg").And.Contain("Stück je Kommune und Sprache"));
            Assert.That(falsch, Does.Contain("Der Zeitraum ist ungültig: Bitte ein gültiges Datum angeben (JJJJ-MM-TT)."));
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await csv.Content.ReadAsStringAsync(), Does.Contain($"Michelstadt;{Michelstadt};1;40"));
            Assert.That(kampagnen, Does.Contain("Kampagnen, späteste zuerst"), "the demo campaigns are listed");
        });
    }

    [TestCase("/gesundheit/verwaltung/kampagnen")]
    [TestCase("/gesundheit/verwaltung/materialausgaben/neu")]
    [TestCase("/gesundheit/verwaltung/materialausgaben/zahlen")]
    [TestCase("/gesundheit/verwaltung/materialausgaben/zahlen.csv")]
    public Task A_user_without_the_permission_and_a_visitor_are_refused(string pfad) => PageForms.AssertRefusedAsync(Host, pfad);
}
