using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// Staff invite a trainer of the demo data to her own account from the trainers' page, without JavaScript-only
/// controls; axe checks the list before and after.
/// </summary>
[TestFixture]
public sealed class SchulungenTrainerTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffInviteATrainerToHerAccountFromTheTrainersPageAccessibly()
    {
        await SignInAsStaffAsync();
        await Page.GotoAsync("/schulungen");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Trainerinnen und Trainer" }).ClickAsync();
        await Expect(Heading("Trainerinnen und Trainer")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Tanja Demir" })).ToContainTextAsync("mit Konto");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Tanja Demir zum Konto einladen" })).ToHaveCountAsync(0);
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Jonas Albrecht zum Konto einladen" }).ClickAsync();
        await Expect(Page.GetByText("Die Einladung ist per E-Mail verschickt.", new() { Exact = false })).ToBeVisibleAsync();
        await SaveScreenshotAsync("schulungen-trainer");
        await AssertNoSeriousViolationsAsync();
        await Host.DeliverOutboxAsync();
        Assert.That(Host.LinkInLastMail("j.albrecht@trainings.example.invalid", "/einladung/"), Does.StartWith("/einladung/"));
    }
}
