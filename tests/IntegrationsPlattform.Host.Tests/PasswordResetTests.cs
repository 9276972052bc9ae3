using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dapper;
using IntegrationsPlattform.Host.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// „Passwort vergessen“ through the pages: a single-use, expiring link by mail to the account's address, the same answer
/// for an address without an account, a rate limit per address, and the audit trail.
/// </summary>
[TestFixture]
public sealed partial class PasswordResetTests
{
    private PlatformHost _host = null!;
    private int _sequence;

    [OneTimeSetUp]
    public void StartHost() => _host = new PlatformHost();

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    /// <summary>Every test starts in an hour of its own: the rate limit counts the last hour.</summary>
    [SetUp]
    public void NextHour() => _host.Clock.Advance(TimeSpan.FromMinutes(61));

    private HttpClient Visitor() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An account with an e-mail address, made through the admin API; returns its user name and address.</summary>
    private async Task<(string UserName, string Email)> AccountAsync()
    {
        var n = Interlocked.Increment(ref _sequence);
        var (userName, email) = ($"vergesslich{n}", $"Vergesslich{n}@Beispiel.invalid");
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var created = await admin.PostAsJsonAsync("/api/admin/users", new { userName, displayName = "Vera Vergesslich", email, password = "Altes-Passwort-1", roles = Array.Empty<string>() });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (userName, email);
    }

    private static async Task<string> RequestAsync(HttpClient visitor, string email)
    {
        using var response = await PageForms.SubmitAsync(visitor, "/passwort-vergessen", "passwort-vergessen", ("Input.Email", email));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return Alert().Match(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync())).Value;
    }

    private static Task<HttpResponseMessage> ResetAsync(HttpClient visitor, string link, string password)
        => PageForms.SubmitAsync(visitor, link, "passwort-zuruecksetzen", ("Input.Password", password), ("Input.PasswordRepeat", password));

    private async Task<bool> CanSignInAsync(string userName, string password)
    {
        using var client = _host.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Test]
    public async Task TheMailedLinkSetsANewPasswordOnce()
    {
        var (userName, email) = await AccountAsync();
        using var visitor = Visitor();
        var login = await PageForms.TextAsync(visitor, "/account/login");
        var answer = await RequestAsync(visitor, email.ToUpperInvariant());
        var mail = _host.MailsTo(email).Single();
        var link = _host.LinkInLastMail(email, "/passwort-zuruecksetzen/");
        using var reset = await ResetAsync(visitor, link, "Neues-Passwort-2");
        var again = await PageForms.TextAsync(visitor, link);
        Assert.Multiple(async () =>
        {
            Assert.That(login, Does.Contain("href=\"/passwort-vergessen\""), "the login page links to the reset");
            Assert.That(answer, Does.Contain("Wenn zu dieser Adresse ein aktives Konto gehört"));
            Assert.That(mail.TextBody, Does.Contain($"für das Konto „{userName}“").And.Contain("gilt 60 Minuten und nur einmal"));
            Assert.That(PageForms.RedirectTarget(reset), Is.EqualTo("/account/login?hinweis=passwort-neu"));
            Assert.That(await CanSignInAsync(userName, "Neues-Passwort-2"), Is.True);
            Assert.That(await CanSignInAsync(userName, "Altes-Passwort-1"), Is.False);
            Assert.That(again, Does.Contain("Dieser Link wurde bereits verwendet"));
        });
    }

    [Test]
    public async Task AnAddressWithoutAnAccountGetsTheSameAnswerAndNoMail()
    {
        var (_, email) = await AccountAsync();
        const string Unknown = "niemand@beispiel.invalid";
        var known = await RequestAsync(Visitor(), email);
        var unknown = await RequestAsync(Visitor(), Unknown);
        Assert.Multiple(() =>
        {
            Assert.That(unknown, Is.EqualTo(known).And.Not.Empty);
            Assert.That(_host.MailsTo(Unknown), Is.Empty);
        });
    }

    [Test]
    public async Task AnExpiredLinkIsRefusedAndTheOldPasswordStays()
    {
        var (userName, email) = await AccountAsync();
        await RequestAsync(Visitor(), email);
        var link = _host.LinkInLastMail(email, "/passwort-zuruecksetzen/");
        _host.Clock.Advance(TimeSpan.FromMinutes(61));
        var page = await PageForms.TextAsync(Visitor(), link);
        Assert.Multiple(async () =>
        {
            Assert.That(page, Does.Contain("Dieser Link ist abgelaufen").And.Not.Contain("Passwort speichern"));
            Assert.That(await CanSignInAsync(userName, "Altes-Passwort-1"), Is.True);
        });
    }

    [Test]
    public async Task AnAddressGetsAtMostThreeMailsAnHourAndTheAnswerStaysTheSame()
    {
        var (_, email) = await AccountAsync();
        var answers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await RequestAsync(Visitor(), email));
        }

        Assert.Multiple(() =>
        {
            Assert.That(answers.Distinct().Count(), Is.EqualTo(1));
            Assert.That(_host.MailsTo(email), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task RequestAndResetAreAudited()
    {
        var (userName, email) = await AccountAsync();
        await RequestAsync(Visitor(), email);
        using var reset = await ResetAsync(Visitor(), _host.LinkInLastMail(email, "/passwort-zuruecksetzen/"), "Neues-Passwort-3");
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")}");
        var userId = connection.ExecuteScalar<string>("SELECT id FROM users WHERE user_name = @userName", new { userName });
        var details = connection.Query<string>("SELECT details FROM audit_log WHERE record_type = 'Benutzerkonto' AND record_id = @userId ORDER BY at", new { userId }).ToList();
        Assert.That(details, Is.EqualTo(new[] { "Link zum Zurücksetzen des Passworts verschickt", "Passwort über den Link aus der E-Mail neu gesetzt" }));
    }

    [TestCase(null, "2026-11-18T10:00:00.0000001+00:00", ExpectedResult = "Valid")]
    [TestCase(null, "2026-11-18T10:00:00.0000000+00:00", ExpectedResult = "Expired")]
    [TestCase("2026-11-18T09:00:00.0000000+00:00", "2026-11-18T11:00:00.0000000+00:00", ExpectedResult = "Used")]
    [TestCase(null, null, ExpectedResult = "Unknown")]
    public string ALinkIsValidUntilItsExpiryOnTheHostsClockAndOnlyOnce(string? usedAt, string? expiresAt)
        => AccountLinks.StateOf(usedAt, expiresAt, new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero)).ToString();

    [GeneratedRegex("<div class=\"alert[^\"]*\" role=\"(?:status|alert)\">[^<]*</div>")]
    private static partial Regex Alert();
}
