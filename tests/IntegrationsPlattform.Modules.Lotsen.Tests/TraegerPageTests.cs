using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The Träger pages through HTTP as a browser uses them: cookie session, anti-forgery token, form posts.</summary>
public sealed partial class TraegerPageTests : LotsenFixture
{
    [Test]
    public async Task Creates_a_candidate_through_the_form_and_shows_it()
    {
        using var response = await SubmitAsync("/lotsen/traeger/neu", "traeger",
            ("Input.Name", "Seitentest Nachbarschaftshilfe"), ("Input.Ansprechperson", "Ida Formular"), ("Input.Email", "ida@formular.invalid"),
            ("Input.Kommunen", "06437006"), ("Input.Kommunen", "06437011"), ("Input.Notiz", "über das Formular"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = Ziel(response)!;
        var detail = await PageAsync(location);
        var list = await PageAsync("/lotsen/traeger?suche=Seitentest");

        Assert.Multiple(() =>
        {
            Assert.That(location, Does.Match("^/lotsen/traeger/[0-9a-f-]{36}\\?gespeichert=angelegt$"));
            Assert.That(detail, Does.Contain("<h1>Seitentest Nachbarschaftshilfe</h1>"));
            Assert.That(detail, Does.Contain("Der Träger wurde erfasst."));
            Assert.That(detail, Does.Contain("Erbach, Michelstadt"));
            Assert.That(detail, Does.Contain("Ida Formular"));
            Assert.That(list, Does.Contain("Seitentest Nachbarschaftshilfe"));
            Assert.That(list, Does.Contain("noch kein Träger"));
            Assert.That(Count("traeger", "name = 'Seitentest Nachbarschaftshilfe' AND email = 'ida@formular.invalid'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_empty_name_is_shown_inline_and_nothing_is_written()
    {
        var before = Count("traeger");
        using var response = await SubmitAsync("/lotsen/traeger/neu", "traeger", ("Input.Name", ""), ("Input.Email", "kein-at"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("validation-message").And.Contain("Bitte den Namen des Trägers angeben."));
            Assert.That(html, Does.Contain("Bitte eine gültige E-Mail-Adresse angeben"));
            Assert.That(html, Does.Contain("value=\"kein-at\""), "the input is kept");
            Assert.That(Count("traeger"), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Edits_changes_status_logs_a_contact_and_records_the_agreement_through_the_forms()
    {
        var id = await CreateAsync("Seitenfluss e. V.", ["06437001"]);
        var path = $"/lotsen/traeger/{id}";

        using var edit = await SubmitAsync($"{path}/bearbeiten", "traeger", ("Input.Name", "Seitenfluss e. V."), ("Input.Telefon", "06062 1"),
            ("Input.Kommunen", "06437001"), ("Input.Kommunen", "06437009"));
        using var kontaktiert = await SubmitAsync(path, "status", ("StatusInput.Nach", "kontaktiert"), ("StatusInput.Grund", "Anruf"));
        using var verboten = await SubmitAsync(path, "status", ("StatusInput.Nach", "abgelehnt"), ("StatusInput.Grund", ""));
        using var interessiert = await SubmitAsync(path, "status", ("StatusInput.Nach", "interessiert"), ("StatusInput.Grund", ""));
        using var kontakt = await SubmitAsync(path, "kontakt", ("KontaktInput.Datum", "2026-02-01"), ("KontaktInput.Kanal", "treffen"), ("KontaktInput.Notiz", "Treffen im Rathaus"));
        var detail = await PageAsync(path);
        using var vereinbarung = await SubmitAsync(path, "vereinbarung", ("VereinbarungInput.Beginn", "2025-01-01"), ("VereinbarungInput.Kommunen", "06437009"),
            ("VereinbarungInput.Foerderung", "Landesmittel"));
        var danach = await PageAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Ziel(kontaktiert), Is.EqualTo($"{path}?gespeichert=status"));
            Assert.That(verboten.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(interessiert.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(kontakt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(detail, Does.Contain("Treffen im Rathaus"));
            Assert.That(detail, Does.Contain("<option value=\"abgelehnt\">"));
            Assert.That(detail, Does.Not.Contain("<option value=\"vereinbart\">"), "the agreement status is not offered by hand");
            Assert.That(Ziel(vereinbarung), Is.EqualTo($"{path}?gespeichert=vereinbarung"));
            Assert.That(danach, Does.Contain("Vereinbarung unterzeichnet").And.Contain("Landesmittel").And.Contain("Vereinbarung beenden"));
            Assert.That(Count("traeger", "id = @id AND status = 'vereinbart' AND telefon = '06062 1'", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_status_the_page_does_not_offer_is_refused_inline_when_posted_anyway()
    {
        var id = await CreateAsync("Unerlaubter Wechsel e. V.", []);
        using var response = await SubmitAsync($"/lotsen/traeger/{id}", "status", ("StatusInput.Nach", "vereinbart"), ("StatusInput.Grund", "per Hand"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("nicht möglich"));
            Assert.That(Count("traeger", "id = @id AND status = 'identifiziert'", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_municipality_held_by_another_Traeger_is_named_inline_in_the_agreement_form()
    {
        var erster = await CreateAsync("Inhaber Reichelsheim", ["06437013"]);
        var zweiter = await CreateAsync("Bewerber Reichelsheim", ["06437013"]);
        foreach (var id in new[] { erster, zweiter })
        {
            await StatusAsync(id, "kontaktiert");
            await StatusAsync(id, "interessiert");
        }

        using var erste = await SubmitAsync($"/lotsen/traeger/{erster}", "vereinbarung", ("VereinbarungInput.Beginn", "2025-01-01"), ("VereinbarungInput.Kommunen", "06437013"));
        using var zweite = await SubmitAsync($"/lotsen/traeger/{zweiter}", "vereinbarung", ("VereinbarungInput.Beginn", "2025-01-01"), ("VereinbarungInput.Kommunen", "06437013"));
        var html = WebUtility.HtmlDecode(await zweite.Content.ReadAsStringAsync());
        var liste = await PageAsync("/lotsen/traeger");
        Assert.Multiple(() =>
        {
            Assert.That(erste.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(zweite.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("Reichelsheim (Odenwald) hat schon einen aktiven Träger: Inhaber Reichelsheim"));
            Assert.That(Count("vereinbarungen", "traeger_id = @zweiter", new { zweiter }), Is.Zero);
            Assert.That(AbdeckungZeile().Match(liste).Groups[1].Value, Does.Contain("Inhaber Reichelsheim"));
        });
    }

    [Test]
    public async Task The_list_filters_pages_and_says_when_nothing_matches()
    {
        var leer = await PageAsync("/lotsen/traeger?suche=gibt-es-nicht-xyz");
        var falsch = await PageAsync("/lotsen/traeger?status=verschollen");
        Assert.Multiple(() =>
        {
            Assert.That(leer, Does.Contain("Keine Treffer für diese Filter."));
            Assert.That(leer, Does.Contain("<label for=\"suche\">"));
            Assert.That(falsch, Does.Contain("Der Filter ist ungültig"));
        });
    }

    [TestCase("/lotsen/traeger")]
    [TestCase("/lotsen/traeger/neu")]
    [TestCase("/lotsen/traeger/01900000-0000-7000-8000-000000000001")]
    public Task Pages_need_the_traeger_permission(string path) => PageForms.AssertRefusedAsync(Host, path);

    [Test]
    public async Task The_start_page_shows_the_Traeger_card()
        => Assert.That(await PageAsync("/lotsen"), Does.Contain("href=\"/lotsen/traeger\""));

    // --- helpers ---

    /// <summary>Where a redirect goes, as path and query (the host answers with an absolute URL).</summary>
    private static string? Ziel(HttpResponseMessage response) => PageForms.RedirectTarget(response);



    private Task<string> CreateAsync(string name, string[] kommunen) => TraegerApi.CreateAsync(StaffApi, name, kommunen);

    private Task StatusAsync(string id, string nach) => TraegerApi.ChangeStatusAsync(StaffApi, id, nach);

    [GeneratedRegex(@"<th scope=""row"">Reichelsheim \(Odenwald\)</th>\s*(<td>.*?</td>)", RegexOptions.Singleline)]
    private static partial Regex AbdeckungZeile();
}
