using System.Net;
using System.Net.Http.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The barriers' pages through real form posts: inline messages, nothing written on bad input, a status change only after confirmation.</summary>
public sealed class BarrierenSeitenTests : GesundheitFixture
{
    private const string Neu = "/gesundheit/verwaltung/barrieren/neu";

    [Test]
    public async Task A_barrier_without_description_is_shown_at_the_field_and_nothing_is_written()
    {
        var vorher = Count("barrieren");

        using var response = await PageForms.SubmitAsync(StaffBrowser, Neu, "barriere", ("Input.Art", "kosten"), ("Input.KommuneAgs", Michelstadt));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "id=\"beschreibung\""), Is.EqualTo(new[] { "Bitte eine Beschreibung der Barriere angeben." }));
            Assert.That(Count("barrieren"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_barrier_recorded_in_the_form_gets_a_measure_and_its_status_changes_only_after_confirmation()
    {
        using var angelegt = await PageForms.SubmitAsync(StaffBrowser, Neu, "barriere",
            ("Input.Art", "mobilitaet"), ("Input.KommuneAgs", Oberzent), ("Input.Beschreibung", "Kein Bus zur Kinderarztpraxis am Nachmittag."));
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await angelegt.Content.ReadAsStringAsync());
        var pfad = PageForms.RedirectTarget(angelegt)!.Split('?')[0];
        var ohneVorher = await PageAsync("/gesundheit/verwaltung/barrieren?ohneMassnahme=true&kommune=" + Oberzent);

        using var massnahme = await PageForms.SubmitAsync(StaffBrowser, pfad, "massnahme",
            ("MassnahmeInput.Art", "begleitung_lotsen"), ("MassnahmeInput.Titel", "Fahrbegleitung durch Lotsen"), ("MassnahmeInput.Verantwortlich", "Lotsenkoordination"));
        Assert.That(massnahme.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await massnahme.Content.ReadAsStringAsync());
        var detail = await PageAsync(pfad);
        var ohneDanach = await PageAsync("/gesundheit/verwaltung/barrieren?ohneMassnahme=true&kommune=" + Oberzent);
        var id = pfad.Split('/')[^1];
        var massnahmeId = (await StaffApi.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/gesundheit/barrieren/{id}")).GetProperty("massnahmen")[0].GetProperty("id").GetString()!;

        using var ohneHaken = await PageForms.SubmitAsync(StaffBrowser, pfad, "status", ("StatusInput.MassnahmeId", massnahmeId), ("StatusInput.Status", "laufend"));
        var ohneHakenHtml = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        using var zuFrueh = await PageForms.SubmitAsync(StaffBrowser, pfad, "status",
            ("StatusInput.MassnahmeId", massnahmeId), ("StatusInput.Status", "umgesetzt"), ("StatusInput.Bestaetigt", "true"));
        var zuFruehHtml = WebUtility.HtmlDecode(await zuFrueh.Content.ReadAsStringAsync());
        using var laufend = await PageForms.SubmitAsync(StaffBrowser, pfad, "status",
            ("StatusInput.MassnahmeId", massnahmeId), ("StatusInput.Status", "laufend"), ("StatusInput.Bestaetigt", "true"));
        Assert.That(laufend.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await laufend.Content.ReadAsStringAsync());
        var danach = await PageAsync(PageForms.RedirectTarget(laufend)!);

        Assert.Multiple(() =>
        {
            Assert.That(ohneVorher, Does.Contain("Kein Bus zur Kinderarztpraxis am Nachmittag."));
            Assert.That(detail, Does.Contain("Fahrbegleitung durch Lotsen").And.Contain("Begleitung durch Lotsen").And.Contain("Lotsenkoordination"));
            Assert.That(ohneDanach, Does.Not.Contain("Kein Bus zur Kinderarztpraxis am Nachmittag."));
            Assert.That(PageForms.MessagesAt(ohneHakenHtml, "id=\"status-bestaetigt\""), Is.EqualTo(new[] { "Bitte bestätigen Sie den Statuswechsel." }));
            Assert.That(PageForms.MessagesAt(zuFruehHtml, "id=\"status-neu\""), Has.Some.Contains("Wechsel von „geplant“ zu „umgesetzt“ ist nicht möglich"));
            Assert.That(danach, Does.Contain("Der Status der Maßnahme wurde geändert.").And.Contain(">läuft<"));
        });
    }

    [Test]
    public async Task A_provider_account_reaches_neither_the_barrier_pages_nor_the_api()
    {
        var anbieter = await AnbieterAsync(StaffApi, "Logopädie Barrierenbereich");
        using var api = await ApiAsync("anbieter-barrieren", TestGrant.InGroups("gesundheit.angebote", anbieter));
        using var browser = await BrowserAsync("anbieter-barrieren-seite", TestGrant.InGroups("gesundheit.angebote", anbieter));

        using var liste = await api.GetAsync("/api/gesundheit/barrieren");
        using var seite = await browser.GetAsync("/gesundheit/verwaltung/barrieren");

        Assert.Multiple(() =>
        {
            Assert.That(liste.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(seite.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
        });
    }
}
