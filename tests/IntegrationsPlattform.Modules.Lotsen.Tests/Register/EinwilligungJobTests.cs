using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static IntegrationsPlattform.Modules.Lotsen.Tests.Register.LotsenApi;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>
/// The daily job "Einwilligung erneuern" run by the host's scheduler (through the admin API) on a host
/// whose clock is a test clock: time moves forward by two years without waiting.
/// </summary>
public sealed class EinwilligungJobTests
{
    private const string JobKey = "Lotsen.einwilligung";
    private PlatformHost _host = null!;
    private readonly MovableClock _clock = new() { StillTimers = true };

    [OneTimeSetUp]
    public void Start()
    {
        _host = new PlatformHost(new Dictionary<string, string?> { ["Modules:Lotsen:Enabled"] = "true" }) { Clock = _clock };
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _host.Dispose();
    }

    [Test]
    public async Task Lotsen_whose_consent_expires_soon_get_one_reminder_mail_until_they_renew()
    {
        using var staff = await ClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var heute = _clock.Today;
        var frueh = Gueltig("Frueh", "Zeynep", email: "zeynep.frueh@demo.invalid");
        frueh["einwilligungAm"] = Iso(heute.AddDays(-60));
        var ohneMail = Gueltig("Telefon", "Olga");
        ohneMail["einwilligungAm"] = Iso(heute.AddDays(-60));
        ohneMail["email"] = null;
        var spaet = Gueltig("Spaet", "Yusuf", email: "yusuf.spaet@demo.invalid");
        spaet["einwilligungAm"] = Iso(heute);
        var fruehId = await AnlegenAsync(staff, frueh);
        await AnlegenAsync(staff, ohneMail);
        await AnlegenAsync(staff, spaet);

        // 20 days before Zeynep's consent ends: inside the 30-day window; Yusuf's still has 80 days.
        // The demo Lotsen of the seeded set are reminded in the same runs: the mails are counted per address.
        _clock.Now = new DateTimeOffset(heute.AddDays(-60).AddMonths(24).AddDays(-20).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        var erster = await RunAsync();
        var mails = EigeneMails();
        var zweiter = await RunAsync();

        using var staffSpaeter = await ClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var erneuert = await staffSpaeter.PostAsJsonAsync($"/api/lotsen/lotsen/{fruehId}/einwilligung", new { am = Iso(_clock.Today) });
        var nachErneuerung = await RunAsync();

        Assert.Multiple(() =>
        {
            Assert.That(erster, Does.Match(@"^[1-9]\d* Erinnerungen? versandt$"));
            Assert.That(mails, Has.Length.EqualTo(1));
            Assert.That(mails[0], Does.Contain("To: zeynep.frueh@demo.invalid"));
            Assert.That(mails[0], Does.Contain("Einwilligung"));
            Assert.That(zweiter, Is.EqualTo("0 Erinnerungen versandt"));
            Assert.That(EigeneMails(), Has.Length.EqualTo(1), "no second mail for the same expiry");
            Assert.That(erneuert.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nachErneuerung, Is.EqualTo("0 Erinnerungen versandt"));
            using var db = new SqliteConnection($"Data Source={_host.ModuleDatabase("Lotsen")};Pooling=False");
            Assert.That(db.ExecuteScalar<long>("SELECT count(*) FROM lotsen WHERE erinnerung_am IS NOT NULL AND email LIKE '%@demo.invalid'"), Is.Zero, "renewal clears the reminder");
        });

        // The renewed consent is reminded again when its own expiry comes near, and Yusuf's now too.
        _clock.Now = _clock.Now.AddMonths(24).AddDays(-10);
        await RunAsync();
        var spaeter = EigeneMails();
        Assert.Multiple(() =>
        {
            Assert.That(spaeter.Count(m => m.Contains("To: zeynep.frueh@demo.invalid", StringComparison.Ordinal)), Is.EqualTo(2));
            Assert.That(spaeter.Count(m => m.Contains("To: yusuf.spaet@demo.invalid", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_reminder_the_mail_server_refuses_stays_recorded_and_its_mail_is_sent_once_the_server_takes_mails_again()
    {
        using var staff = await ClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var lotse = Gueltig("Ausfall", "Amir", email: "amir.ausfall@mailausfall.invalid");
        lotse["einwilligungAm"] = Iso(_clock.Today.AddDays(-60));
        var id = await AnlegenAsync(staff, lotse);
        _clock.Now = new DateTimeOffset(_clock.Today.AddDays(-60).AddMonths(24).AddDays(-20).ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);

        // A file where the pickup folder should be: the mail "server" refuses every mail until it is removed.
        // What is queued now goes out first, and the folder is moved aside in one step: deleting it file by file
        // raced with the dispatcher writing a mail into it.
        await _host.DeliverOutboxAsync();
        var mailFolder = Path.Combine(_host.DataDirectory, "mail");
        if (Directory.Exists(mailFolder))
        {
            Directory.Move(mailFolder, mailFolder + "-" + Guid.NewGuid().ToString("N"));
        }

        await File.WriteAllTextAsync(mailFolder, "kein Ordner");
        await RunAsync();
        var wartend = AusfallMailsImOutbox();
        var zweiter = await RunAsync();
        File.Delete(mailFolder);
        // Past the back-off of the refused tries on the host's clock.
        _clock.Now = _clock.Now.AddHours(1);
        await _host.DeliverOutboxAsync();

        Assert.Multiple(() =>
        {
            using var db = new SqliteConnection($"Data Source={_host.ModuleDatabase("Lotsen")};Pooling=False");
            Assert.That(db.ExecuteScalar<string?>("SELECT erinnerung_am FROM lotsen WHERE id = @id", new { id }), Is.Not.Null, "the reminder stays recorded");
            Assert.That(wartend, Is.EqualTo(1), "its mail waits in Lotsen's outbox");
            Assert.That(zweiter, Is.EqualTo("0 Erinnerungen versandt"));
            Assert.That(Mails().Count(m => m.Contains("To: amir.ausfall@mailausfall.invalid", StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(AusfallMailsImOutbox(), Is.Zero);
        });
    }

    private long AusfallMailsImOutbox()
    {
        using var db = new SqliteConnection($"Data Source={_host.ModuleDatabase("Lotsen")};Pooling=False");
        return db.ExecuteScalar<long>("SELECT count(*) FROM platform_outbox WHERE payload LIKE '%amir.ausfall@mailausfall.invalid%'");
    }

    /// <summary>The mails to this test's own Lotsen (the demo Lotsen have addresses at example.org).</summary>
    private string[] EigeneMails()
        => Mails().Where(m => m.Contains("To: zeynep.frueh@demo.invalid", StringComparison.Ordinal) || m.Contains("To: yusuf.spaet@demo.invalid", StringComparison.Ordinal)).ToArray();

    private async Task<string> RunAsync()
    {
        using var admin = await ClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var response = await admin.PostAsync($"/api/admin/jobs/{JobKey}/run", null);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), run.ToString());
        Assert.That(run.GetProperty("succeeded").GetInt64(), Is.EqualTo(1), run.ToString());
        // The reminders wait in Lotsen's outbox until the host delivers them, a moment after the job's answer.
        await _host.DeliverOutboxAsync();
        return run.GetProperty("result").GetString()!;
    }

    private string[] Mails()
    {
        var folder = Path.Combine(_host.DataDirectory, "mail");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(File.ReadAllText).ToArray() : [];
    }

    /// <summary>Tokens are bound to the (test) clock, so a client is made after each jump in time.</summary>
    private async Task<HttpClient> ClientAsync(string user, string password)
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
