using System.Net;
using Dapper;
using IntegrationsPlattform.Host.Jobs;
using IntegrationsPlattform.Host.OptIn;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The double opt-in of public forms, end to end through the Beispiel module's registration page: unconfirmed until the
/// mailed link is opened, single use, expiring, rate-limited, cleaned up by the host job.
/// </summary>
[TestFixture]
public sealed class DoubleOptInTests
{
    private const string Page = "/beispiel/anmeldung";
    private PlatformHost _host = null!;
    private int _sequence;

    [OneTimeSetUp]
    public void StartHost() => _host = new PlatformHost(new Dictionary<string, string?> { ["Platform:OptIn:PerClientPerHour"] = "6" });

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    /// <summary>Every test starts in an hour of its own: the rate limit counts the last hour, and the tests share a client.</summary>
    [SetUp]
    public void NextHour() => _host.Clock.Advance(TimeSpan.FromMinutes(61));

    private string NewAddress() => $"person{Interlocked.Increment(ref _sequence)}@beispiel.invalid";

    private HttpClient Visitor() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> RegisterAsync(HttpClient visitor, string name, string email, string kommuneAgs = "06437006", string query = "")
    {
        using var response = await PageForms.SubmitAsync(visitor, Page + query, "anmeldung", ("Input.Name", name), ("Input.Email", email), ("Input.KommuneAgs", kommuneAgs));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private long ConfirmedRegistrations(string email)
    {
        using var connection = new SqliteConnection($"Data Source={_host.ModuleDatabase("Beispiel")}");
        return connection.ExecuteScalar<long>("SELECT count(*) FROM eintraege WHERE titel = 'Anmeldung' AND person_email = @email", new { email });
    }

    private long Waiting(string email)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")}");
        return connection.ExecuteScalar<long>("SELECT count(*) FROM opt_in WHERE email = @email AND confirmed_at IS NULL", new { email });
    }

    [Test]
    public async Task AnEntryTheModuleRefusesShowsItsReasonStoresNothingAndKeepsTheLinkUsable()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        await RegisterAsync(visitor, "Amal Haddad", email);
        var first = _host.ConfirmationLink(email);
        await RegisterAsync(visitor, "Amal Haddad", email);
        var second = _host.ConfirmationLink(email);
        await PageForms.TextAsync(visitor, first);

        var refused = await PageForms.TextAsync(visitor, second);
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(refused, Does.Contain("<span lang=\"de\" dir=\"ltr\">Diese E-Mail-Adresse ist schon angemeldet.</span>"));
            Assert.That(ConfirmedRegistrations(email), Is.EqualTo(1), "the module's refusal stores nothing");
            Assert.That(Waiting(email), Is.EqualTo(1), "the refused link is not used up");
        });
    }

    [Test]
    public async Task AnEntryCountsOnlyOnceItsMailedLinkIsOpenedAndTheLinkWorksOnce()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        var sent = await RegisterAsync(visitor, "Amal Haddad", email);
        var countBeforeConfirming = ConfirmedRegistrations(email);
        var mail = _host.MailsTo(email).Single();
        var link = _host.ConfirmationLink(email);

        var confirmed = await PageForms.TextAsync(visitor, link);
        var countAfterConfirming = ConfirmedRegistrations(email);
        var again = await PageForms.TextAsync(visitor, link);
        Assert.Multiple(() =>
        {
            Assert.That(sent, Does.Contain("Bitte öffnen Sie den Link in der E-Mail"));
            Assert.That(countBeforeConfirming, Is.Zero, "unconfirmed entries do not count");
            Assert.That(mail.Subject, Is.EqualTo("Bitte bestätigen: Anmeldung zum Beispielprogramm"));
            Assert.That(mail.TextBody, Does.Contain("gilt 24 Stunden und nur einmal").And.Contain("nach 48 Stunden gelöscht"));
            Assert.That(confirmed, Does.Contain("Vielen Dank! Ihre Angaben sind bestätigt."));
            Assert.That(countAfterConfirming, Is.EqualTo(1));
            Assert.That(again, Does.Contain("Dieser Link wurde bereits verwendet"));
            Assert.That(ConfirmedRegistrations(email), Is.EqualTo(1), "a second use stores nothing");
        });
    }

    [Test]
    public async Task TheTokenIsStoredOnlyAsItsHash()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        await RegisterAsync(visitor, "Oleh Kovalenko", email);
        var token = _host.ConfirmationLink(email).Split('/', '?')[2];
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")}");
        var stored = connection.ExecuteScalar<string>("SELECT token_hash FROM opt_in WHERE email = @email", new { email });
        Assert.Multiple(() =>
        {
            Assert.That(token, Has.Length.GreaterThanOrEqualTo(40));
            Assert.That(stored, Is.Not.Null.And.Not.Contains(token));
            Assert.That(stored, Is.EqualTo(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))));
        });
    }

    [Test]
    public async Task AnExpiredLinkIsRefusedAndStoresNothing()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        await RegisterAsync(visitor, "Hamid Rahimi", email);
        var link = _host.ConfirmationLink(email);
        _host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        var page = await PageForms.TextAsync(visitor, link);
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Dieser Link ist abgelaufen."));
            Assert.That(ConfirmedRegistrations(email), Is.Zero);
        });
    }

    [Test]
    public async Task AnUnknownLinkIsRefused()
    {
        using var visitor = Visitor();
        var page = await PageForms.TextAsync(visitor, "/bestaetigung/erfunden");
        Assert.That(page, Does.Contain("Dieser Link ist ungültig oder abgelaufen."));
    }

    /// <summary>An entry whose module was switched off since it was sent cannot be stored: refused like an unknown link, never a 500.</summary>
    [Test]
    public async Task ALinkOfAModuleThatNoLongerRunsIsRefused()
    {
        const string token = "eintrag-eines-abgeschalteten-moduls";
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")}"))
        {
            connection.Execute(
                "INSERT INTO opt_in (id, kind, email, client, language, payload, token_hash, created_at, expires_at) VALUES (@id, 'Abgeschaltet.anmeldung', 'x@beispiel.invalid', '', 'de', '{}', @hash, @now, @expires)",
                new { id = Guid.NewGuid().ToString(), hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))), now = _host.Clock.Now.ToString("O"), expires = _host.Clock.Now.AddHours(1).ToString("O") });
        }

        using var visitor = Visitor();
        var page = await PageForms.TextAsync(visitor, "/bestaetigung/" + token);
        Assert.That(page, Does.Contain("Dieser Link ist ungültig oder abgelaufen."));
    }

    [Test]
    public async Task AnAddressGetsThreeLinksAnHourAndAClientSix()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        for (var i = 0; i < 3; i++)
        {
            await RegisterAsync(visitor, "Mehrfach " + i, email);
        }

        var fourth = await RegisterAsync(visitor, "Mehrfach 3", email);
        var others = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            others.Add(await RegisterAsync(visitor, "Andere " + i, NewAddress()));
        }

        var seventh = await RegisterAsync(visitor, "Zu viele", NewAddress());
        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(fourth, "id=\"email\""), Is.EqualTo(new[] { "Für diese E-Mail-Adresse wurden gerade zu viele Anmeldungen gesendet. Bitte versuchen Sie es in einer Stunde noch einmal." }));
            Assert.That(_host.MailsTo(email), Has.Count.EqualTo(3), "no mail for a refused entry");
            Assert.That(Waiting(email), Is.EqualTo(3));
            Assert.That(others, Has.All.Contain("Bitte öffnen Sie den Link in der E-Mail"));
            Assert.That(seventh, Does.Contain("zu viele Anmeldungen"), "six entries an hour from one client");
        });
    }

    [TestCase("", "nicht-gueltig", "06437006", "name", "Bitte geben Sie Ihren Namen an (höchstens 100 Zeichen).")]
    [TestCase("Amal", "nicht-gueltig", "06437006", "email", "Bitte geben Sie eine gültige E-Mail-Adresse an.")]
    [TestCase("Amal", "amal@beispiel.invalid", "99999999", "kommune", "Bitte wählen Sie Ihren Wohnort.")]
    public async Task BadInputIsNamedAtItsFieldAndSendsNoMail(string name, string email, string kommuneAgs, string field, string message)
    {
        using var visitor = Visitor();
        var html = await RegisterAsync(visitor, name, email, kommuneAgs);
        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(html, $"id=\"{field}\""), Is.EqualTo(new[] { message }));
            Assert.That(html, Does.Not.Contain("Bitte öffnen Sie den Link"));
            Assert.That(_host.MailsTo(email), Is.Empty);
        });
    }

    [Test]
    public async Task TheMailSpeaksTheVisitorsLanguageAndGerman()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        await RegisterAsync(visitor, "Amal Haddad", email, query: "?lang=ar");
        var mail = _host.MailsTo(email).Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.TextBody, Does.StartWith("مرحبًا"));
            Assert.That(mail.TextBody, Does.Contain("Guten Tag,"));
            Assert.That(_host.ConfirmationLink(email), Does.EndWith("?lang=ar"), "the confirmation page opens in the visitor's language");
        });
    }

    /// <summary>Before the cleanup job, an unconfirmed entry is personal data the host holds: a DSGVO request finds and erases it.</summary>
    [Test]
    public async Task ADataSubjectRequestFindsAndErasesAnUnconfirmedEntry()
    {
        using var visitor = Visitor();
        var email = NewAddress();
        await RegisterAsync(visitor, "Amal Haddad", email);
        var link = _host.ConfirmationLink(email);
        var (found, export, erased) = await HostDataSubjectRequest.FindExportAndEraseAsync(_host, email);

        var page = await PageForms.TextAsync(visitor, link);
        Assert.Multiple(() =>
        {
            Assert.That(found.Record.Summary, Does.Contain("Beispiel.anmeldung").And.Contain("unbestätigt"));
            Assert.That(export.Data.Fields["Angaben"], Does.Contain("Amal Haddad"));
            Assert.That(erased, Is.EqualTo(1));
            Assert.That(Waiting(email), Is.Zero);
            Assert.That(page, Does.Contain("Dieser Link ist ungültig oder abgelaufen."), "an erased entry can no longer be confirmed");
        });
    }

    [Test]
    public async Task TheCleanupJobDeletesUnconfirmedEntriesAfter48Hours()
    {
        using var visitor = Visitor();
        var early = NewAddress();
        var confirmedEarly = NewAddress();
        await RegisterAsync(visitor, "Früh", early);
        await RegisterAsync(visitor, "Früh bestätigt", confirmedEarly);
        await PageForms.TextAsync(visitor, _host.ConfirmationLink(confirmedEarly));
        _host.Clock.Advance(TimeSpan.FromHours(47));
        var late = NewAddress();
        await RegisterAsync(visitor, "Spät", late);
        _host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(1));

        var scheduler = _host.Services.GetRequiredService<JobScheduler>();
        var run = await scheduler.RunAsync(scheduler.Jobs.Single(j => j.Key == OptInCleanupJob.Key), CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(run.Succeeded, Is.EqualTo(1));
            Assert.That(Waiting(early), Is.Zero, "unconfirmed for more than 48 hours: deleted");
            Assert.That(Waiting(late), Is.EqualTo(1), "unconfirmed for one hour: kept");
            Assert.That(ConfirmedRegistrations(confirmedEarly), Is.EqualTo(1), "a confirmed entry belongs to the module and stays");
        });
    }
}
