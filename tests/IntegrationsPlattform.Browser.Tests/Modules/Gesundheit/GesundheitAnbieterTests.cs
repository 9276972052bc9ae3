using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// Providers in a real browser, as staff meet them: from the offer form, whose provider list lacks one, to the new
/// provider's form (first with a bad website), then the list among the demo providers, the search and the edit
/// form. axe checks each page.
/// </summary>
[TestFixture]
public sealed class GesundheitAnbieterTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffCreateAMissingProviderFromTheOfferFormFindAndEditIt()
    {
        await SignInAsStaffAsync();

        await Page.GotoAsync("/gesundheit/verwaltung/angebote/neu");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neuen Anbieter anlegen" }).ClickAsync();
        await Expect(Heading("Neuer Anbieter")).ToBeVisibleAsync();

        await Page.GetByLabel("Name").FillAsync("Kinderarztpraxis Dr. Browser");
        await Page.GetByLabel("Telefon").FillAsync("06062 4711");
        await Page.GetByLabel("Website").FillAsync("ftp://praxis-browser.example");
        await Page.GetByLabel("Kommune (Sitz)").SelectOptionAsync(new SelectOptionValue { Label = "Bad König" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anbieter anlegen" }).ClickAsync();
        await Expect(Page.GetByLabel("Website")).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("Website").FillAsync("https://praxis-browser.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anbieter anlegen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Anbieter wurde angelegt.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Kinderarztpraxis Dr. Browser" })).ToBeVisibleAsync();

        await Page.GotoAsync("/gesundheit/verwaltung/anbieter");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Gesundheitsamt Odenwaldkreis" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("gesundheit-anbieter");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("Name, E-Mail oder Website enthält").FillAsync("browser");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Gesundheitsamt Odenwaldkreis" })).ToHaveCountAsync(0);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Kinderarztpraxis Dr. Browser" }).ClickAsync();
        await Expect(Heading("Anbieter bearbeiten")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Telefon")).ToHaveValueAsync("06062 4711");
        await AssertNoSeriousViolationsAsync();
        await Page.GetByLabel("E-Mail").FillAsync("praxis@praxis-browser.example");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Anbieter wurde gespeichert.");
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync("praxis@praxis-browser.example");
    }
}
