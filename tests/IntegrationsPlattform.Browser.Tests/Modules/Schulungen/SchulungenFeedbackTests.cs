using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// The evaluation of a course over its sessions and of one session, as staff read them: means, the charts of the
/// distributions with their tables, the free texts. Axe on both pages, populated.
/// </summary>
[TestFixture]
public sealed class SchulungenFeedbackTests : ModuleBrowserTest
{
    [Test]
    public async Task Staff_read_the_course_evaluation_and_go_on_to_the_session()
    {
        using var admin = await Host.AdminApiAsync();
        var trainerin = await TestAccounts.CreateAsync(admin, "trainerin-feedback", TestGrant.OwnRecords("schulungen.anwesenheit"));
        var datenbank = Host.ModuleDatabase("Schulungen");
        var termin = SchulungenTestdaten.GestrigerTermin(datenbank, Host.Clock, trainerin.UserName, ("Aylin", "Demir"));
        SchulungenTestdaten.Feedback(datenbank, termin, 5, 4, 4, 3, 5, 4);

        await SignInAsStaffAsync();
        // The helper's course has the session's id.
        await Page.GotoAsync($"/schulungen/kurse/{termin}/feedback");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Feedback zum Kurs: Elternarbeit in der Migrationsgesellschaft (Nachweis)" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row, new() { Name = "Gesamteindruck" }).First).ToContainTextAsync("4,2");
        await Expect(Page.GetByText("Rückmeldung 6: hilfreich für die Elternarbeit.")).ToBeVisibleAsync();
        await SaveScreenshotAsync("schulungen-kurs-feedback");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Erbach" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Feedback: Elternarbeit in der Migrationsgesellschaft (Nachweis)" })).ToBeVisibleAsync();
        await Expect(Page.GetByText("Verteilung: Praxisnutzen", new() { Exact = true })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
    }
}
