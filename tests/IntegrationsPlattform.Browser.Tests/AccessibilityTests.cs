using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// axe-core on the main pages, each in a realistic state. Serious and critical findings fail the
/// test with the rule ids and the elements; minor and moderate ones are written to the test output.
/// </summary>
[TestFixture]
public sealed class AccessibilityTests : BrowserTest
{
    [Test]
    public async Task LoginPageEmptyAndWithFieldErrors()
    {
        await Page.GotoAsync("/account/login");
        await Expect(Heading("Anmelden")).ToBeVisibleAsync();
        await AssertAriaReferencesResolveAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(Page.GetByLabel("Benutzername", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Bitte den Benutzernamen angeben.");
        await Expect(Page.GetByLabel("Passwort", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Bitte das Passwort angeben.");
        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task Dashboard()
    {
        await SignInAsAdminAsync();
        await Expect(Heading("Integration und Teilhabe im Odenwaldkreis")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task AdminModules()
    {
        await SignInAsAdminAsync();
        await Page.GotoAsync("/admin/modules");
        await Expect(Heading("Module")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task BeispielWithEntries()
    {
        await SignInAsStaffAsync();
        var beispiel = new BeispielPage(Page);
        await beispiel.OpenAsync();
        await beispiel.CreateAsync("Elterncafé", "Erbach");
        await beispiel.CreateAsync("Sprachkurs", "Michelstadt");
        await Expect(beispiel.Eintraege).ToHaveAccessibleNameAsync("Einträge (2)");
        await AssertNoSeriousViolationsAsync();
    }

    /// <summary>320 CSS px (WCAG 1.4.10 reflow): the page does not scroll sideways.</summary>
    [TestCase("/", "Integration und Teilhabe im Odenwaldkreis")]
    [TestCase("/admin/modules", "Module")]
    public async Task NarrowScreenNeedsNoSidewaysScrolling(string path, string heading)
    {
        await SignInAsAdminAsync();
        await Page.SetViewportSizeAsync(320, 640);
        await Page.GotoAsync(path);
        await Expect(Heading(heading)).ToBeVisibleAsync();

        var pageWidth = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.That(pageWidth, Is.LessThanOrEqualTo(320), $"{path} scrollt bei 320 px seitlich");
    }

    /// <summary>On a narrow screen the modules table scrolls inside its own region, which keyboard users must reach.</summary>
    [Test]
    public async Task AdminModulesOnNarrowScreen()
    {
        await SignInAsAdminAsync();
        await Page.SetViewportSizeAsync(320, 640);
        await Page.GotoAsync("/admin/modules");
        var region = Page.GetByRole(AriaRole.Region, new() { Name = "Module mit Zustand, Version und Datenbank" });
        await Expect(region).ToBeVisibleAsync();
        Assert.That(await region.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), Is.True, "die Tabelle sollte hier seitlich scrollen");
        await AssertNoSeriousViolationsAsync();
    }
}
