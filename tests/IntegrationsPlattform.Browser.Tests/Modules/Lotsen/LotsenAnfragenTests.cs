using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Lotsen;

/// <summary>
/// The Lotsen module's main workflow in a real browser, as staff use it: take in a request through the
/// form, look at the ranked suggestions, assign a Lotse (first outside the availability, which needs a
/// reason), and see the request matched and the assignment listed. axe checks each page with data.
/// </summary>
[TestFixture]
public sealed partial class LotsenAnfragenTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffTakeInARequestAssignASuggestedLotseAndSeeItMatched()
    {
        LotsenTestdaten.AktiverLotse(Host.ModuleDatabase("Lotsen"), "Amira", "Haddad", "ar");
        var dienstag = NaechsterDienstag();
        await SignInAsStaffAsync();

        await Page.GotoAsync("/lotsen");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Anfragen", Exact = true }).ClickAsync();
        await Expect(Heading("Anfragen")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neue Anfrage", Exact = true }).ClickAsync();
        await Expect(Heading("Neue Anfrage")).ToBeVisibleAsync();

        // First without a municipality: the message stands at the field.
        await Page.GetByLabel("Kürzel oder Pseudonym").FillAsync("M. A.");
        await Page.GetByLabel("Arabisch", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Thema", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Behörden" });
        await Page.GetByLabel("Ziel der Begleitung (freiwillig)").FillAsync("Ausländerbehörde");
        await Page.GetByLabel("Ab", new() { Exact = true }).FillAsync(dienstag.ToString("yyyy-MM-dd"));
        await Page.GetByLabel("Vermittelt durch").SelectOptionAsync(new SelectOptionValue { Label = "Jobcenter" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        var kommune = Page.GetByLabel("Kommune", new() { Exact = true });
        await Expect(kommune).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Bitte eine Kommune im Odenwaldkreis wählen.")).ToBeVisibleAsync();
        await Expect(Page.GetByLabel("Kürzel oder Pseudonym")).ToHaveValueAsync("M. A.");
        await AssertNoSeriousViolationsAsync();

        await kommune.SelectOptionAsync(new SelectOptionValue { Label = "Erbach" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Anfrage ist aufgenommen.");
        await Expect(Heading("Anfrage M. A.")).ToBeVisibleAsync();

        var vorschlag = Page.GetByRole(AriaRole.Region, new() { Name = "1. Amira Haddad" });
        await Expect(vorschlag).ToContainTextAsync("spricht Arabisch (Muttersprache)");
        await Expect(vorschlag.GetByLabel("Tag")).ToHaveValueAsync(dienstag.ToString("yyyy-MM-dd"));
        await SaveScreenshotAsync("lotsen-anfrage-vorschlaege");
        await AssertNoSeriousViolationsAsync();

        // Outside the availability (Tuesday 09:00–12:00): a warning and a reason field; by keyboard only.
        await vorschlag.GetByLabel("Beginn").FillAsync("15:00");
        await vorschlag.GetByRole(AriaRole.Button, new() { Name = "Amira Haddad einteilen" }).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        vorschlag = Page.GetByRole(AriaRole.Region, new() { Name = "1. Amira Haddad" });
        var grund = vorschlag.GetByLabel("Grund für den Termin außerhalb der Verfügbarkeit");
        await Expect(grund).ToHaveAccessibleDescriptionAsync(new Regex("außerhalb der Verfügbarkeit von Amira Haddad"));
        await SaveScreenshotAsync("lotsen-anfrage-warnung");
        await AssertNoSeriousViolationsAsync();

        await grund.FocusAsync();
        await Page.Keyboard.TypeAsync("Termin der Behörde steht fest");
        await Page.Keyboard.PressAsync("Tab");
        await Expect(vorschlag.GetByRole(AriaRole.Button, new() { Name = "Amira Haddad trotzdem einteilen" })).ToBeFocusedAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Lotse ist eingeteilt");
        var fakten = Page.Locator("dl.facts");
        await Expect(fakten.Locator(".badge").First).ToHaveTextAsync("vermittelt");
        await Expect(fakten).ToContainTextAsync("Amira Haddad");
        var einsaetze = Page.GetByRole(AriaRole.Region, new() { Name = "Einsätze dieser Anfrage" });
        await Expect(einsaetze).ToContainTextAsync($"{dienstag:dd.MM.yyyy}, 15:00 Uhr");
        await SaveScreenshotAsync("lotsen-anfrage-vermittelt");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/lotsen/anfragen");
        var liste = Page.GetByRole(AriaRole.Region, new() { Name = "Anfragen, neueste zuerst" });
        await Expect(liste.GetByRole(AriaRole.Row).Filter(new() { HasText = "M. A." })).ToContainTextAsync("vermittelt");
        await SaveScreenshotAsync("lotsen-anfragen-liste");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/lotsen/einsaetze");
        var einsatzliste = Page.GetByRole(AriaRole.Region, new() { Name = "Einsätze, neueste Termine zuerst" });
        await Expect(einsatzliste.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex(@"\bAmira Haddad\b") })).ToContainTextAsync("geplant");
        await SaveScreenshotAsync("lotsen-einsaetze-liste");
        await AssertNoSeriousViolationsAsync();

        await einsatzliste.GetByRole(AriaRole.Link, new() { Name = $"{dienstag:dd.MM.yyyy}, 15:00 Uhr" }).ClickAsync();
        await Expect(Heading($"Einsatz am {dienstag:dd.MM.yyyy}, 15:00 Uhr")).ToBeVisibleAsync();
        await SaveScreenshotAsync("lotsen-einsatz");
        await AssertNoSeriousViolationsAsync();
    }

    /// <summary>A Tuesday at least a week ahead (within the suggestions' horizon of two weeks).</summary>
    private DateOnly NaechsterDienstag()
    {
        var tag = Host.Clock.Today.AddDays(7);
        while (tag.DayOfWeek != DayOfWeek.Tuesday)
        {
            tag = tag.AddDays(1);
        }

        return tag;
    }
}
