using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationsPlattform.Modules.Lotsen.Tests.Register.LotsenApi;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>The registry's pages through HTTP as a browser uses them: forms with anti-forgery token, inline errors, redirects.</summary>
public sealed partial class LotsenSeitenTests : LotsenFixture
{
    [Test]
    public async Task Registering_or_editing_a_Lotse_beyond_the_coordinators_municipalities_is_refused_at_the_municipalities_field()
    {
        const string Oberzent = "06437014";
        using var koordination = await TestKonten.BrowserAsync(Host, AdminApi, "koord-lotse", TestKonten.Recht("lotsen.lesen", Erbach), TestKonten.Recht("lotsen.bearbeiten", Erbach));
        var einwilligung = DateOnly.FromDateTime(Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(-3).ToString("yyyy-MM-dd");
        var token = "B" + Guid.NewGuid().ToString("N")[..8];
        var erbach = await AnlegenAsync(StaffApi, Gueltig(token, "Erbacherin", kommunen: [Erbach]));
        (string, string)[] felder =
        [
            ("Input.Vorname", "Olga"), ("Input.Nachname", token), ("Input.Telefon", "06062 4711"), ("Input.WohnortAgs", Erbach),
            ("Input.Sprachen[0].Code", "uk"), ("Input.Sprachen[0].Niveau", "muttersprache"), ("Input.Themen", "behoerden"),
            ("Input.Kommunen", Erbach), ("Input.Kommunen", Oberzent), ("Input.VermitteltDurch", "selbst"), ("Input.EinwilligungAm", einwilligung),
        ];
        var vorher = Count("lotsen");

        using var neu = await PageForms.SubmitAsync(koordination, "/lotsen/lotsen/neu", "lotse", felder);
        using var bearbeitet = await PageForms.SubmitAsync(koordination, $"/lotsen/lotsen/{erbach}/bearbeiten", "lotse", felder);
        var seiten = new[] { await neu.Content.ReadAsStringAsync(), await bearbeitet.Content.ReadAsStringAsync() };

        Assert.Multiple(() =>
        {
            Assert.That(new[] { neu.StatusCode, bearbeitet.StatusCode }, Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(seiten.Select(s => PageForms.MessagesAt(s, "name=\"Input.Kommunen\"").SingleOrDefault()), Is.All.StartsWith("Außerhalb Ihres Bereichs"));
            Assert.That(Count("lotsen"), Is.EqualTo(vorher));
            Assert.That(Count("lotse_kommunen", "lotse_id = @erbach", new { erbach }), Is.EqualTo(1), "the Lotse of Erbach still serves Erbach only");
        });
    }

    [Test]
    public async Task Register_through_the_form_shows_inline_errors_first_then_the_detail_page()
    {
        var token = "S" + Guid.NewGuid().ToString("N")[..8];
        var vorher = Count("lotsen");
        var felder = new Dictionary<string, string>
        {
            ["Input.Vorname"] = "",
            ["Input.Nachname"] = token,
            ["Input.Email"] = "",
            ["Input.Telefon"] = "06061 1234",
            ["Input.WohnortAgs"] = Erbach,
            ["Input.Sprachen[0].Code"] = "ar",
            ["Input.Sprachen[0].Niveau"] = "muttersprache",
            ["Input.Sprachen[1].Code"] = "",
            ["Input.Sprachen[1].Niveau"] = "",
            ["Input.Kommunen"] = Erbach,
            ["Input.Themen"] = "behoerden",
            ["Input.Verfuegbarkeit[0].Wochentag"] = "2",
            ["Input.Verfuegbarkeit[0].Von"] = "09:00",
            ["Input.Verfuegbarkeit[0].Bis"] = "12:00",
            ["Input.Verfuegbarkeit[1].Wochentag"] = "2",
            ["Input.Verfuegbarkeit[1].Von"] = "11:00",
            ["Input.Verfuegbarkeit[1].Bis"] = "13:00",
            ["Input.VermitteltDurch"] = "selbst",
            ["Input.EinwilligungAm"] = Tag(),
        };

        using var abgelehnt = await SubmitAsync("/lotsen/lotsen/neu", "lotse", felder);
        var fehlerSeite = WebUtility.HtmlDecode(await abgelehnt.Content.ReadAsStringAsync());
        var nachAblehnung = Count("lotsen");

        felder["Input.Vorname"] = "Samira";
        felder["Input.Verfuegbarkeit[1].Von"] = "14:00";
        felder["Input.Verfuegbarkeit[1].Bis"] = "16:00";
        using var gespeichert = await SubmitAsync("/lotsen/lotsen/neu", "lotse", felder);
        var ziel = gespeichert.Headers.Location?.OriginalString ?? "";
        var detail = await PageAsync(ziel);

        Assert.Multiple(() =>
        {
            Assert.That(abgelehnt.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fehlerSeite, Does.Contain("Bitte den Vornamen angeben."));
            Assert.That(fehlerSeite, Does.Contain("überschneiden sich"));
            Assert.That(fehlerSeite, Does.Contain($"value=\"{token}\""), "what was typed stays in the form");
            Assert.That(nachAblehnung, Is.EqualTo(vorher));
            Assert.That(gespeichert.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(ziel, Does.Match("/lotsen/lotsen/[0-9a-f-]{36}\\?gespeichert=1$"));
            Assert.That(Count("lotsen"), Is.EqualTo(vorher + 1));
            Assert.That(detail, Does.Contain($"<h1>Samira {token}</h1>"));
            Assert.That(detail, Does.Contain("Die Angaben wurden gespeichert."));
            Assert.That(detail, Does.Contain("Arabisch (Muttersprache)"));
            Assert.That(detail, Does.Contain("Dienstag 09:00–12:00 Uhr; Dienstag 14:00–16:00 Uhr"));
            Assert.That(detail, Does.Contain("Gültig bis"));
        });
    }

    [Test]
    public async Task The_detail_page_refuses_aktiv_without_Basisqualifizierung_then_records_training_and_status()
    {
        var token = "S" + Guid.NewGuid().ToString("N")[..8];
        var id = await AnlegenAsync(StaffApi, Gueltig(token, "Tarek"));
        var seite = $"/lotsen/lotsen/{id}";
        using var schulung = await SubmitAsync(seite, "status", new Dictionary<string, string> { ["StatusInput.Status"] = "in_schulung", ["StatusInput.Grund"] = "Kurs im Mai" });
        using var ohneBasis = await SubmitAsync(seite, "status", new Dictionary<string, string> { ["StatusInput.Status"] = "aktiv", ["StatusInput.Grund"] = "" });
        var ohneBasisHtml = WebUtility.HtmlDecode(await ohneBasis.Content.ReadAsStringAsync());
        using var schlechteQuali = await SubmitAsync(seite, "qualifikation", new Dictionary<string, string> { ["QualiInput.Art"] = "basisqualifizierung", ["QualiInput.Datum"] = Tag(5), ["QualiInput.Anbieter"] = "" });
        var schlechteQualiHtml = WebUtility.HtmlDecode(await schlechteQuali.Content.ReadAsStringAsync());
        using var quali = await SubmitAsync(seite, "qualifikation", new Dictionary<string, string> { ["QualiInput.Art"] = "basisqualifizierung", ["QualiInput.Datum"] = Tag(5), ["QualiInput.Anbieter"] = "Land Hessen" });
        using var aktiv = await SubmitAsync(seite, "status", new Dictionary<string, string> { ["StatusInput.Status"] = "aktiv", ["StatusInput.Grund"] = "Kurs bestanden" });
        var detail = await PageAsync(seite);

        Assert.Multiple(() =>
        {
            Assert.That(schulung.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(ohneBasis.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ohneBasisHtml, Does.Contain("role=\"alert\"").And.Contain("setzt eine erfasste Basisqualifizierung"));
            Assert.That(schlechteQualiHtml, Does.Contain("Bitte den Anbieter der Schulung angeben."));
            Assert.That(quali.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(aktiv.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Count("lotsen", "id = @id AND status = 'aktiv'", new { id }), Is.EqualTo(1));
            Assert.That(detail, Does.Contain("Basisqualifizierung des Landes Hessen"));
            Assert.That(detail, Does.Contain("Kurs im Mai").And.Contain("Kurs bestanden"));
            Assert.That(detail, Does.Contain("<option value=\"pausiert\">pausiert</option>"), "only the allowed targets are offered");
            Assert.That(detail, Does.Not.Contain("<option value=\"in_schulung\">"));
        });
    }

    [Test]
    public async Task Editing_through_the_form_keeps_the_consent_and_changes_the_data()
    {
        var token = "S" + Guid.NewGuid().ToString("N")[..8];
        var id = await AnlegenAsync(StaffApi, Gueltig(token, "Ulla", ["pl"]));
        var formular = await PageAsync($"/lotsen/lotsen/{id}/bearbeiten");
        using var gespeichert = await SubmitAsync($"/lotsen/lotsen/{id}/bearbeiten", "lotse", new Dictionary<string, string>
        {
            ["Input.Vorname"] = "Ulla",
            ["Input.Nachname"] = token,
            ["Input.Email"] = "ulla@demo.invalid",
            ["Input.WohnortAgs"] = Michelstadt,
            ["Input.Sprachen[0].Code"] = "pl",
            ["Input.Sprachen[0].Niveau"] = "muttersprache",
            ["Input.Sprachen[1].Code"] = "ru",
            ["Input.Sprachen[1].Niveau"] = "gut",
            ["Input.Kommunen"] = Michelstadt,
            ["Input.VermitteltDurch"] = "ehrenamtsagentur",
        });
        var detail = await PageAsync($"/lotsen/lotsen/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(formular, Does.Contain($"value=\"{token}\"").And.Contain("<option value=\"pl\" selected"));
            Assert.That(gespeichert.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(detail, Does.Contain("Polnisch (Muttersprache), Russisch (gut)"));
            Assert.That(Count("lotsen", "id = @id AND wohnort_ags = @Michelstadt AND einwilligung_am = @am", new { id, Michelstadt, am = Tag() }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_search_page_filters_shows_German_names_pages_and_exports()
    {
        var token = "S" + Guid.NewGuid().ToString("N")[..8];
        await AnlegenAsync(StaffApi, Gueltig(token, "Vera", ["uk"], [Michelstadt], ["wohnen"]));
        await AnlegenAsync(StaffApi, Gueltig(token, "Wassim", ["ar"]));
        var treffer = await PageAsync($"/lotsen/lotsen?name={token}&sprache=uk");
        var keine = await PageAsync($"/lotsen/lotsen?name={token}&sprache=ps");
        using var export = await StaffBrowser.GetAsync($"/lotsen/lotsen/export.csv?name={token}");
        var csv = await export.Content.ReadAsStringAsync();
        var start = await PageAsync("/lotsen");
        Assert.Multiple(() =>
        {
            Assert.That(treffer, Does.Contain($"{token}, Vera").And.Not.Contain("Wassim"));
            Assert.That(treffer, Does.Contain("data-label=\"Sprachen\">Ukrainisch</td>").And.Contain("data-label=\"Kommunen\">Michelstadt</td>").And.Contain("data-label=\"Themen\">Wohnen</td>"));
            Assert.That(treffer, Does.Contain("1 Treffer, Seite 1 von 1."));
            Assert.That(keine, Does.Contain("Keine Treffer."));
            Assert.That(treffer, Does.Contain($"href=\"/lotsen/lotsen/export.csv?name={token}&sprache=uk\""));
            Assert.That(export.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(csv, Does.Contain("Vera").And.Contain("Wassim"));
            Assert.That(start, Does.Contain("href=\"/lotsen/lotsen\""));
        });
    }

    [Test]
    public async Task A_page_of_a_Lotse_outside_the_users_reach_discloses_nothing()
    {
        var detail = await PageAsync($"/lotsen/lotsen/{Guid.NewGuid()}");
        using var anonymous = Host.Anonymous();
        using var ohneLogin = await anonymous.GetAsync("/lotsen/lotsen");
        using var admin = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var ohneRecht = await admin.GetAsync("/lotsen/lotsen/neu");
        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain("Lotse nicht gefunden"));
            Assert.That(ohneLogin.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(ohneLogin.Headers.Location?.OriginalString, Does.Contain("/account/login"));
            Assert.That(ohneRecht.Headers.Location?.OriginalString ?? ohneRecht.StatusCode.ToString(), Does.Contain("denied").Or.EqualTo("Forbidden"));
        });
    }

}
