using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// Outreach in a real browser, as staff use it: plan a campaign, record a hand-out for it (first without a count),
/// start the campaign after confirming, then the figures per municipality with their chart and tables beside the demo
/// data. axe checks each page.
/// </summary>
[TestFixture]
public sealed class GesundheitOeffentlichkeitsarbeitTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffPlanACampaignRecordAHandOutStartItAndSeeTheFigures()
    {
        await SignInAsStaffAsync();

        await Page.GotoAsync("/gesundheit");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Kampagnen", Exact = true }).ClickAsync();
        await Expect(Heading("Kampagnen")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neue Kampagne anlegen" }).ClickAsync();
        await Page.GetByLabel("Titel").FillAsync("Sehtest-Woche in den Kitas");
        await Page.GetByLabel("Beginn").FillAsync(Host.Clock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Reichelsheim (Odenwald)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Kampagne anlegen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Kampagne wurde angelegt.");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Materialausgabe für diese Kampagne erfassen" }).ClickAsync();
        await Page.GetByLabel("Material", new() { Exact = true }).FillAsync("Elternbrief Sehtest");
        await Page.GetByLabel("Arabisch", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Art der Einrichtung").SelectOptionAsync(new SelectOptionValue { Label = "Kita" });
        await Page.GetByLabel("Name der Einrichtung").FillAsync("Kita Pusteblume");
        await Page.GetByLabel("Kommune", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Reichelsheim (Odenwald)" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Materialausgabe erfassen" }).ClickAsync();
        await Expect(Page.GetByLabel("Anzahl (Stück)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Bitte die Anzahl angeben.").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("Anzahl (Stück)").FillAsync("85");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Materialausgabe erfassen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Materialausgabe wurde erfasst.");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Materialausgaben dieser Kampagne, neueste zuerst" })).ToContainTextAsync("Kita Pusteblume");

        await Page.GetByLabel("Neuer Status").SelectOptionAsync(new SelectOptionValue { Label = "läuft" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Status ändern" }).ClickAsync();
        await Expect(Page.GetByText("Bitte bestätigen Sie den Statuswechsel.").First).ToBeVisibleAsync();
        await Page.GetByLabel("Neuer Status").SelectOptionAsync(new SelectOptionValue { Label = "läuft" });
        await Page.GetByRole(AriaRole.Checkbox).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Status ändern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Status der Kampagne wurde geändert.");
        await SaveScreenshotAsync("gesundheit-kampagne");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/gesundheit/verwaltung/materialausgaben");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Materialausgaben, neueste zuerst" })).ToContainTextAsync("Kita Pusteblume");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Zahlen je Kommune" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Ausgegebene Stück je Kommune" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Ausgaben und Stück je Kommune und Art der Einrichtung" })
            .GetByRole(AriaRole.Rowheader, new() { Name = "Reichelsheim (Odenwald)" })).ToBeVisibleAsync();
        await SaveScreenshotAsync("gesundheit-oeffentlichkeitsarbeit-zahlen");
        await AssertNoSeriousViolationsAsync();
    }
}
