using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>Keyboard use: the skip link comes first and takes the focus past the header to the content of the same page.</summary>
[TestFixture]
public sealed class KeyboardTests : BrowserTest
{
    [TestCase(false, "/account/login", "Anmelden")]
    [TestCase(true, "/admin/modules", "Module")]
    public async Task SkipLinkIsTheFirstTabStopAndMovesFocusToMain(bool signedIn, string path, string heading)
    {
        if (signedIn)
        {
            await SignInAsAdminAsync();
        }

        await Page.GotoAsync(path);
        await Expect(Heading(heading)).ToBeVisibleAsync();

        await Page.Keyboard.PressAsync("Tab");
        var skipLink = Page.GetByRole(AriaRole.Link, new() { Name = "Zum Inhalt springen", Exact = true });
        await Expect(skipLink).ToBeFocusedAsync();
        await Expect(skipLink).ToBeInViewportAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page).ToHaveURLAsync(Host.Url(path + "#inhalt"));
        await Expect(Heading(heading)).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await Expect(skipLink).Not.ToBeInViewportAsync();
    }
}
