using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// Workflow 7: staff open the reach from the module's start page and see, for the current school year, every
/// municipality with the held trainings' participants and schools, the waiting list as unmet demand, and choose another
/// school year. Axe on each state.
/// </summary>
[TestFixture]
public sealed class SchulungenReichweiteTests : ModuleBrowserTest
{
    [Test]
    public async Task Staff_see_the_reach_of_the_school_year_per_municipality_and_choose_another_year()
    {
        var datenbank = Host.ModuleDatabase("Schulungen");
        var termin = SchulungenTestdaten.GestrigerTermin(datenbank, Host.Clock, "reichweite-trainerin", ("Aylin", "Demir"), ("Jonas", "Keller"));
        Durchgefuehrt(datenbank, termin);

        await SignInAsStaffAsync();
        await Page.GotoAsync("/schulungen");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Reichweite", Exact = true }).ClickAsync();
        await Expect(Heading("Reichweite")).ToBeVisibleAsync();
        var schuljahr = Page.GetByLabel("Schuljahr", new() { Exact = true });
        var aktuell = await schuljahr.InputValueAsync();
        var tabelle = Page.Locator("#reichweite-tabelle");
        foreach (var kommune in new[] { "Bad König", "Oberzent", "Michelstadt", "Erbach" })
        {
            await Expect(tabelle.GetByRole(AriaRole.Row, new() { Name = kommune })).ToBeVisibleAsync();
        }

        await Expect(tabelle.GetByRole(AriaRole.Row, new() { Name = "gesamt" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Gymnasium Michelstadt (Reichweite)" })).ToContainTextAsync("Michelstadt");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Tabelle als CSV herunterladen" })).ToHaveAttributeAsync("href", $"/schulungen/reichweite.csv?schuljahr={aktuell}");
        await SaveScreenshotAsync("schulungen-reichweite");
        await AssertNoSeriousViolationsAsync();

        var vorjahr = (int.Parse(aktuell, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture);
        await schuljahr.SelectOptionAsync(vorjahr);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Expect(schuljahr).ToHaveValueAsync(vorjahr);
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Gymnasium Michelstadt (Reichweite)" })).ToHaveCountAsync(0);
        await AssertNoSeriousViolationsAsync();
    }

    /// <summary>
    /// The session held this morning (so that it lies in the current school year on any day): both attended fully, both
    /// work at a school in Michelstadt, and one more person waits for a place.
    /// </summary>
    private void Durchgefuehrt(string datenbank, string termin)
    {
        using var db = new SqliteConnection($"Data Source={datenbank};Pooling=False");
        var heute = Host.Clock.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var jetzt = Host.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var schule = Guid.CreateVersion7().ToString();
        var wartend = Guid.CreateVersion7().ToString();
        db.Execute(
            """
            UPDATE termin_zeiten SET beginn = @heute || 'T00:00', ende = @heute || 'T00:30' WHERE termin_id = @termin;
            UPDATE termine SET status = 'durchgefuehrt', max_warteliste = 5 WHERE id = @termin;
            UPDATE anmeldungen SET status = 'vollstaendig' WHERE termin_id = @termin;
            INSERT INTO schulen (id, name, schulart, kommune_ags, angelegt_am) VALUES (@schule, 'Gymnasium Michelstadt (Reichweite)', 'gymnasium', '06437011', @jetzt);
            INSERT INTO teilnehmende_schulen (teilnehmende_id, schule_id) SELECT teilnehmende_id, @schule FROM anmeldungen WHERE termin_id = @termin;
            INSERT INTO teilnehmende (id, vorname, nachname, email, angelegt_am) VALUES (@wartend, 'Lena', 'Wagner', @email, @jetzt);
            INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, warteposition, geaendert_am)
            VALUES (@wartend, @termin, @wartend, 'warteliste', @jetzt, @jetzt, 1, @jetzt);
            """,
            new { termin, heute, jetzt, schule, wartend, email = wartend + "@example.invalid" });
    }
}
