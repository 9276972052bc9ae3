using System.Net;
using System.Text.Json;
using System.Net.Http.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Termine;

/// <summary>The session pages through HTTP as a browser uses them: cookie session, anti-forgery token, form posts.</summary>
public sealed class TermineSeitenTests : SchulungenFixture
{
    private const string Erbach = "06437006";

    private string _kurs = null!;

    [OneTimeSetUp]
    public async Task KursAnlegenAsync() => _kurs = await SchulungenApi.KursAsync(StaffApi, "Seiten-Terminkurs", "veroeffentlicht");

    [Test]
    public async Task Creates_a_session_through_the_form_adds_a_second_day_and_opens_it()
    {
        using var angelegt = await SubmitAsync("/schulungen/termine/neu", "termin",
            ("Input.KursId", _kurs), ("Input.Kommune", Erbach), ("Input.Kapazitaet", "12"), ("Input.MaxWarteliste", "4"),
            ("Input.Anmeldeschluss", SchulungenApi.Tag(20)), ("Input.Tag", SchulungenApi.Tag(30)), ("Input.Beginn", "09:00"), ("Input.Ende", "15:30"),
            ("Input.Ort", "Jugendzentrum Erbach"));
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await angelegt.Content.ReadAsStringAsync());
        var pfad = PageForms.RedirectTarget(angelegt)!.Split('?')[0];

        using var zweiter = await SubmitAsync($"{pfad}/zeiten/neu", "zeit",
            ("Input.Tag", SchulungenApi.Tag(37)), ("Input.Beginn", "09:00"), ("Input.Ende", "12:00"), ("Input.OnlineLink", "https://konferenz.example.invalid/schulung"));
        using var offen = await SubmitAsync(pfad, "status", ("StatusInput.Nach", "offen"), ("StatusInput.Bestaetigt", "true"));
        var seite = await PageAsync(pfad);

        Assert.Multiple(() =>
        {
            Assert.That(zweiter.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(offen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(seite, Does.Contain("offen für Anmeldungen"));
            Assert.That(seite, Does.Contain("09:00–15:30 Uhr").And.Contain("09:00–12:00 Uhr"));
            Assert.That(seite, Does.Contain("Jugendzentrum Erbach").And.Contain("Link zur Online-Sitzung"));
            Assert.That(seite, Does.Contain("0 von 12 belegt"));
        });
    }

    [Test]
    public async Task An_appointment_ending_before_it_starts_is_shown_at_its_field_and_nothing_is_written()
    {
        var vorher = Count("termine");
        using var response = await SubmitAsync("/schulungen/termine/neu", "termin",
            ("Input.KursId", _kurs), ("Input.Kapazitaet", "12"), ("Input.MaxWarteliste", "0"), ("Input.Anmeldeschluss", SchulungenApi.Tag(20)),
            ("Input.Tag", SchulungenApi.Tag(30)), ("Input.Beginn", "15:00"), ("Input.Ende", "09:00"), ("Input.Ort", "Erbach"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "id=\"ende\""), Does.Contain("Die Uhrzeit „bis“ muss nach „von“ liegen."));
            Assert.That(Count("termine"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task Removing_the_only_appointment_is_refused_on_the_page()
    {
        var id = await SchulungenApi.TerminAsync(StaffApi, _kurs, Erbach, 40);
        var zeit = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}")).GetProperty("zeiten")[0].GetProperty("id").GetString();
        var pfad = $"/schulungen/termine/{id}/zeiten/{zeit}";

        using var ohneHaken = await SubmitAsync(pfad, "entfernen");
        using var mitHaken = await SubmitAsync(pfad, "entfernen", ("EntfernenInput.Bestaetigt", "true"));
        var html = WebUtility.HtmlDecode(await mitHaken.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync()), Does.Contain("Bitte bestätigen Sie, dass der Termintag entfällt."));
            Assert.That(html, Does.Contain("mindestens einen Termintag"));
            Assert.That(Count("termin_zeiten", "termin_id = @id", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_trainer_sees_the_session_list_without_the_staff_actions()
    {
        using var trainerin = await BrowserAsync("trainerin-seiten", TestGrant.OwnRecords(Anwesenheit));
        var liste = await PageForms.TextAsync(trainerin, "/schulungen/termine");
        using var neu = await trainerin.GetAsync("/schulungen/termine/neu");
        Assert.Multiple(() =>
        {
            Assert.That(liste, Does.Contain("Die Termine, die Sie als Trainerin oder Trainer leiten.").And.Contain("Keine Termine"));
            Assert.That(liste, Does.Not.Contain("Neuen Termin anlegen"));
            Assert.That(neu.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
        });
    }
}
