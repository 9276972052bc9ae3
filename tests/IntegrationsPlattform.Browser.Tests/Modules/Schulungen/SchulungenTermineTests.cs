using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// The staff flow of the Schulungen module in a real browser: a course taken into the catalogue and published, a session
/// of it with two appointments, opened for registration. axe checks every page on the way.
/// </summary>
[TestFixture]
public sealed class SchulungenTermineTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffCreateACourseASessionWithTwoAppointmentsAndOpenItAccessibly()
    {
        var erster = TestClock.Today.AddDays(30);
        var zweiter = erster.AddDays(7);
        await SignInAsStaffAsync();

        await Page.GotoAsync("/schulungen");
        await Expect(Heading("Schulungen")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Kurskatalog" }).ClickAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neuen Kurs anlegen" }).ClickAsync();
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Vielfalt im Klassenzimmer (Browsertest)");
        await Page.GetByLabel("Beschreibung").FillAsync("Ein Tag zu Vielfalt und Zugehörigkeit.");
        await Page.GetByLabel("Lernziele").FillAsync("Vielfalt wahrnehmen\nZugehörigkeit stärken");
        await Page.GetByLabel("Zielgruppe").FillAsync("Schulsozialarbeit");
        await Page.GetByLabel("Präsenz").CheckAsync();
        await Page.GetByLabel("Unterrichtseinheiten (je 45 Minuten)").FillAsync("8");
        await Page.GetByLabel("Dauer in Zeitstunden").FillAsync("6");
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kurs anlegen" }).ClickAsync();
        await Expect(Heading("Vielfalt im Klassenzimmer (Browsertest)")).ToBeVisibleAsync();

        await Page.GetByLabel("Neuer Status").SelectOptionAsync(new SelectOptionValue { Label = "veröffentlicht" });
        await Page.GetByLabel("Ich bestätige die Statusänderung.", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Status ändern" }).ClickAsync();
        await Expect(Page.GetByText("Der Status wurde geändert.")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Termin anlegen" }).ClickAsync();
        await Page.GetByLabel("Kommune").SelectOptionAsync(new SelectOptionValue { Label = "Erbach" });
        await Page.GetByLabel("Plätze").FillAsync("15");
        await Page.GetByLabel("Höchstens auf der Warteliste").FillAsync("5");
        await Page.GetByLabel("Anmeldeschluss (letzter Tag)").FillAsync(erster.AddDays(-7).ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Datum").FillAsync(erster.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("von (Uhrzeit)").FillAsync("09:00");
        await Page.GetByLabel("bis (Uhrzeit)").FillAsync("16:00");
        await Page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Landratsamt Erbach, Sitzungssaal");
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Termin anlegen" }).ClickAsync();
        await Expect(Page.GetByText("Der Termin wurde angelegt (Status: geplant).")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Termintag hinzufügen" }).ClickAsync();
        await Page.GetByLabel("Datum").FillAsync(zweiter.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("von (Uhrzeit)").FillAsync("09:00");
        await Page.GetByLabel("bis (Uhrzeit)").FillAsync("13:00");
        await Page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Landratsamt Erbach, Sitzungssaal");
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Termintag hinzufügen" }).ClickAsync();
        await Expect(Page.GetByText("Die Termintage wurden geändert.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Rowheader, new() { NameRegex = new System.Text.RegularExpressions.Regex("09:00–13:00") })).ToBeVisibleAsync();

        await Page.GetByLabel("Neuer Status").SelectOptionAsync(new SelectOptionValue { Label = "offen für Anmeldungen" });
        await Page.GetByLabel("Ich bestätige die Statusänderung.", new() { Exact = false }).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Status ändern" }).ClickAsync();
        await Expect(Page.Locator("dl.facts")).ToContainTextAsync("offen für Anmeldungen");
        await SaveScreenshotAsync("schulungen-termin");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/schulungen/termine?status=offen");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Vielfalt im Klassenzimmer (Browsertest)" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("schulungen-terminliste");
        await AssertNoSeriousViolationsAsync();
        await Page.GotoAsync("/schulungen/schulen");
        await AssertNoSeriousViolationsAsync();
    }
}
