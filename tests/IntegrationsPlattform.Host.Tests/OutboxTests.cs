using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Host.Messaging.Outbox;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The outboxes through a running host: a notification is handled once however often it is delivered, and a mail the
/// host cannot send is parked for the admin, who sees it with its error and retries or drops it (both audited). The
/// host's own delivery is paused (<c>Platform:Outbox:Paused</c>), so each test delivers exactly when it says.
/// </summary>
[TestFixture]
public sealed class OutboxTests
{
    private PlatformHost _host = null!;
    private HttpClient _staff = null!;
    private string _blockedMailFolder = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ip-outbox-").FullName;
        // A file where the pickup folder should be: the mail "server" refuses every mail until the test removes it.
        _blockedMailFolder = Path.Combine(dataDirectory, "mail");
        await File.WriteAllTextAsync(_blockedMailFolder, "kein Ordner");
        _host = new PlatformHost(new Dictionary<string, string?> { ["Platform:Outbox:Paused"] = "true", ["Platform:Outbox:MaxAttempts"] = "2" }, dataDirectory);
        _staff = await _host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _staff.Dispose();
        _host.Dispose();
    }

    [Test]
    public async Task ANotificationDeliveredAgainAfterTheReceiversCommitIsHandledOnce()
    {
        using var created = await _staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sprachcafé", kommuneAgs = "06437004" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var stored = OutboxRows("Beispiel").Single(r => r.Payload.Contains(id!, StringComparison.Ordinal));
        var beforeDelivery = await HandledAsync(id!);

        await _host.DeliverOutboxAsync();
        var afterDelivery = await HandledAsync(id!);
        // The host died after Verbraucher committed and before Beispiel's outbox row was deleted: the row is there again.
        Restore("Beispiel", stored);
        var redelivered = await _host.DeliverOutboxAsync();
        var afterRedelivery = await HandledAsync(id!);

        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(stored.Receiver, Is.EqualTo("Verbraucher"));
            Assert.That(beforeDelivery, Is.Zero, "nothing is handled before the outbox is delivered");
            Assert.That(afterDelivery, Is.EqualTo(1));
            Assert.That(redelivered, Is.GreaterThanOrEqualTo(1), "the repeated message was taken out of the outbox");
            Assert.That(afterRedelivery, Is.EqualTo(1), "the receiver's inbox knew the message: handled once");
            Assert.That(OutboxRows("Beispiel").Where(r => r.Payload.Contains(id!, StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public async Task AParkedMailShowsOnTheAdminPageAndIsSentWhenRetried()
    {
        var email = "retry@beispiel.invalid";
        await RegisterAsync(email);
        await ParkAsync();
        using var admin = await _host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var page = await PageForms.TextAsync(admin, "/admin/nachrichten");
        var api = await AdminApiAsync();
        var parked = api.GetProperty("parked").EnumerateArray().Single(m => m.GetProperty("sender").GetString() == OutboxDispatcher.PlatformSender);
        var id = parked.GetProperty("id").GetString()!;
        var detail = await PageForms.TextAsync(admin, $"/admin/nachrichten/{id}");

        File.Delete(_blockedMailFolder);
        using var retried = await PageForms.SubmitAsync(admin, $"/admin/nachrichten/{id}", "erneut");
        var mails = _host.MailsTo(email);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("OutgoingMail").And.Contain("E-Mail-Versand").And.Contain(parked.GetProperty("lastError").GetString()));
            Assert.That(parked.GetProperty("attempts").GetInt32(), Is.EqualTo(2));
            Assert.That(detail, Does.Contain("Erneut zustellen").And.Contain("Nachricht verwerfen"));
            Assert.That(PageForms.RedirectTarget(retried), Is.EqualTo("/admin/nachrichten?status=erneut"));
            Assert.That(mails, Has.Count.EqualTo(1), "sent once the admin retried it");
            Assert.That(Audited(id), Does.Contain("Change erneut zur Zustellung freigegeben: OutgoingMail von Plattform an E-Mail-Versand"));
        });
    }

    [Test]
    public async Task AParkedMessageIsDroppedOnlyWithTheConfirmationAndTheDropIsAudited()
    {
        await RegisterAsync("drop@beispiel.invalid");
        await ParkAsync();
        var id = (await AdminApiAsync()).GetProperty("parked").EnumerateArray().Single().GetProperty("id").GetString()!;
        using var admin = await _host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

        using var unconfirmed = await PageForms.SubmitAsync(admin, $"/admin/nachrichten/{id}", "verwerfen");
        var stillParked = (await AdminApiAsync()).GetProperty("parked").GetArrayLength();
        using var dropped = await PageForms.SubmitAsync(admin, $"/admin/nachrichten/{id}", "verwerfen", ("DropInput.Confirmed", "true"));
        using var api = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var droppedAgain = await api.DeleteAsync($"/api/admin/messages/{id}");
        var refusal = PageForms.MessagesAt(WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), "verwerfen-bestaetigt");
        var parkedAfterDrop = (await AdminApiAsync()).GetProperty("parked").GetArrayLength();

        Assert.Multiple(() =>
        {
            Assert.That(refusal, Does.Contain("Bitte bestätigen Sie, dass die Nachricht verworfen wird."));
            Assert.That(stillParked, Is.EqualTo(1));
            Assert.That(PageForms.RedirectTarget(dropped), Is.EqualTo("/admin/nachrichten?status=verworfen"));
            Assert.That(parkedAfterDrop, Is.Zero);
            Assert.That(droppedAgain.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Audited(id), Does.Contain("Change verworfen, wird nicht zugestellt: OutgoingMail von Plattform an E-Mail-Versand"));
        });
    }

    /// <summary>A registration on the Beispiel module's public form: its confirmation mail goes into host.db's outbox.</summary>
    private async Task RegisterAsync(string email)
    {
        BlockMail();
        using var visitor = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PageForms.SubmitAsync(visitor, "/beispiel/anmeldung", "anmeldung", ("Input.Name", "Amal Haddad"), ("Input.Email", email), ("Input.KommuneAgs", "06437006"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>A file where the pickup folder should be: the mail "server" refuses every mail until the test removes it.</summary>
    private void BlockMail()
    {
        if (Directory.Exists(_blockedMailFolder))
        {
            Directory.Delete(_blockedMailFolder, recursive: true);
        }

        File.WriteAllText(_blockedMailFolder, "kein Ordner");
    }

    /// <summary>Two failed tries (the host's setting) with the back-off passed on the host's clock between them.</summary>
    private async Task ParkAsync()
    {
        await _host.DeliverOutboxAsync();
        _host.Clock.Advance(OutboxRetries.Backoff(1));
        await _host.DeliverOutboxAsync();
    }

    private async Task<JsonElement> AdminApiAsync()
    {
        using var api = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        return await api.GetFromJsonAsync<JsonElement>("/api/admin/messages");
    }

    [Test]
    public async Task InvitationAndPasswordResetAreAnsweredWhileTheMailServerRefusesAndTheirMailsAreSentLater()
    {
        var (invited, forgetful) = ("eingeladen@beispiel.invalid", "vergesslich@beispiel.invalid");
        BlockMail();
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var account = await admin.PostAsJsonAsync("/api/admin/users", new { userName = "vergesslich", displayName = "Vera Vergesslich", email = forgetful, password = "Altes-Passwort-1", roles = Array.Empty<string>() });
        using var invitation = await admin.PostAsJsonAsync("/api/einladungen", new { email = invited, displayName = "Dana Beispiel", role = "beispiel.mitglied", scope = "Groups", groups = new[] { "sport" }, municipalities = Array.Empty<string>() });
        using var visitor = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var reset = await PageForms.SubmitAsync(visitor, "/passwort-vergessen", "passwort-vergessen", ("Input.Email", forgetful));
        var waiting = HostOutboxRows().Where(r => r.Receiver == OutboxTables.MailReceiver).Select(r => r.Payload).ToList();

        // The mail server takes mails again: what waited in host.db's outbox is sent, once.
        File.Delete(_blockedMailFolder);
        var invitationMails = _host.MailsTo(invited);
        var resetMails = _host.MailsTo(forgetful);

        Assert.Multiple(() =>
        {
            Assert.That(account.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(invitation.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the invitation is stored although its mail cannot be sent yet");
            Assert.That(reset.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(waiting.Count(p => p.Contains(invited, StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(waiting.Count(p => p.Contains(forgetful, StringComparison.Ordinal)), Is.EqualTo(1));
            Assert.That(invitationMails.Single().TextBody, Does.Contain("/einladung/"));
            Assert.That(resetMails.Single().TextBody, Does.Contain("/passwort-zuruecksetzen/"));
            Assert.That(HostOutboxRows(), Is.Empty, "nothing left waiting");
        });
    }

    private async Task<int> HandledAsync(string id)
        => (await _staff.GetFromJsonAsync<JsonElement>($"/api/verbraucher/empfangen/{id}")).GetProperty("mal").GetInt32();

    private sealed record OutboxRow(string Id, string Receiver, string Kind, string Type, string Payload, string CreatedAt, string NextAttemptAt);

    private List<OutboxRow> OutboxRows(string moduleId)
    {
        using var connection = new SqliteConnection($"Data Source={_host.ModuleDatabase(moduleId)};Pooling=False");
        return connection.Query<OutboxRow>("SELECT id, receiver, kind, type, payload, created_at AS CreatedAt, next_attempt_at AS NextAttemptAt FROM platform_outbox ORDER BY seq").ToList();
    }

    private List<OutboxRow> HostOutboxRows()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")};Pooling=False");
        return connection.Query<OutboxRow>("SELECT id, receiver, kind, type, payload, created_at AS CreatedAt, next_attempt_at AS NextAttemptAt FROM platform_outbox ORDER BY seq").ToList();
    }

    private void Restore(string moduleId, OutboxRow row)
    {
        using var connection = new SqliteConnection($"Data Source={_host.ModuleDatabase(moduleId)};Pooling=False");
        connection.Execute(
            "INSERT INTO platform_outbox (id, receiver, kind, type, payload, created_at, next_attempt_at) VALUES (@Id, @Receiver, @Kind, @Type, @Payload, @CreatedAt, @NextAttemptAt)", row);
    }

    /// <summary>The audit entries of a message, as „action details“.</summary>
    private List<string> Audited(string messageId)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")};Pooling=False");
        return connection.Query<(string Action, string Details)>(
                "SELECT action, details FROM audit_log WHERE record_type = @type AND record_id = @messageId", new { type = ParkedMessages.RecordType, messageId })
            .Select(r => $"{r.Action} {r.Details}").ToList();
    }
}
