using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Reports and their CSV exports: figures only, German Excel format, never a person seeking advice.</summary>
public sealed class BerichteTests : LotsenFixture
{
    private const string Pseudonym = "Bericht-Pseudo-0815";

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage(Pseudonym, ["ti"], Testdaten.BadKoenig, "wohnen"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task The_report_counts_this_years_requests_by_topic_language_and_municipality()
    {
        var bericht = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/berichte?jahr={Clock.Today.Year}");
        long Gesamt(string tabelle, string schluessel) => bericht.GetProperty(tabelle).EnumerateArray()
            .Where(z => z.GetProperty("schluessel").GetString() == schluessel).Select(z => z.GetProperty("gesamt").GetInt64()).SingleOrDefault();

        Assert.Multiple(() =>
        {
            Assert.That(Gesamt("anfragenJeThema", "wohnen"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Gesamt("anfragenJeSprache", "ti"), Is.GreaterThanOrEqualTo(1));
            Assert.That(Gesamt("anfragenJeKommune", Testdaten.BadKoenig), Is.GreaterThanOrEqualTo(1));
            Assert.That(bericht.GetProperty("stundenJeQuartal").GetArrayLength(), Is.EqualTo(4));
        });
    }

    [TestCase("anfragen-thema")]
    [TestCase("anfragen-kommune")]
    [TestCase("aktive-sprachen")]
    [TestCase("quartale")]
    [TestCase("stunden-lotsen")]
    public async Task Each_table_downloads_as_German_Excel_CSV_without_people_seeking_advice(string tabelle)
    {
        using var response = await StaffBrowser.GetAsync($"/lotsen/berichte/{tabelle}.csv?jahr={Clock.Today.Year}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM");
            Assert.That(text.Split("\r\n")[0], Does.Contain(";"));
            Assert.That(text, Does.Not.Contain(Pseudonym));
        });
    }

    [Test]
    public async Task The_report_page_and_the_yearly_report_show_the_figures_and_offer_the_exports()
    {
        var seite = await PageAsync("/lotsen/berichte");
        var jahresbericht = await PageAsync($"/lotsen/berichte/jahresbericht?jahr={Clock.Today.Year}");

        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("Anfragen nach Thema").And.Contain("Wohnen").And.Contain("Bad König"));
            Assert.That(seite, Does.Contain("/lotsen/berichte/anfragen-thema.csv?jahr="));
            Assert.That(seite, Does.Not.Contain(Pseudonym));
            Assert.That(jahresbericht, Does.Contain("Jahresbericht").And.Contain("Anfragen im Jahr"));
            Assert.That(jahresbericht, Does.Not.Contain(Pseudonym));
        });
    }

    [Test]
    public async Task Without_the_reports_permission_nothing_is_shown_or_exported()
    {
        using var anonymous = Host.Anonymous();
        using var anonymousCsv = await anonymous.GetAsync("/lotsen/berichte/quartale.csv");
        using var admin = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var adminCsv = await admin.GetAsync("/lotsen/berichte/quartale.csv");
        using var adminApi = await AdminApi.GetAsync("/api/lotsen/berichte");
        using var unbekannt = await StaffApi.GetAsync("/api/lotsen/berichte?jahr=1900");

        Assert.Multiple(() =>
        {
            Assert.That(anonymousCsv.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(anonymousCsv.Headers.Location?.ToString(), Does.Contain("/account/login"));
            Assert.That(adminCsv.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect));
            Assert.That(adminApi.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(unbekannt.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }
}
