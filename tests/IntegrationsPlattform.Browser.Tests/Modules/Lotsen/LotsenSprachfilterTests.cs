using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Lotsen;

/// <summary>
/// Lotsen's language filter (<c>?sprache=</c>) searches for Lotsen and requests in a language; it is not
/// the language of the page. Staff who filter by Arabic keep a German, left-to-right page with the
/// results on screen — also when the visitor's language cookie (set on the public login page) says Arabic.
/// </summary>
[TestFixture]
public sealed partial class LotsenSprachfilterTests : ModuleBrowserTest
{
    [TestCase(false, TestName = "Filtering by Arabic keeps staff pages German, without a language cookie")]
    [TestCase(true, TestName = "Filtering by Arabic keeps staff pages German, with an Arabic language cookie")]
    public async Task FilteringByArabicKeepsStaffPagesGermanWithTheResultsOnScreen(bool arabischesCookie)
    {
        // Sorted first among the Lotsen (by last name), the newest among the requests.
        var nachname = arabischesCookie ? "Aabed" : "Aaref";
        var kennung = arabischesCookie ? "S. A." : "R. A.";
        LotsenTestdaten.AktiverLotse(Host.ModuleDatabase("Lotsen"), "Rania", nachname, "ar");
        LotsenTestdaten.OffeneAnfrage(Host.ModuleDatabase("Lotsen"), kennung, "ar", Host.Clock.GetUtcNow());
        await SignInAsStaffAsync();
        if (arabischesCookie)
        {
            await Page.GotoAsync("/account/login?lang=ar");
            await ExpectPageLanguageAsync("ar", "rtl");
            await ExpectOnScreenAsync(Heading("Anmelden"));
            Assert.That((await Page.Context.CookiesAsync()).Select(c => c.Name), Does.Contain(".AspNetCore.Culture"));
        }

        await Page.GotoAsync("/lotsen/lotsen");
        await Page.GetByLabel("Sprache", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Arabisch" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Suchen", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SpracheArabisch());
        await ExpectPageLanguageAsync("de", "ltr");
        await ExpectOnScreenAsync(Page.GetByRole(AriaRole.Link, new() { Name = $"{nachname}, Rania", Exact = true }));
        await SaveScreenshotAsync("lotsen-sprachfilter-lotsen" + (arabischesCookie ? "-cookie" : ""));

        await Page.GotoAsync("/lotsen/anfragen");
        await Page.GetByLabel("Sprache", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Arabisch" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtern", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(SpracheArabisch());
        await ExpectPageLanguageAsync("de", "ltr");
        var liste = Page.GetByRole(AriaRole.Region, new() { Name = "Anfragen, neueste zuerst" });
        await ExpectOnScreenAsync(liste.GetByRole(AriaRole.Row).Filter(new() { HasText = kennung }).GetByText(kennung, new() { Exact = true }));
        await SaveScreenshotAsync("lotsen-sprachfilter-anfragen" + (arabischesCookie ? "-cookie" : ""));
    }

    private async Task ExpectPageLanguageAsync(string lang, string dir)
    {
        var html = Page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", lang);
        await Expect(html).ToHaveAttributeAsync("dir", dir);
    }

    /// <summary>
    /// Visible and within the width of the window, and the page does not scroll sideways: a page mirrored
    /// to right-to-left was wider than the window, its content pushed out of it.
    /// </summary>
    private async Task ExpectOnScreenAsync(ILocator element)
    {
        await Expect(element).ToBeVisibleAsync();
        var masse = await element.EvaluateAsync<double[]>(
            "e => { const r = e.getBoundingClientRect(); const d = document.documentElement; return [r.left, r.right, d.clientWidth, d.scrollWidth]; }");
        var (links, rechts, fensterbreite, seitenbreite) = (masse[0], masse[1], masse[2], masse[3]);
        Assert.Multiple(() =>
        {
            Assert.That(links, Is.GreaterThanOrEqualTo(0), "links aus dem Fenster geschoben");
            Assert.That(rechts, Is.LessThanOrEqualTo(fensterbreite), "rechts aus dem Fenster geschoben");
            Assert.That(seitenbreite, Is.LessThanOrEqualTo(fensterbreite), "die Seite scrollt seitwärts");
        });
    }

    [GeneratedRegex(@"[?&]sprache=ar(&|$)")]
    private static partial Regex SpracheArabisch();
}
