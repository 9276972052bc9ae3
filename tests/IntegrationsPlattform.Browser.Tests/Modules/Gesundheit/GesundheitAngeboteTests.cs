using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// The offers' main workflow in a real browser: the demo practice (<c>praxis</c>) changes one of its published offers,
/// the change waits for review while the public keeps the reviewed version, and staff approve it. axe checks each page
/// with data.
/// </summary>
[TestFixture]
public sealed class GesundheitAngeboteTests : ModuleBrowserTest
{
    [Test]
    public async Task A_providers_change_to_a_published_offer_is_published_after_staff_review_it()
    {
        await SignInAsync("praxis", "Demo-Praxis-2026");
        await Page.GotoAsync("/gesundheit");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Angebote", Exact = true }).ClickAsync();
        await Expect(Heading("Angebote")).ToBeVisibleAsync();
        await Page.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "veröffentlicht" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtern", Exact = true }).ClickAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("gesundheit-angebote-praxis");

        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        var pfad = new Uri(Page.Url).AbsolutePath;
        var alterTitel = await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Angebot bearbeiten", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("Ihre Änderung wartet auf Prüfung")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        // A reversed age range first: the message stands at the field, nothing is saved.
        await Page.GetByLabel("ab (Monate)").FillAsync("48");
        await Page.GetByLabel("bis (Monate)").FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await Expect(Page.GetByLabel("bis (Monate)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Page.GetByText("Das Alter „bis“ (1 Jahr) liegt vor dem Alter „ab“ (4 Jahre).").First).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("ab (Monate)").FillAsync("0");
        await Page.GetByLabel("bis (Monate)").FillAsync("72");
        await Page.GetByLabel("Titel (deutsch)").FillAsync("Vorsorge mit Dolmetscherin");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Änderungen speichern" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("wartet auf Prüfung");
        await Expect(Heading("Vorsorge mit Dolmetscherin")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Veröffentlichte Fassung", Exact = false })).ToBeVisibleAsync();
        await Expect(Page.GetByText(alterTitel, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Änderung prüfen" })).ToHaveCountAsync(0);
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("gesundheit-aenderung-wartet");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();
        await SignInAsStaffAsync();
        await Page.GotoAsync(pfad);
        await Expect(Heading("Änderung prüfen", 2)).ToBeVisibleAsync();
        await Page.GetByLabel("freigeben (veröffentlichen)").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();
        await Expect(Page.GetByText("Bitte bestätigen Sie die Prüfung.")).ToBeVisibleAsync();
        await Page.GetByLabel("freigeben (veröffentlichen)").CheckAsync();
        await Page.GetByLabel("Ich habe die Angaben geprüft.").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entscheidung speichern" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Prüfung wurde gespeichert.");
        await Expect(Page.Locator("dl.facts").First).Not.ToContainTextAsync("Änderung wartet auf Prüfung");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Veröffentlichte Fassung", Exact = false })).ToHaveCountAsync(0);
        await Expect(Heading("Vorsorge mit Dolmetscherin")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("gesundheit-freigegeben");
    }
}
