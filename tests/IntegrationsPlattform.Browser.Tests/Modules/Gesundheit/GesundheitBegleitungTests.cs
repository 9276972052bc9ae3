using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// Workflow 6 in a real browser with the Lotsen module running beside Gesundheit (as the demo deployment has it): from a
/// published offer, staff pick the family's language and municipality, see the available Lotsen, are told the missing
/// initials at the field, hand over and find the hand-over in the list. axe checks each page.
/// </summary>
[TestFixture]
public sealed partial class GesundheitBegleitungTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffSeeTheAvailableLotsenAndHandAFamilyOverFromAPublishedOffer()
    {
        await SignInAsStaffAsync();

        await Page.GotoAsync("/gesundheit/verwaltung/angebote?status=veroeffentlicht");
        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        var angebot = await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Begleitung durch Lotsen übergeben" }).ClickAsync();
        await Expect(Heading("Begleitung durch Lotsen übergeben")).ToBeVisibleAsync();

        await Page.GetByLabel("Sprache der Familie").SelectOptionAsync(new SelectOptionValue { Label = "Arabisch" });
        await Page.GetByLabel("Kommune der Familie").SelectOptionAsync(new SelectOptionValue { Label = "Erbach" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Verfügbare Lotsen anzeigen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync(Verfuegbarkeit());
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "An die Lotsen übergeben" }).ClickAsync();
        await Expect(Page.GetByLabel("Initialen der Familie")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Bitte die Initialen der Familie (keinen Namen) angeben.").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("Initialen der Familie").FillAsync("R. S.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "An die Lotsen übergeben" }).ClickAsync();
        await Expect(Heading("Begleitung durch Lotsen")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Die Begleitung wurde an die Lotsen übergeben.")).ToBeVisibleAsync();
        var liste = Page.GetByRole(AriaRole.Region, new() { Name = "Übergaben an die Lotsen, neueste zuerst" });
        await Expect(liste).ToContainTextAsync("Arabisch");
        await Expect(liste).ToContainTextAsync(angebot.Trim());
        await SaveScreenshotAsync("gesundheit-begleitung-liste");
        await AssertNoSeriousViolationsAsync();
    }

    [GeneratedRegex(@"(Lotsinnen und Lotsen sprechen|Lotsin oder Lotse spricht|keine aktive Lotsin) ")]
    private static partial Regex Verfuegbarkeit();
}
