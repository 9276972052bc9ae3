using System.Net;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The offers' pages through real form posts: inline messages, nothing written on bad input, status changes only after confirmation.</summary>
public sealed class AngeboteSeitenTests : GesundheitFixture
{
    private const string Neu = "/gesundheit/verwaltung/angebote/neu";

    private string _anbieter = null!;

    [OneTimeSetUp]
    public async Task AnbieterAnlegenAsync() => _anbieter = await AnbieterAsync(StaffApi, "Familienzentrum Seitentest");

    private (string, string)[] Formular(string titel, string alterVon, string alterBis) =>
    [
        ("Input.AnbieterId", _anbieter), ("Input.Kategorie", "ernaehrung"), ("Input.Titel", titel), ("Input.Beschreibung", "Gemeinsam kochen und essen."),
        ("Input.Kostenlos", "true"), ("Input.AlterVonMonate", alterVon), ("Input.AlterBisMonate", alterBis), ("Input.Sprachen", "ar"), ("Input.Sprachen", "fa"),
        ("Input.Orte[0].Name", "Familienzentrum"), ("Input.Orte[0].Strasse", "Bahnhofstraße 3"), ("Input.Orte[0].Plz", "64720"),
        ("Input.Orte[0].Ort", "Michelstadt"), ("Input.Orte[0].KommuneAgs", Michelstadt), ("Input.Orte[0].Stufenlos", "true"),
        ("Input.Zeiten[0].Freq", "WEEKLY"), ("Input.Zeiten[0].Byday", "TH"), ("Input.Zeiten[0].Von", "15:00"), ("Input.Zeiten[0].Bis", "17:00"),
    ];

    [Test]
    public async Task A_reversed_age_range_is_shown_at_the_field_and_nothing_is_written()
    {
        var vorher = Count("angebote");

        using var response = await PageForms.SubmitAsync(StaffBrowser, Neu, "angebot", Formular("Kochen mit Kindern", "48", "12"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "id=\"alterBisMonate\""), Is.EqualTo(new[] { "Das Alter „bis“ (1 Jahr) liegt vor dem Alter „ab“ (4 Jahre)." }));
            Assert.That(html, Does.Contain("value=\"Kochen mit Kindern\""), "the form keeps what was entered");
            Assert.That(Count("angebote"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task An_offer_made_through_the_form_goes_to_review_only_after_confirmation()
    {
        using var angelegt = await PageForms.SubmitAsync(StaffBrowser, Neu, "angebot", Formular("Kochen mit Kindern", "36", "120"));
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await angelegt.Content.ReadAsStringAsync());
        var pfad = PageForms.RedirectTarget(angelegt)!.Split('?')[0];
        var detail = await PageAsync(pfad);

        using var ohneHaken = await PageForms.SubmitAsync(StaffBrowser, pfad, "einreichen");
        var ohneHakenHtml = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        using var eingereicht = await PageForms.SubmitAsync(StaffBrowser, pfad, "einreichen", ("EinreichenInput.Bestaetigt", "true"));
        var danach = await PageAsync(pfad);

        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain("ab 3 Jahre bis 10 Jahre"));
            Assert.That(detail, Does.Contain("Arabisch").And.Contain("Farsi"));
            Assert.That(detail, Does.Contain("Do 15:00–17:00 Uhr"));
            Assert.That(PageForms.MessagesAt(ohneHakenHtml, "id=\"einreichen-bestaetigt\""), Is.EqualTo(new[] { "Bitte bestätigen Sie, dass das Angebot vollständig ist." }));
            Assert.That(eingereicht.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(danach, Does.Contain("zur Prüfung"));
        });
    }

    [Test]
    public async Task The_pages_are_refused_without_a_Gesundheit_permission()
    {
        // One after the other: each check opens its own assertion scope, and NUnit's scopes must not interleave.
        await PageForms.AssertRefusedAsync(Host, "/gesundheit/verwaltung/angebote");
        await PageForms.AssertRefusedAsync(Host, Neu);
    }
}
