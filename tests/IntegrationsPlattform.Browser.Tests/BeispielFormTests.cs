using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>A plugin's server-rendered form inside the host's layout: inline validation, save, list.</summary>
[TestFixture]
public sealed class BeispielFormTests : BrowserTest
{
    [Test]
    public async Task EmptyFormShowsTheInlineMessageAndAFilledOneAppearsInTheList()
    {
        await SignInAsStaffAsync();
        var beispiel = new BeispielPage(Page);
        await beispiel.OpenAsync();

        await beispiel.Speichern.ClickAsync();
        var titelField = Page.Locator(".field").Filter(new() { Has = beispiel.Titel });
        await Expect(titelField.GetByText("Bitte einen Titel angeben.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(beispiel.Titel).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(beispiel.Eintraege.GetByRole(AriaRole.Row)).ToHaveCountAsync(1);

        await beispiel.CreateAsync("Sprachcafé Erbach", "Erbach");

        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Eintrag gespeichert.");
        await Expect(beispiel.Row("Sprachcafé Erbach").GetByRole(AriaRole.Cell)).ToHaveTextAsync(new[] { "Sprachcafé Erbach", "Erbach" });
        await Expect(beispiel.Eintraege).ToHaveAccessibleNameAsync("Einträge (1)");

        // A second, empty submit from the "saved" page must not confirm a save.
        await beispiel.Speichern.ClickAsync();
        await Expect(titelField.GetByText("Bitte einen Titel angeben.", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveCountAsync(0);
        await Expect(beispiel.Eintraege).ToHaveAccessibleNameAsync("Einträge (1)");
    }
}
