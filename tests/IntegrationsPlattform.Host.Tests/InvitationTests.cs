using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Host.Accounts;
using IntegrationsPlattform.Host.Jobs;
using IntegrationsPlattform.Host.Modules;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Invited accounts end to end through HTTP: an invitation by an admin or by the staff who manage a working group of
/// the Beispiel module, the mailed single-use link, the account it creates with the role for exactly the invited group,
/// the link to the module's record, and the refusals (used, expired, another group, an undeclared role).
/// </summary>
[TestFixture]
public sealed class InvitationTests
{
    private const string Role = "beispiel.mitglied";
    private const string Erbach = "06437006";
    private PlatformHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _sportManager = null!;
    private int _sequence;

    private string _sportManagerName = null!;

    [OneTimeSetUp]
    public async Task StartHostAsync()
    {
        _host = new PlatformHost();
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        _sportManagerName = (await TestAccounts.CreateAsync(admin, "betreuung", TestGrant.InGroups("beispiel.arbeitskreise.verwalten", "sport"))).UserName;
    }

    /// <summary>Fresh tokens for every test: the expiry test moves the clock past their lifetime.</summary>
    [SetUp]
    public async Task SignInAsync()
    {
        _admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        _sportManager = await _host.ApiClientAsync(_sportManagerName, TestAccounts.Password);
    }

    [TearDown]
    public void SignOut()
    {
        _admin.Dispose();
        _sportManager.Dispose();
    }

    [OneTimeTearDown]
    public void StopHost() => _host.Dispose();

    private string NewAddress() => $"eingeladen{Interlocked.Increment(ref _sequence)}@beispiel.invalid";

    private HttpClient Visitor() => _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> InviteAsync(HttpClient inviter, string email, string role = Role, string scope = "Groups", string[]? groups = null, string[]? municipalities = null)
        => inviter.PostAsJsonAsync("/api/einladungen", new { email, displayName = "Dana Beispiel", role, scope, groups = groups ?? ["sport"], municipalities = municipalities ?? [] });

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient visitor, string link, string userName, string password = "Eingeladen-2026", string? repeat = null)
        => PageForms.SubmitAsync(visitor, link, "einladung", ("Input.UserName", userName), ("Input.Password", password), ("Input.PasswordRepeat", repeat ?? password));

    /// <summary>What the Verbraucher test plugin heard of linkable records (it keeps them in a static queue of its load context).</summary>
    private IEnumerable<LinkableRecordChanged> VerknuepfungBeobachter()
    {
        var verbraucher = _host.Services.GetRequiredService<ModuleRegistry>().Find("Verbraucher")!;
        var field = verbraucher.Assembly!.GetType("IntegrationsPlattform.TestPlugins.Verbraucher.VerknuepfungBeobachter")!.GetField("Empfangen")!;
        return (IEnumerable<LinkableRecordChanged>)field.GetValue(null)!;
    }

    private SqliteConnection HostDb() => new($"Data Source={Path.Combine(_host.DataDirectory, "host.db")}");

    [Test]
    public async Task TheInvitedPersonSetsAPasswordOnceAndWorksOnlyInTheInvitedGroup()
    {
        var email = NewAddress();
        using var invited = await InviteAsync(_admin, email);
        var mail = _host.MailsTo(email).Single();
        var link = _host.LinkInLastMail(email, "/einladung/");
        using var visitor = Visitor();
        var page = await PageForms.TextAsync(visitor, link);
        using var accepted = await AcceptAsync(visitor, link, "dana.sport");
        using var member = await _host.ApiClientAsync("dana.sport", "Eingeladen-2026");
        using var inSport = await member.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Lauftreff", kommuneAgs = Erbach, arbeitskreis = "sport" });
        using var inSprache = await member.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sprachcafé", kommuneAgs = Erbach, arbeitskreis = "sprache" });
        var again = await PageForms.TextAsync(Visitor(), link);
        Assert.Multiple(() =>
        {
            Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(mail.Subject, Does.StartWith("Einladung zur IntegrationsPlattform"));
            Assert.That(mail.TextBody, Does.Contain("„Arbeitskreis-Mitglied“ (Arbeitskreis Sport)").And.Contain("gilt 72 Stunden und nur einmal"));
            Assert.That(page, Does.Contain("Guten Tag Dana Beispiel").And.Contain("Arbeitskreis-Mitglied"));
            Assert.That(PageForms.RedirectTarget(accepted), Is.EqualTo("/account/login?hinweis=konto-angelegt"));
            Assert.That(inSport.StatusCode, Is.EqualTo(HttpStatusCode.Created), "the invited role reaches the invited group");
            Assert.That(inSprache.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "and no other");
            Assert.That(again, Does.Contain("Diese Einladung wurde bereits angenommen"));
        });
    }

    [Test]
    public async Task AReusedLinkCreatesNoSecondAccount()
    {
        var email = NewAddress();
        using var invited = await InviteAsync(_admin, email);
        var link = _host.LinkInLastMail(email, "/einladung/");
        using var visitor = Visitor();
        var form = await visitor.GetStringAsync(link);
        using var first = await AcceptAsync(visitor, link, "erste.annahme");
        using var second = await visitor.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PlatformHost.AntiforgeryToken(form),
            ["_handler"] = "einladung",
            ["Input.UserName"] = "zweite.annahme",
            ["Input.Password"] = "Eingeladen-2026",
            ["Input.PasswordRepeat"] = "Eingeladen-2026",
        }));
        using var connection = HostDb();
        Assert.Multiple(() =>
        {
            Assert.That(PageForms.RedirectTarget(first), Is.EqualTo("/account/login?hinweis=konto-angelegt"));
            Assert.That(second.StatusCode, Is.Not.EqualTo(HttpStatusCode.Redirect));
            Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM users WHERE user_name = 'zweite.annahme'"), Is.Zero);
        });
    }

    [Test]
    public async Task ABadPasswordOrATakenUserNameIsShownAtItsFieldAndLeavesTheLinkUsable()
    {
        var email = NewAddress();
        using var invited = await InviteAsync(_admin, email);
        var link = _host.LinkInLastMail(email, "/einladung/");
        using var visitor = Visitor();
        using var shortPassword = await AcceptAsync(visitor, link, "kurz.passwort", "kurz");
        using var mismatch = await AcceptAsync(visitor, link, "kurz.passwort", "Eingeladen-2026", "Eingeladen-2027");
        using var taken = await AcceptAsync(visitor, link, PlatformHost.StaffUser);
        using var accepted = await AcceptAsync(visitor, link, "spaeter.richtig");
        var shortHtml = WebUtility.HtmlDecode(await shortPassword.Content.ReadAsStringAsync());
        var mismatchHtml = WebUtility.HtmlDecode(await mismatch.Content.ReadAsStringAsync());
        var takenHtml = WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(shortHtml, "id=\"password\""), Does.Contain("Das Passwort muss mindestens 10 Zeichen lang sein."));
            Assert.That(PageForms.MessagesAt(mismatchHtml, "id=\"passwordRepeat\""), Does.Contain("Die beiden Passwörter stimmen nicht überein."));
            Assert.That(PageForms.MessagesAt(takenHtml, "id=\"userName\""), Does.Contain("Dieser Benutzername ist bereits vergeben."));
            Assert.That(PageForms.RedirectTarget(accepted), Is.EqualTo("/account/login?hinweis=konto-angelegt"));
        });
    }

    [Test]
    public async Task AnExpiredLinkIsRefused()
    {
        var email = NewAddress();
        using var invited = await InviteAsync(_admin, email);
        var link = _host.LinkInLastMail(email, "/einladung/");
        _host.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        var page = await PageForms.TextAsync(Visitor(), link);
        var unknown = await PageForms.TextAsync(Visitor(), "/einladung/gibt-es-nicht");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Diese Einladung ist abgelaufen").And.Not.Contain("Konto anlegen"));
            Assert.That(unknown, Does.Contain("Diesen Einladungslink gibt es nicht"));
        });
    }

    [Test]
    public async Task StaffWhoManageAGroupInviteOnlyIntoItAndOnlyToTheRoleTheModuleDeclares()
    {
        using var ownGroup = await InviteAsync(_sportManager, NewAddress());
        using var otherGroup = await InviteAsync(_sportManager, NewAddress(), groups: ["sprache"]);
        using var municipalities = await InviteAsync(_sportManager, NewAddress(), scope: "Municipalities", municipalities: [Erbach]);
        using var undeclared = await InviteAsync(_sportManager, NewAddress(), role: "beispiel.admin");
        using var roles = await _sportManager.GetAsync("/api/einladungen/rollen");
        var problem = await otherGroup.Content.ReadFromJsonAsync<JsonElement>();
        using var connection = HostDb();
        var refusals = connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'Refused' AND record_type = 'Einladung'");
        Assert.Multiple(() =>
        {
            Assert.That(ownGroup.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(otherGroup.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(otherGroup.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("errors").GetProperty("groups")[0].GetString(), Is.EqualTo("Sie dürfen nur in die Bereiche einladen, die Sie selbst betreuen."));
            Assert.That(municipalities.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(undeclared.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(undeclared.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(refusals, Is.GreaterThanOrEqualTo(3), "each refusal is in the audit trail");
        });
        var offered = await roles.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(offered.EnumerateArray().Select(r => r.GetProperty("key").GetString()), Is.EqualTo(new[] { Role }));
    }

    [Test]
    public async Task StaffWithoutAManagingGrantInviteNobody()
    {
        using var reader = await TestAccounts.ApiClientAsync(_host, _admin, "leser", TestGrant.InGroups("beispiel.lesen", "sport"));
        using var refused = await InviteAsync(reader, NewAddress());
        using var roles = await reader.GetFromJsonAsync<JsonDocument>("/api/einladungen/rollen");
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(roles!.RootElement.GetArrayLength(), Is.Zero);
        });
    }

    [Test]
    public async Task BadInputIsNamedAtItsField()
    {
        using var response = await _admin.PostAsJsonAsync("/api/einladungen", new { email = "keine-adresse", displayName = "", role = "beispiel.unbekannt", scope = "Groups", groups = new[] { "sport" } });
        using var badGroup = await InviteAsync(_admin, NewAddress(), groups: ["schach"]);
        using var badScope = await InviteAsync(_admin, NewAddress(), scope: "Irgendwo");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var groupErrors = (await badGroup.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "email", "displayName", "role" }));
            Assert.That(badGroup.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(groupErrors.GetProperty("groups")[0].GetString(), Is.EqualTo("Bitte Arbeitskreise aus der Liste wählen."));
            Assert.That(badScope.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task AnAddressGetsAtMostThreeInvitationsAnHour()
    {
        var email = NewAddress();
        for (var i = 0; i < 3; i++)
        {
            using var sent = await InviteAsync(_admin, email);
            Assert.That(sent.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var fourth = await InviteAsync(_admin, email);
        Assert.Multiple(() =>
        {
            Assert.That(fourth.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(_host.MailsTo(email), Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task TheModuleLinksTheNewAccountToTheRecordItInvitedFromAndAnnouncesItsNewStatus()
    {
        var email = NewAddress();
        using var staff = await _host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var created = await staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Mitglied", kommuneAgs = Erbach, personName = "Sami Sport", personEmail = email, arbeitskreis = "sport" });
        var entry = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var invited = await _sportManager.PostAsync($"/api/beispiel/eintraege/{entry}/einladung", null);
        var page = await PageForms.TextAsync(Visitor(), _host.LinkInLastMail(email, "/einladung/"));
        using var accepted = await AcceptAsync(Visitor(), _host.LinkInLastMail(email, "/einladung/"), "sami.sport");
        var linked = await staff.GetFromJsonAsync<JsonElement>("/api/verknuepfungen?q=Mitglied");
        await _host.DeliverOutboxAsync();
        var announced = VerknuepfungBeobachter().Where(n => n.Key == entry).ToList();
        using var module = new SqliteConnection($"Data Source={_host.ModuleDatabase("Beispiel")}");
        using var connection = HostDb();
        var audit = connection.Query<string>("SELECT details FROM audit_log WHERE record_type IN ('Einladung', 'Benutzerkonto') AND module = 'Plattform'").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(invited.StatusCode, Is.EqualTo(HttpStatusCode.OK), invited.Content.ReadAsStringAsync().Result);
            Assert.That(page, Does.Contain("Guten Tag Sami Sport"));
            Assert.That(PageForms.RedirectTarget(accepted), Is.EqualTo("/account/login?hinweis=konto-angelegt"));
            Assert.That(module.ExecuteScalar<string>("SELECT konto FROM eintraege WHERE id = @entry", new { entry }), Is.EqualTo("sami.sport"));
            Assert.That(audit, Has.Some.StartsWith("Rolle beispiel.mitglied (Arbeitskreis Sport)"));
            Assert.That(audit, Has.Some.Contains("als beispiel.mitglied"));
            Assert.That(linked.EnumerateArray().Single(r => r.GetProperty("key").GetString() == entry).GetProperty("status").GetString(), Is.EqualTo("mit Konto"));
            Assert.That(announced.Select(n => (n.Module, n.Kind, n.Status)), Is.EqualTo(new[] { ("Beispiel", "Eintrag", "mit Konto") }), "another module hears of the linkable record's new status");
        });
    }

    /// <summary>Until the cleanup job, an invitation is personal data the host holds: a DSGVO request finds, exports and erases it.</summary>
    [Test]
    public async Task ADataSubjectRequestFindsAndErasesAnInvitationAndItsLinkStopsWorking()
    {
        var email = NewAddress();
        using var invited = await InviteAsync(_admin, email);
        var link = _host.LinkInLastMail(email, "/einladung/");
        var (found, export, erased) = await HostDataSubjectRequest.FindExportAndEraseAsync(_host, email);
        var page = await PageForms.TextAsync(Visitor(), link);
        Assert.Multiple(() =>
        {
            Assert.That(found.Record.RecordType, Is.EqualTo("Einladung zu einem Konto"));
            Assert.That(export.Data.Fields["Bereich"], Is.EqualTo("Arbeitskreis Sport"));
            Assert.That(erased, Is.EqualTo(1));
            Assert.That(page, Does.Contain("Diesen Einladungslink gibt es nicht"));
        });
    }

    [Test]
    public async Task TheCleanupJobDeletesInvitationsAWeekAfterTheirLinkExpired()
    {
        var expired = NewAddress();
        using var early = await InviteAsync(_admin, expired);
        _host.Clock.Advance(TimeSpan.FromHours(72) + AccountLinkCleanupJob.KeptAfterExpiry - TimeSpan.FromHours(1));
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var recent = NewAddress();
        using var late = await InviteAsync(admin, recent);
        _host.Clock.Advance(TimeSpan.FromHours(2));

        var scheduler = _host.Services.GetRequiredService<JobScheduler>();
        var run = await scheduler.RunAsync(scheduler.Jobs.Single(j => j.Key == AccountLinkCleanupJob.Key), CancellationToken.None);
        using var connection = HostDb();
        long Held(string email) => connection.ExecuteScalar<long>("SELECT count(*) FROM invitations WHERE email = @email", new { email });
        Assert.Multiple(() =>
        {
            Assert.That(run.Succeeded, Is.EqualTo(1));
            Assert.That(Held(expired), Is.Zero, "expired more than a week ago: deleted");
            Assert.That(Held(recent), Is.EqualTo(1), "still valid: kept");
        });
    }
}
