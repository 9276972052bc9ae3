using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Lotsen;

/// <summary>
/// The Lotsen module's other areas in a real browser, with data: the Träger search (a candidate taken in
/// through the form), the Lotsen registry (search, detail, registration form), the CSV import and the reports. axe
/// checks every page.
/// </summary>
[TestFixture]
public sealed class LotsenRegisterTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffTakeInATraegerAndFindLotsenAndReportsAccessibly()
    {
        var lotse = LotsenTestdaten.AktiverLotse(Host.ModuleDatabase("Lotsen"), "Samir", "Nasser", "fa");
        await SignInAsStaffAsync();

        await Page.GotoAsync("/lotsen/traeger");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neuen Träger erfassen" }).ClickAsync();
        await Page.GetByLabel("Name der Organisation").FillAsync("Caritas Odenwald (Test)");
        await Page.GetByLabel("Erbach", new() { Exact = true }).CheckAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Träger erfassen" }).ClickAsync();
        await Expect(Heading("Caritas Odenwald (Test)")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GotoAsync("/lotsen/traeger");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Caritas Odenwald (Test)" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/lotsen/lotsen?sprache=fa");
        await Expect(Heading("Lotsinnen und Lotsen")).ToBeVisibleAsync();
        await Expect(Page.Locator("table")).ToContainTextAsync("Nasser");
        await AssertNoSeriousViolationsAsync();
        await Page.GotoAsync($"/lotsen/lotsen/{lotse}");
        await Expect(Heading("Samir Nasser")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GotoAsync("/lotsen/lotsen/neu");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/lotsen/import");
        await Expect(Heading("CSV-Import")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Radio, new() { Name = "Träger-Kandidaten" }).CheckAsync();
        await Page.GetByLabel("CSV-Datei").SetInputFilesAsync(new FilePayload
        {
            Name = "traeger.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("Name;Ansprechperson;E-Mail;Telefon;Kommunen;Notiz\r\nAWO Odenwald (Import);;;;Erbach;\r\n;;keine-mail;;Atlantis;\r\n"),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Datei prüfen (Vorschau)" }).ClickAsync();
        await Expect(Page.GetByText("1 Zeilen gültig, 1 fehlerhaft").Or(Page.GetByText("1 Zeile gültig, 1 fehlerhaft"))).ToBeVisibleAsync();
        await SaveScreenshotAsync("lotsen-import-vorschau");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/lotsen/berichte");
        await Expect(Heading("Berichte")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Aktive Lotsen je Sprache (heute)" })).ToContainTextAsync("Persisch");
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Aktive Lotsen je Kommune (heute)" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Durchgeführte Einsätze je Quartal") })).ToBeVisibleAsync();
        await SaveScreenshotAsync("lotsen-berichte");
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Jahresbericht") }).ClickAsync();
        await Expect(Page.Locator("dl.facts")).ToContainTextAsync("Aktive Lotsinnen und Lotsen");
        await SaveScreenshotAsync("lotsen-jahresbericht");
        await AssertNoSeriousViolationsAsync();
    }
}
