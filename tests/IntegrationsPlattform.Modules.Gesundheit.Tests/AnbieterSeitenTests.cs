using System.Net;
using System.Text.RegularExpressions;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The providers' pages through real form posts: inline messages with nothing written, a new provider in the list, no dead end from the offer form.</summary>
public sealed class AnbieterSeitenTests : GesundheitFixture
{
    private const string Neu = "/gesundheit/verwaltung/anbieter/neu";

    private static (string, string)[] Formular(string name, string website) =>
    [
        ("Input.Name", name), ("Input.Email", "info@familienzentrum-beispiel.de"), ("Input.Telefon", "06061 7070"),
        ("Input.Website", website), ("Input.KommuneAgs", Oberzent),
    ];

    [Test]
    public async Task A_bad_website_is_shown_at_the_field_and_nothing_is_written()
    {
        var vorher = Count("anbieter");

        using var response = await PageForms.SubmitAsync(StaffBrowser, Neu, "anbieter", Formular("Familienzentrum Oberzent", "www familienzentrum"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(html, "id=\"website\""), Is.EqualTo(new[] { "Bitte die Website als vollständige Adresse angeben, z. B. https://praxis-beispiel.de." }));
            Assert.That(html, Does.Contain("value=\"Familienzentrum Oberzent\""), "the form keeps what was entered");
            Assert.That(Count("anbieter"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_provider_made_through_the_form_is_listed_with_its_municipality_and_edited_in_the_same_form()
    {
        using var angelegt = await PageForms.SubmitAsync(StaffBrowser, Neu, "anbieter", Formular("Familienzentrum Beerfelden", "https://fz-beerfelden.example"));
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await angelegt.Content.ReadAsStringAsync());
        var liste = await PageAsync(PageForms.RedirectTarget(angelegt)!);
        var bearbeiten = Regex.Match(liste, "href=\"(/gesundheit/verwaltung/anbieter/[^\"]+/bearbeiten)\">Familienzentrum Beerfelden<").Groups[1].Value;

        Assert.That(bearbeiten, Is.Not.Empty, "the list links the provider to its form");
        using var geaendert = await PageForms.SubmitAsync(StaffBrowser, bearbeiten, "anbieter", Formular("Familienzentrum Beerfelden-Oberzent", "https://fz-beerfelden.example"));
        var danach = await PageAsync("/gesundheit/verwaltung/anbieter?suche=Beerfelden");

        Assert.Multiple(() =>
        {
            Assert.That(liste, Does.Contain("Der Anbieter wurde angelegt.").And.Contain("Familienzentrum Beerfelden").And.Contain("Oberzent").And.Contain("06061 7070"));
            Assert.That(geaendert.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(danach, Does.Contain("Familienzentrum Beerfelden-Oberzent"));
        });
    }

    [Test]
    public async Task The_offer_form_links_to_a_new_provider_for_staff()
    {
        var formular = await PageAsync("/gesundheit/verwaltung/angebote/neu");

        Assert.That(formular, Does.Contain($"href=\"{Neu}\""));
    }

    [Test]
    public async Task The_pages_are_refused_without_a_Gesundheit_permission()
    {
        // One after the other: each check opens its own assertion scope, and NUnit's scopes must not interleave.
        await PageForms.AssertRefusedAsync(Host, "/gesundheit/verwaltung/anbieter");
        await PageForms.AssertRefusedAsync(Host, Neu);
    }
}
