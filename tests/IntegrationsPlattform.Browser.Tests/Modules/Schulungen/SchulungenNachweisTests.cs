using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// From the list to the proof: the trainer ticks who came, staff issue the certificate of who attended enough, and
/// anyone checks its code on the public page, which shows the initials only. Axe on every page on the way.
/// </summary>
[TestFixture]
public sealed partial class SchulungenNachweisTests : ModuleBrowserTest
{
    [Test]
    public async Task The_trainer_ticks_attendance_staff_issue_the_certificate_and_the_public_page_checks_it()
    {
        using var admin = await Host.AdminApiAsync();
        var trainerin = await TestAccounts.CreateAsync(admin, "trainerin", TestGrant.OwnRecords("schulungen.anwesenheit"));
        var termin = SchulungenTestdaten.GestrigerTermin(Host.ModuleDatabase("Schulungen"), Host.Clock, trainerin.UserName, ("Aylin", "Demir"), ("Jonas", "Keller"));

        await SignInAsync(trainerin.UserName, TestAccounts.Password);
        await Page.GotoAsync("/schulungen/anwesenheit");
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Elternarbeit in der Migrationsgesellschaft (Nachweis)", Exact = true }).ClickAsync();
        await Page.GetByLabel("Demir, Aylin").CheckAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anwesenheit speichern" }).ClickAsync();
        await Expect(Page.GetByText("Die Anwesenheit wurde gespeichert.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Demir, Aylin" })).ToContainTextAsync("vollständig teilgenommen");
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Keller, Jonas" })).ToContainTextAsync("nicht erschienen");
        await SaveScreenshotAsync("schulungen-anwesenheit");
        await AssertNoSeriousViolationsAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsStaffAsync();
        await Page.GotoAsync($"/schulungen/termine/{termin}/bescheinigungen");
        await Page.GetByLabel("Keller, Jonas (0 %)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bescheinigungen ausstellen" }).ClickAsync();
        await Expect(Page.GetByText("Für Keller, Jonas wird keine Teilnahmebescheinigung ausgestellt")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByLabel("Keller, Jonas (0 %)").UncheckAsync();
        await Page.GetByLabel("Demir, Aylin (100 %)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bescheinigungen ausstellen" }).ClickAsync();
        await Expect(Page.GetByText("1 Bescheinigung(en) ausgestellt.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Row, new() { Name = "Demir, Aylin" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Teilnahmebescheinigung" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("schulungen-bescheinigung");
        await AssertNoSeriousViolationsAsync();
        var code = Code().Match(await Page.ContentAsync()).Value;

        await Page.Context.ClearCookiesAsync();
        await Page.GotoAsync($"/schulungen/nachweis/{code}");
        await Expect(Page.GetByText("Gültig: Diese Bescheinigung wurde ausgestellt")).ToBeVisibleAsync();
        await Expect(Page.Locator("main")).ToContainTextAsync("A. D.");
        await Expect(Page.Locator("main")).Not.ToContainTextAsync("Aylin");
        await SaveScreenshotAsync("schulungen-nachweis");
        await AssertNoSeriousViolationsAsync();
        await Page.GotoAsync($"/schulungen/nachweis/{code}?lang=ar");
        await AssertNoSeriousViolationsAsync();
    }

    [GeneratedRegex("[A-HJKMNP-Z2-9]{4}(-[A-HJKMNP-Z2-9]{4}){4}")]
    private static partial Regex Code();
}
