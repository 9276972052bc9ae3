using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// An admin finds a mail the host could not send on the page „Nachrichten zwischen Modulen“, reads its error and has it
/// sent again once the mail server is back — by keyboard-reachable links and buttons, without serious accessibility findings.
/// </summary>
[TestFixture]
public sealed class AdminMessagesTests : BrowserTest
{
    private const string Email = "zurueckgestellt@beispiel.invalid";

    // A file where the pickup folder should be: the "mail server" refuses every mail until the test removes it.
    private readonly string _blockedMailFolder = Path.Combine(Path.GetTempPath(), $"ip-mail-blockiert-{Guid.NewGuid():N}");

    /// <summary>
    /// The host delivers only when the test says and parks a message after its first failure; without Lotsen, whose
    /// consent reminders would be the first mails of the host's start.
    /// </summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Platform:Outbox:Paused"] = "true",
        ["Platform:Outbox:MaxAttempts"] = "1",
        ["Platform:Mail:PickupDirectory"] = _blockedMailFolder,
        ["Modules:Lotsen:Enabled"] = "false",
    };

    [OneTimeTearDown]
    public void RemoveTheMailFolder()
    {
        if (Directory.Exists(_blockedMailFolder))
        {
            Directory.Delete(_blockedMailFolder, recursive: true);
        }

        File.Delete(_blockedMailFolder);
    }

    [Test]
    public async Task AnAdminSeesAParkedMailWithItsErrorAndHasItSentAgain()
    {
        await File.WriteAllTextAsync(_blockedMailFolder, "kein Ordner");
        using (var visitor = new HttpClient { BaseAddress = Host.BaseAddress })
        {
            using var registered = await PageForms.SubmitAsync(visitor, "/beispiel/anmeldung", "anmeldung", ("Input.Name", "Amal Haddad"), ("Input.Email", Email), ("Input.KommuneAgs", "06437006"));
            Assert.That(registered.IsSuccessStatusCode, Is.True);
        }

        await Host.DeliverOutboxAsync();
        await SignInAsAdminAsync();
        await Page.GotoAsync("/admin");
        await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Nachrichten zwischen Modulen", Exact = true }).ClickAsync();
        await Expect(Heading("Nachrichten zwischen Modulen")).ToBeVisibleAsync();
        var parked = Page.GetByRole(AriaRole.Table, new() { Name = "Zurückgestellte Nachrichten, älteste zuerst" });
        await Expect(parked.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(parked).ToContainTextAsync("E-Mail-Versand");
        await Expect(parked).ToContainTextAsync(_blockedMailFolder);
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("admin-nachrichten");

        await parked.GetByRole(AriaRole.Link, new() { Name = "OutgoingMail", Exact = true }).ClickAsync();
        await Expect(Heading("Nachricht OutgoingMail")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("admin-nachricht");

        File.Delete(_blockedMailFolder);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Erneut zustellen", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Nachricht wird erneut zugestellt.");
        await Host.DeliverOutboxAsync();
        await Page.ReloadAsync();
        await Expect(Page.GetByText("Keine zurückgestellten Nachrichten.")).ToBeVisibleAsync();
        Assert.That(Directory.GetFiles(_blockedMailFolder, "*.eml").Count(f => File.ReadAllText(f).Contains(Email, StringComparison.Ordinal)), Is.EqualTo(1), "the mail was sent once the admin retried it");
    }
}
