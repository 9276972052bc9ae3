using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// A public form with double opt-in as a visitor who reads Arabic uses it: right to left, by the Arabic labels, the
/// mailed link, and no serious accessibility findings on the form or the confirmation page.
/// </summary>
[TestFixture]
public sealed class PublicFormTests : BrowserTest
{
    [Test]
    public async Task AVisitorRegistersInArabicAndConfirmsFromTheMail()
    {
        await Page.GotoAsync("/beispiel/anmeldung?lang=ar");
        await AssertLanguageAsync("ar", "rtl");
        await Expect(Heading("التسجيل في البرنامج التجريبي")).ToBeVisibleAsync();
        await Expect(Page.Locator(".privacy-notice")).ToHaveAttributeAsync("lang", "de");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("الاسم", new() { Exact = true }).FillAsync("أمل حداد");
        await Page.GetByLabel("عنوان البريد الإلكتروني", new() { Exact = true }).FillAsync("amal.haddad@beispiel.invalid");
        await Page.GetByLabel("مكان السكن", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Erbach" });
        await SaveScreenshotAsync("oeffentliches-formular-ar");
        await Page.GetByRole(AriaRole.Button, new() { Name = "تسجيل", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("اقتربت من النهاية: يرجى فتح الرابط في الرسالة التي أرسلناها إليك للتو.");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync(Host.ConfirmationLink("amal.haddad@beispiel.invalid"));
        await AssertLanguageAsync("ar", "rtl");
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("شكرًا لك! تم تأكيد بياناتك.");
        await SaveScreenshotAsync("oeffentliche-bestaetigung-ar");
        await AssertNoSeriousViolationsAsync();
    }

    private async Task AssertLanguageAsync(string lang, string direction)
    {
        var html = Page.Locator("html");
        await Expect(html).ToHaveAttributeAsync("lang", lang);
        await Expect(html).ToHaveAttributeAsync("dir", direction);
    }
}
