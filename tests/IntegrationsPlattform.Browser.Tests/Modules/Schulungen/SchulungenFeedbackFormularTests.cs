using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>The public feedback form behind a participant's personal link, in Farsi (right to left); axe on the form and the thanks.</summary>
[TestFixture]
public sealed class SchulungenFeedbackFormularTests : ModuleBrowserTest
{
    [Test]
    public async Task A_participant_answers_the_form_in_Farsi_right_to_left()
    {
        var datenbank = Host.ModuleDatabase("Schulungen");
        var termin = SchulungenTestdaten.GestrigerTermin(datenbank, Host.Clock, "trainerin-feedback-fa", ("Aylin", "Demir"));
        var token = SchulungenTestdaten.FeedbackLink(datenbank, Host.Clock, termin);

        await Page.GotoAsync($"/schulungen/feedback/{token}?lang=fa");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "بازخورد درباره دوره آموزشی" })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Page.GetByRole(AriaRole.Button, new() { Name = "ارسال بازخورد" }).ClickAsync();
        await Expect(Page.GetByText("لطفاً برداشت کلی را ارزیابی کنید (۱ تا ۵).").First).ToBeVisibleAsync();
        await SaveScreenshotAsync("schulungen-feedback-fa");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Group, new() { Name = "برداشت کلی" }).GetByLabel("5 – بسیار خوب").CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "ارسال بازخورد" }).ClickAsync();
        await Expect(Page.GetByText("از بازخورد شما بسیار سپاسگزاریم!")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
    }
}
