using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// Accounts by e-mail link as people use them: an admin invites a working group's new member, who sets a password from
/// the mail and signs in; a person who forgot the password resets it from the login page. No serious accessibility
/// findings on any of these pages.
/// </summary>
[TestFixture]
public sealed class AccountLinkTests : BrowserTest
{
    [Test]
    public async Task AnInvitedMemberSetsAPasswordFromTheMailAndSignsIn()
    {
        await SignInAsAdminAsync();
        await Page.GotoAsync("/admin");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Person einladen", Exact = true }).ClickAsync();
        await Expect(Heading("Person einladen")).ToBeVisibleAsync();
        await Page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync("neues.mitglied@beispiel.invalid");
        await Page.GetByLabel("Name der Person", new() { Exact = true }).FillAsync("Nora Neu");
        await Page.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Arbeitskreis-Mitglied" });
        await Page.GetByLabel("Bereich", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "bestimmte Gruppen" });
        await Page.GetByLabel("Arbeitskreis Sport (Arbeitskreis)", new() { Exact = true }).CheckAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("einladung-verschicken");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Einladung verschicken", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Einladung ist verschickt. Der Link in der E-Mail gilt nur einmal.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();

        await Page.GotoAsync(Host.LinkInLastMail("neues.mitglied@beispiel.invalid", "/einladung/"));
        await Expect(Heading("Einladung annehmen")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Sie sind eingeladen als Arbeitskreis-Mitglied", new() { Exact = false })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByLabel("Benutzername", new() { Exact = true }).FillAsync("nora.neu");
        await Page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("Nora-Neu-2026");
        await Page.GetByLabel("Passwort wiederholen", new() { Exact = true }).FillAsync("Nora-Neu-2027");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#passwordRepeat-fehler")).ToHaveTextAsync("Die beiden Passwörter stimmen nicht überein.");
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("einladung-annehmen-fehler");
        await Page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("Nora-Neu-2026");
        await Page.GetByLabel("Passwort wiederholen", new() { Exact = true }).FillAsync("Nora-Neu-2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Konto anlegen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ihr Konto ist angelegt. Bitte melden Sie sich mit Ihrem Benutzernamen und Passwort an.");

        await SignInThroughFormAsync("nora.neu", "Nora-Neu-2026");
        await Expect(Page.GetByText("Nora Neu", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Test]
    public async Task APersonWhoForgotThePasswordSetsANewOneFromTheLoginPage()
    {
        await SignInAsAdminAsync();
        await Page.GotoAsync("/admin/users");
        await Page.GetByLabel("Benutzername", new() { Exact = true }).FillAsync("vergesslich");
        await Page.GetByLabel("Name", new() { Exact = true }).FillAsync("Vera Vergesslich");
        await Page.GetByLabel("E-Mail (freiwillig)", new() { Exact = true }).FillAsync("vera@beispiel.invalid");
        await Page.GetByLabel("Erstes Passwort", new() { Exact = true }).FillAsync("Vergessen-2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Benutzer anlegen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("wurde angelegt");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true }).ClickAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?", Exact = true }).ClickAsync();
        await Expect(Heading("Passwort vergessen")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await Page.GetByLabel("E-Mail-Adresse", new() { Exact = true }).FillAsync("vera@beispiel.invalid");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Wenn zu dieser Adresse ein aktives Konto gehört");
        await SaveScreenshotAsync("passwort-vergessen-verschickt");

        await Page.GotoAsync(Host.LinkInLastMail("vera@beispiel.invalid", "/passwort-zuruecksetzen/"));
        await Expect(Heading("Neues Passwort festlegen")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("passwort-zuruecksetzen");
        await Page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Erinnert-2026");
        await Page.GetByLabel("Neues Passwort wiederholen", new() { Exact = true }).FillAsync("Erinnert-2026");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Ihr neues Passwort ist gespeichert. Bitte melden Sie sich damit an.");
        await SignInThroughFormAsync("vergesslich", "Erinnert-2026");
    }
}
