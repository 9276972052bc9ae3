using System.Net;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Kurse;

/// <summary>The catalogue pages through HTTP as a browser uses them: cookie session, anti-forgery token, form posts.</summary>
public sealed class KurseSeitenTests : SchulungenFixture
{
    [Test]
    public async Task Creates_a_course_through_the_form_and_shows_it_in_the_catalogue()
    {
        using var response = await SubmitAsync("/schulungen/kurse/neu", "kurs",
            ("Input.Titel", "Umgang mit Rassismus im Schulalltag"), ("Input.Beschreibung", "Situationen erkennen.\nHandeln üben."),
            ("Input.Lernziele", "Rassismus benennen\nBetroffene stärken"), ("Input.Zielgruppe", "Schulsozialarbeit"), ("Input.Format", "online"),
            ("Input.Unterrichtseinheiten", "4"), ("Input.Stunden", "3"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var ziel = PageForms.RedirectTarget(response)!;
        var detail = await PageAsync(ziel);
        var liste = await PageAsync("/schulungen/kurse?suche=Rassismus");

        Assert.Multiple(() =>
        {
            Assert.That(ziel, Does.Match("^/schulungen/kurse/[0-9a-f-]{36}\\?gespeichert=angelegt$"));
            Assert.That(detail, Does.Contain("<h1>Umgang mit Rassismus im Schulalltag</h1>"));
            Assert.That(detail, Does.Contain("Der Kurs wurde als Entwurf angelegt."));
            Assert.That(detail, Does.Contain("<li>Betroffene stärken</li>"), "one learning goal per line");
            Assert.That(detail, Does.Contain("4 UE, 3 Std."));
            Assert.That(liste, Does.Contain("Umgang mit Rassismus im Schulalltag").And.Contain("Entwurf"));
        });
    }

    [Test]
    public async Task Missing_fields_are_shown_inline_and_nothing_is_written()
    {
        var vorher = Count("kurse");
        using var response = await SubmitAsync("/schulungen/kurse/neu", "kurs", ("Input.Titel", "Nur ein Titel"), ("Input.Stunden", "1.3"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "id=\"lernziele\""), Does.Contain("Bitte die Lernziele angeben."));
            Assert.That(PageForms.MessagesAt(html, "id=\"stunden\""), Has.Some.Contains("in Viertelstunden"));
            Assert.That(html, Does.Contain("Bitte das Format wählen"));
            Assert.That(html, Does.Contain("value=\"Nur ein Titel\""), "the input is kept");
            Assert.That(Count("kurse"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_status_change_needs_the_confirmation_and_follows_the_lifecycle()
    {
        var id = await SchulungenApi.KursAsync(StaffApi, "Seitenkurs Status");
        var pfad = $"/schulungen/kurse/{id}";

        using var ohneHaken = await SubmitAsync(pfad, "status", ("StatusInput.Nach", "veroeffentlicht"));
        var ohneHakenHtml = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        var nochEntwurf = Count("kurse", "id = @id AND status = 'entwurf'", new { id });
        using var mitHaken = await SubmitAsync(pfad, "status", ("StatusInput.Nach", "veroeffentlicht"), ("StatusInput.Bestaetigt", "true"));
        var danach = await PageAsync(PageForms.RedirectTarget(mitHaken)!);

        Assert.Multiple(() =>
        {
            Assert.That(ohneHakenHtml, Does.Contain("Bitte bestätigen Sie die Statusänderung."));
            Assert.That(nochEntwurf, Is.EqualTo(1));
            Assert.That(mitHaken.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(danach, Does.Contain("Der Status wurde geändert.").And.Contain("veröffentlicht"));
            Assert.That(Count("kurse", "id = @id AND status = 'veroeffentlicht'", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_pages_are_refused_without_the_staff_permission()
    {
        var id = await SchulungenApi.KursAsync(StaffApi, "Seitenkurs Rechte");
        foreach (var pfad in new[] { "/schulungen/kurse", "/schulungen/kurse/neu", $"/schulungen/kurse/{id}", $"/schulungen/kurse/{id}/bearbeiten" })
        {
            await PageForms.AssertRefusedAsync(Host, pfad);
        }
    }
}
