using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// Barriers and the coverage matrix in a real browser, as staff use them: record a barrier (first with a missing
/// description), see it among the barriers without a measure, add a measure and see it leave that list; then the
/// coverage matrix with its scoped headers. axe checks each page.
/// </summary>
[TestFixture]
public sealed class GesundheitBarrierenTests : ModuleBrowserTest
{
    private const string Beschreibung = "Die Einladung zur U-Untersuchung gibt es nur auf Deutsch.";

    [Test]
    public async Task StaffRecordABarrierAddAMeasureAndSeeItLeaveTheListWithoutMeasure()
    {
        await SignInAsStaffAsync();

        await Page.GotoAsync("/gesundheit");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Barrieren und Maßnahmen", Exact = true }).ClickAsync();
        await Expect(Heading("Barrieren")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Neue Barriere erfassen" }).ClickAsync();
        await Expect(Heading("Neue Barriere")).ToBeVisibleAsync();

        await Page.GetByLabel("Art der Barriere").SelectOptionAsync(new SelectOptionValue { Label = "Sprache" });
        await Page.GetByLabel("Kommune", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Erbach" });
        await Page.GetByLabel("Sprache (bei einer Sprachbarriere)").SelectOptionAsync(new SelectOptionValue { Label = "Arabisch" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Barriere erfassen" }).ClickAsync();
        await Expect(Page.GetByLabel("Worauf Familien stoßen")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Bitte eine Beschreibung der Barriere angeben.").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("Worauf Familien stoßen").FillAsync(Beschreibung);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Barriere erfassen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Barriere wurde erfasst.");
        await Expect(Heading("Barriere: Sprache")).ToBeVisibleAsync();
        var barriere = Page.Url;

        await Page.GotoAsync("/gesundheit/verwaltung/barrieren?ohneMassnahme=true");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Barrieren ohne Maßnahme, neueste zuerst" })).ToContainTextAsync(Beschreibung);
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync(barriere);
        await Page.GetByLabel("Art der Maßnahme").SelectOptionAsync(new SelectOptionValue { Label = "übersetzter Flyer" });
        await Page.GetByLabel("Titel", new() { Exact = true }).FillAsync("Einladung auf Arabisch");
        await Page.GetByLabel("Verantwortlich").FillAsync("WIR-Vielfaltszentrum");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Maßnahme anlegen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Maßnahme wurde angelegt.");
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Maßnahmen gegen diese Barriere, älteste zuerst" })).ToContainTextAsync("Einladung auf Arabisch");
        await SaveScreenshotAsync("gesundheit-barriere-massnahme");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync("/gesundheit/verwaltung/barrieren?ohneMassnahme=true");
        await Expect(Page.GetByText(Beschreibung)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task TheCoverageMatrixNamesItsHeadersAndSaysTheGapsInWords()
    {
        await SignInAsStaffAsync();

        await Page.GotoAsync("/gesundheit/verwaltung/abdeckung?sprache=ar");
        await Expect(Heading("Abdeckung nach Sprache und Alter")).ToBeVisibleAsync();
        var tabelle = Page.GetByRole(AriaRole.Table, new() { Name = "Arabisch: Angebote je Kommune und Altersgruppe" });
        await Expect(tabelle.GetByRole(AriaRole.Columnheader, new() { Name = "Schwangerschaft" })).ToBeVisibleAsync();
        await Expect(tabelle.GetByRole(AriaRole.Rowheader, new() { Name = "Erbach" })).ToBeVisibleAsync();
        await Expect(tabelle.GetByRole(AriaRole.Row, new() { Name = "Erbach" }).GetByText("kein Angebot").First).ToBeVisibleAsync();
        await SaveScreenshotAsync("gesundheit-abdeckung");
        await AssertNoSeriousViolationsAsync();
    }
}
