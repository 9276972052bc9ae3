using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>Signing in through the form and finding the module states as an administrator.</summary>
[TestFixture]
public sealed partial class AdminFlowTests : BrowserTest
{
    [Test]
    public async Task AdminSignsInSeesTheEnabledProgrammesAndTheFailedModuleWithItsReason()
    {
        await SignInThroughFormAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

        await Expect(Heading("Integration und Teilhabe im Odenwaldkreis")).ToBeVisibleAsync();
        var programmes = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 });
        await Expect(programmes).ToHaveCountAsync(4);
        Assert.That(await programmes.AllInnerTextsAsync(), Is.EquivalentTo(new[] { "Beispielprogramm", "Gesundheitsprävention", "Integrationslotsen", "Verbraucher" }));
        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "Beispielprogramm", Exact = true })).ToContainTextAsync("Testmodul der Plattform-Tests.");
        await Expect(Page.GetByText("Probe Ruhend")).ToHaveCountAsync(0);
        await SaveScreenshotAsync("dashboard");

        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Verwaltung", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Host.Url("/admin"));
        await Expect(Heading("Verwaltung")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Module", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Host.Url("/admin/modules"));
        await Expect(Heading("Module")).ToBeVisibleAsync();

        var table = Page.GetByRole(AriaRole.Table, new() { Name = "Module mit Zustand, Version und Datenbank" });
        await Expect(StateCell(table, "Probe StartFehler (StartFehler)")).ToContainTextAsync("fehlgeschlagen");
        await Expect(StateCell(table, "Probe StartFehler (StartFehler)")).ToContainTextAsync("Absichtlicher Fehler beim Start.");
        await Expect(StateCell(table, "Beispielprogramm (Beispiel)")).ToHaveTextAsync("aktiv");
        await Expect(StateCell(table, "Probe Ruhend (Ruhend)")).ToHaveTextAsync("deaktiviert");
        await Expect(StateCell(table, "Probe FremdesSdk (FremdesSdk)")).ToContainTextAsync("abgelehnt");
        await SaveScreenshotAsync("admin-modules");
    }

    [Test]
    public async Task AdminGrantsAPermissionForAGroupTheModuleDeclares()
    {
        await SignInAsAdminAsync();
        await Page.GotoAsync("/admin/roles");
        await Page.GetByLabel("Name der Rolle").FillAsync("Arbeitskreis Sport");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Rolle anlegen", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Berechtigung erteilen (Rolle Arbeitskreis Sport)" }).ClickAsync();
        await Page.GetByLabel("Berechtigung", new() { Exact = true }).SelectOptionAsync("beispiel.lesen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Weiter", Exact = true }).ClickAsync();

        await Page.GetByLabel("bestimmte Arbeitskreise", new() { Exact = true }).CheckAsync();
        await Page.GetByRole(AriaRole.Group, new() { Name = "Arbeitskreise" }).GetByLabel("Arbeitskreis Sport", new() { Exact = true }).CheckAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("admin-erteilen-gruppen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Berechtigung erteilen", Exact = true }).ClickAsync();

        var role = Page.Locator("section[data-role='Arbeitskreis Sport']");
        await Expect(role.Locator("tr[data-permission='beispiel.lesen']")).ToContainTextAsync("bestimmte Gruppen: Arbeitskreis Sport");
    }

    [Test]
    public async Task WrongPasswordShowsTheGermanMessageAndStaysOnTheLoginPage()
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("Benutzername", new() { Exact = true }).FillAsync(PlatformHost.AdminUser);
        await Page.GetByLabel("Passwort", new() { Exact = true }).FillAsync("Falsches-Passwort-1");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Benutzername oder Passwort ist falsch, oder das Konto ist nicht aktiv.");
        await Expect(Page).ToHaveURLAsync(LoginUrl());
        await Expect(Heading("Anmelden")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })).ToHaveCountAsync(0);
    }

    /// <summary>The "Zustand" cell (badge and reason) of the row with that row header ("Name (Id)").</summary>
    private ILocator StateCell(ILocator table, string rowHeader)
        => table.GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = rowHeader, Exact = true }) })
            .GetByRole(AriaRole.Cell).First;

    [GeneratedRegex(@"/account/login(\?.*)?$")]
    private static partial Regex LoginUrl();
}
