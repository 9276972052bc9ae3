using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Lotsen;

/// <summary>
/// The calendar page with the Lotsin's assignments: reached from the navigation, the month as a table and as a list,
/// switched with the keyboard alone, readable on a 375 px phone without scrolling sideways, and the subscription of her
/// personal feed made and revoked on its page. axe checks each state.
/// </summary>
[TestFixture]
public sealed class LotsenKalenderTests : ModuleBrowserTest
{
    /// <summary>The month (<c>yyyy-MM</c>, Berlin time) and topic of one of the demo Lotsin's assignments.</summary>
    private (string Monat, DateOnly Tag) EinsatzDerLotsin()
    {
        using var connection = new SqliteConnection($"Data Source={Host.ModuleDatabase("Lotsen")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT e.beginn FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id WHERE l.benutzername = 'lotsin' ORDER BY e.beginn LIMIT 1";
        var beginn = DateTimeOffset.Parse((string)command.ExecuteScalar()!, CultureInfo.InvariantCulture);
        var tag = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(beginn, TestClock.Berlin).DateTime);
        return (tag.ToString("yyyy-MM", CultureInfo.InvariantCulture), tag);
    }

    private static string Langer(DateOnly tag) => tag.ToString("dddd, d. MMMM yyyy", CultureInfo.GetCultureInfo("de-DE"));

    [Test]
    public async Task TheLotsinSeesHerAssignmentsByMonthAndAsAListWithTheKeyboardAlone()
    {
        var (monat, tag) = EinsatzDerLotsin();
        await SignInAsync("lotsin", "Demo-Lotsin-2026");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Kalender", Exact = true }).ClickAsync();
        await Expect(Heading("Kalender")).ToBeVisibleAsync();
        await Page.GotoAsync($"/kalender?monat={monat}");

        var monatsName = tag.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("de-DE"));
        var tabelle = Page.GetByRole(AriaRole.Table, new() { Name = monatsName });
        await Expect(tabelle).ToBeVisibleAsync();
        await Expect(tabelle.GetByRole(AriaRole.Columnheader)).ToHaveCountAsync(7);
        var zelle = tabelle.GetByRole(AriaRole.Cell).Filter(new() { HasText = Langer(tag) });
        await Expect(zelle.GetByRole(AriaRole.Link).Filter(new() { HasText = "Lotseneinsatz: " }).First).ToBeVisibleAsync();
        await SaveScreenshotAsync("kalender-monat");
        await AssertNoSeriousViolationsAsync();

        // To the list with Tab and Enter only.
        var liste = Page.GetByRole(AriaRole.Link, new() { Name = "Liste", Exact = true });
        for (var i = 0; i < 40 && !await liste.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("ansicht=liste"));
        await Expect(Heading(monatsName, level: 2)).ToBeVisibleAsync();
        var eintrag = Page.GetByRole(AriaRole.Region, new() { Name = Langer(tag) }).GetByRole(AriaRole.Link).Filter(new() { HasText = "Lotseneinsatz: " }).First;
        await Expect(eintrag).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Liste", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await SaveScreenshotAsync("kalender-liste");
        await AssertNoSeriousViolationsAsync();

        // Only the assignments; the filter stays chosen in the next month, too.
        await Page.GetByLabel("Art der Termine").SelectOptionAsync(new SelectOptionValue { Label = "Lotseneinsätze" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kategorie=lotsen.einsatz"));
        await Expect(eintrag).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = tag.AddMonths(1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("de-DE")) }).ClickAsync();
        await Expect(Page.GetByLabel("Art der Termine")).ToHaveValueAsync("lotsen.einsatz");
        await Page.GoBackAsync();

        // The entry leads to the assignment.
        await eintrag.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/lotsen/einsaetze/"));
    }

    [Test]
    public async Task OnAPhoneTheMonthShowsItsDaysWithEntriesOneBelowTheOther()
    {
        var (monat, tag) = EinsatzDerLotsin();
        await SignInAsync("lotsin", "Demo-Lotsin-2026");
        await Page.SetViewportSizeAsync(375, 812);
        await Page.GotoAsync($"/kalender?monat={monat}");

        await Expect(Page.GetByText(Langer(tag), new() { Exact = false }).First).ToBeVisibleAsync();
        var ueberstand = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(ueberstand, Is.LessThanOrEqualTo(0), "Die Kalenderseite lässt sich auf 375 px seitlich scrollen.");
        await SaveScreenshotAsync("kalender-375");
        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task StaffMakeTheirSubscriptionAddressOnceAndRevokeIt()
    {
        await SignInAsStaffAsync();
        await Page.GotoAsync("/kalender");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Abo-Adresse verwalten" }).ClickAsync();
        await Expect(Heading("Persönlichen Kalender abonnieren")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abo-Adresse erzeugen" }).ClickAsync();

        var adresse = await Page.Locator("#abo-adresse").InnerTextAsync();
        Assert.That(adresse, Does.Contain("/kalender/persoenlich/").And.EndWith(".ics"));
        var feed = await Page.APIRequest.GetAsync(adresse);
        Assert.That(await feed.TextAsync(), Does.StartWith("BEGIN:VCALENDAR"));
        await SaveScreenshotAsync("kalender-abo");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Abo-Adresse widerrufen" }).ClickAsync();
        await Expect(Page.GetByText("Die Abo-Adresse ist widerrufen.")).ToBeVisibleAsync();
        var danach = await Page.APIRequest.GetAsync(adresse);
        Assert.That(danach.Status, Is.EqualTo(404));
    }
}
