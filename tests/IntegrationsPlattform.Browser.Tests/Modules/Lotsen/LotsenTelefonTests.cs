using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Lotsen;

/// <summary>
/// Coordinators register Lotsen and look them up on a phone as well as at a desk: at 375 px the Lotse form (with its
/// rows of languages and time slots) and the Lotsen search fit the screen, nothing scrolls sideways, and the fields
/// keep their labels.
/// </summary>
[TestFixture]
public sealed class LotsenTelefonTests : ModuleBrowserTest
{
    [TestCase("/lotsen/lotsen/neu", "Niveau Sprache 1", 375, TestName = "The Lotse form fits a 375 px phone")]
    [TestCase("/lotsen/lotsen/neu", "Zeitfenster 1: von", 1280, TestName = "The Lotse form at a desk")]
    [TestCase("/lotsen/lotsen?name=a", "Name", 375, TestName = "The Lotsen search fits a 375 px phone")]
    [TestCase("/lotsen/lotsen?name=a", "Qualifikation", 1280, TestName = "The Lotsen search at a desk")]
    public async Task ThePageFitsTheScreenWithEveryFieldLabelled(string adresse, string feld, int breite)
    {
        await SignInAsStaffAsync();
        await Page.SetViewportSizeAsync(breite, 900);
        await Page.GotoAsync(adresse);

        await Expect(Page.GetByLabel(feld, new() { Exact = true })).ToBeVisibleAsync();
        var ueberstand = await Page.EvaluateAsync<int[]>("""
            () => [document.documentElement, ...document.querySelectorAll('.table-wrap')].map(e => e.scrollWidth - e.clientWidth)
            """);
        Assert.That(ueberstand, Has.All.LessThanOrEqualTo(0), "Die Seite oder eine Liste lässt sich seitlich scrollen.");
        await SaveScreenshotAsync($"{adresse.Split('?')[0].Trim('/').Replace('/', '-')}-{breite}");
        await AssertNoSeriousViolationsAsync();
    }
}
