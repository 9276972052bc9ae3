using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// Lotsinnen read their assignments on a phone: at 375 px the list stands as cards, nothing is cut off or
/// scrolled sideways, and the list leaves out the Lotse column that would only repeat her own name. Staff at
/// a desk still see who is assigned.
/// </summary>
[TestFixture]
public sealed class LotsenEinsatzlisteTests : BrowserTest
{
    private const string Liste = "Einsätze, neueste Termine zuerst";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Modules:Lotsen:Enabled"] = "true" };

    [Test]
    public async Task ALotsinReadsHerAssignmentsOnAPhoneWithoutScrollingSidewaysOrHerOwnName()
    {
        await SignInAsync("lotsin", "Demo-Lotsin-2026");
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync("/lotsen/einsaetze");

        await Expect(Heading("Meine Einsätze")).ToBeVisibleAsync();
        var tabelle = Page.GetByRole(AriaRole.Table, new() { Name = Liste });
        await Expect(tabelle.GetByRole(AriaRole.Rowheader).First).ToBeVisibleAsync();
        await Expect(tabelle.GetByRole(AriaRole.Columnheader, new() { Name = "Termin", Exact = true })).ToHaveCountAsync(1);
        await Expect(tabelle.GetByRole(AriaRole.Columnheader, new() { Name = "Lotse", Exact = true })).ToHaveCountAsync(0);
        await Expect(tabelle).Not.ToContainTextAsync("Samira Haddad");

        var ueberstand = await Page.EvaluateAsync<int[]>("""
            () => [document.documentElement, ...document.querySelectorAll('.table-wrap')].map(e => e.scrollWidth - e.clientWidth)
            """);
        Assert.That(ueberstand, Has.All.LessThanOrEqualTo(0), "Die Seite oder die Liste lässt sich auf 375 px seitlich scrollen.");
        await SaveScreenshotAsync("lotsen-einsaetze-375");
        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task StaffAtADeskSeeTheAssignmentsAsATableWithTheLotse()
    {
        await SignInAsStaffAsync();
        await Page.GotoAsync("/lotsen/einsaetze");

        var tabelle = Page.GetByRole(AriaRole.Table, new() { Name = Liste });
        await Expect(tabelle.GetByRole(AriaRole.Columnheader, new() { Name = "Lotse", Exact = true })).ToBeVisibleAsync();
        await Expect(tabelle.GetByRole(AriaRole.Columnheader, new() { Name = "Termin", Exact = true })).ToBeVisibleAsync();
        await SaveScreenshotAsync("lotsen-einsaetze-desktop");
        await AssertNoSeriousViolationsAsync();
    }
}
