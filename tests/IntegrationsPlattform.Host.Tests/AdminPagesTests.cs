using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Demo;
using IntegrationsPlattform.Host.Jobs;
using IntegrationsPlattform.Host.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The server-rendered admin pages, driven like a browser: GET the page, post its form with the anti-forgery token.</summary>
[TestFixture]
public sealed partial class AdminPagesTests : HostFixture
{
    private const string NewPassword = "Neues-Passwort-2026";
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";

    private HttpClient _admin = null!;

    [OneTimeSetUp]
    public async Task SignInAsync() => _admin = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

    [OneTimeTearDown]
    public void SignOut() => _admin.Dispose();

    private AccountStore Accounts => Host.Services.GetRequiredService<AccountStore>();

    private RoleStore Roles => Host.Services.GetRequiredService<RoleStore>();

    // --- access and navigation ---

    [TestCase("/admin/users")]
    [TestCase("/admin/roles")]
    [TestCase("/admin/jobs")]
    [TestCase("/admin/audit")]
    [TestCase("/admin/dsgvo")]
    public async Task StaffWithoutThePermissionIsSentToDenied(string path)
    {
        using var staff = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var response = await staff.GetAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
        });
    }

    [Test]
    public async Task DsgvoExportIsDeniedToStaff()
    {
        using var staff = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var page = await staff.GetStringAsync("/");
        using var response = await staff.PostAsync("/admin/dsgvo/export", Fields(page, null, ("name", "Demo-Fachkraft")));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
        });
    }

    [TestCase("/admin/users", "Benutzer")]
    [TestCase("/admin/roles", "Rollen und Berechtigungen")]
    [TestCase("/admin/jobs", "Geplante Aufträge")]
    [TestCase("/admin/audit", "Zugriffsprotokoll")]
    [TestCase("/admin/dsgvo", "Betroffenenanfragen (DSGVO)")]
    public async Task EveryAdminPageHasItsHeadingAWayBackAndALinkFromTheOverview(string path, string heading)
    {
        var html = await PageAsync(path);
        var overview = await PageAsync("/admin");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"<h1>{heading}</h1>"));
            Assert.That(html, Does.Contain("<a href=\"/admin\">Zurück zur Verwaltung</a>"));
            Assert.That(overview, Does.Contain($"href=\"{path}\""));
        });
    }

    [TestCase("/admin/users/00000000-0000-0000-0000-000000000000")]
    [TestCase("/admin/roles/00000000-0000-0000-0000-000000000000/erteilen")]
    [TestCase("/admin/roles/00000000-0000-0000-0000-000000000000/entziehen?berechtigung=platform.admin")]
    public async Task UnknownUserOrRoleSaysSoWithAWayBack(string path)
    {
        var html = await PageAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("nicht gefunden</h1>"));
            Assert.That(html, Does.Match("<a href=\"/admin/(users|roles)\">Zurück"));
        });
    }

    // --- users ---

    [Test]
    public async Task UserCreatedThroughTheFormCanSignInWithItsRole()
    {
        using var response = await SubmitAsync("/admin/users", "neuer-benutzer",
            ("Input.UserName", "neu.beraterin"), ("Input.DisplayName", "Neue Beraterin"), ("Input.Email", "neu.beraterin@demo.invalid"),
            ("Input.Password", NewPassword), ("Input.Roles", DemoSeeder.StaffRole));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        var listed = await PageAsync(response.Headers.Location!.OriginalString);
        using var signedIn = await Host.SignedInClientAsync("neu.beraterin", NewPassword);
        var account = (await Accounts.ListAsync()).Single(a => a.UserName == "neu.beraterin");
        Assert.Multiple(() =>
        {
            Assert.That(listed, Does.Contain("role=\"status\">Der Benutzer „neu.beraterin“ wurde angelegt."));
            Assert.That(account.DisplayName, Is.EqualTo("Neue Beraterin"));
            Assert.That(account.Roles, Is.EqualTo(new[] { DemoSeeder.StaffRole }));
        });
    }

    [TestCase("knappes.pw", "Knapp", "Abc-123", "Das Passwort muss mindestens 10 Zeichen lang sein.")]
    [TestCase(PlatformHost.AdminUser, "Doppelt", NewPassword, "Dieser Benutzername ist bereits vergeben.")]
    [TestCase("ohne.name", "", NewPassword, "Bitte einen Namen angeben.")]
    [TestCase("x", "Zu kurzer Name", NewPassword, "Benutzername: 3–64 Zeichen aus Buchstaben, Ziffern und . - _ @.")]
    public async Task BadUserInputIsShownInlineAndCreatesNothing(string userName, string displayName, string password, string message)
    {
        var before = await Accounts.ListAsync();
        using var response = await SubmitAsync("/admin/users", "neuer-benutzer",
            ("Input.UserName", userName), ("Input.DisplayName", displayName), ("Input.Password", password), ("Input.Roles", DemoSeeder.StaffRole));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var after = await Accounts.ListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain($"<div class=\"validation-message\"").And.Contain(message));
            Assert.That(html, Does.Not.Contain(password), "ein abgelehntes Passwort wird nicht zurückgeschickt");
            Assert.That(after.Select(a => (a.UserName, a.DisplayName)), Is.EqualTo(before.Select(a => (a.UserName, a.DisplayName))));
        });
    }

    [Test]
    public async Task DeactivatedUserIsSignedOutAndCannotSignInUntilActivatedAgain()
    {
        var id = await Accounts.CreateAsync("wird.deaktiviert", "Wird Deaktiviert", null, NewPassword, isDemo: false, [DemoSeeder.StaffRole]);
        using var session = await Host.SignedInClientAsync("wird.deaktiviert", NewPassword);

        using var deactivated = await SubmitAsync("/admin/users", $"aktivierung-{id}");
        var listed = await PageAsync(deactivated.Headers.Location!.OriginalString);
        using var sessionAfter = await session.GetAsync("/admin");
        var loginWhileInactive = await LoginStatusAsync("wird.deaktiviert", NewPassword);

        using var activated = await SubmitAsync("/admin/users", $"aktivierung-{id}");
        var loginAfterActivation = await LoginStatusAsync("wird.deaktiviert", NewPassword);
        Assert.Multiple(() =>
        {
            Assert.That(deactivated.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(listed, Does.Contain("Das Konto „wird.deaktiviert“ ist deaktiviert"));
            Assert.That(sessionAfter.Headers.Location?.OriginalString, Does.Contain("/account/login"), "die laufende Sitzung endet");
            Assert.That(loginWhileInactive, Is.EqualTo(HttpStatusCode.OK), "das Anmeldeformular kommt mit Fehlermeldung zurück");
            Assert.That(activated.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(loginAfterActivation, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task DeactivatingYourOwnAccountIsRefusedWithAMessage()
    {
        var admin = (await Accounts.ListAsync()).Single(a => a.UserName == PlatformHost.AdminUser);
        using var response = await SubmitAsync("/admin/users", $"aktivierung-{admin.Id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var stillActive = (await Accounts.FindAsync(admin.Id))!.IsActive;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("role=\"alert\">Das eigene Konto kann nicht deaktiviert werden."));
            Assert.That(stillActive, Is.True);
        });
    }

    [Test]
    public async Task ResetPasswordRefusesAShortOneInlineAndAcceptsALongOne()
    {
        var id = await Accounts.CreateAsync("passwort.neu", "Passwort Neu", null, "Altes-Passwort-2026", isDemo: false, []);
        var path = $"/admin/users/{id}";

        using var refused = await SubmitAsync(path, "passwort", ("PasswordInput.Password", "zu-kurz"));
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var loginWithOld = await LoginStatusAsync("passwort.neu", "Altes-Passwort-2026");

        using var accepted = await SubmitAsync(path, "passwort", ("PasswordInput.Password", NewPassword));
        var acceptedPage = await PageAsync(accepted.Headers.Location!.OriginalString);
        var oldAfterReset = await LoginStatusAsync("passwort.neu", "Altes-Passwort-2026");
        var newAfterReset = await LoginStatusAsync("passwort.neu", NewPassword);
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refusedHtml, Does.Contain("Das Passwort muss mindestens 10 Zeichen lang sein."));
            Assert.That(loginWithOld, Is.EqualTo(HttpStatusCode.Redirect), "das alte Passwort gilt noch");
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(acceptedPage, Does.Contain("role=\"status\">Das Passwort wurde neu gesetzt"));
            Assert.That(oldAfterReset, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(newAfterReset, Is.EqualTo(HttpStatusCode.Redirect));
        });
    }

    [Test]
    public async Task RolesFormSetsExactlyTheCheckedRoles()
    {
        var id = await Accounts.CreateAsync("rollen.wechsel", "Rollen Wechsel", null, NewPassword, isDemo: false, [DemoSeeder.StaffRole]);
        var roles = await Roles.ListAsync();
        var admin = roles.Single(r => r.Name == DemoSeeder.AdminRole).Id;

        using var toAdmin = await SubmitAsync($"/admin/users/{id}", "rollen", ("RoleInput.Roles", admin));
        var afterAdmin = (await Accounts.FindAsync(id))!.Roles;
        using var toNone = await SubmitAsync($"/admin/users/{id}", "rollen");
        var afterNone = (await Accounts.FindAsync(id))!.Roles;
        Assert.Multiple(() =>
        {
            Assert.That(toAdmin.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(afterAdmin, Is.EqualTo(new[] { DemoSeeder.AdminRole }));
            Assert.That(toNone.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(afterNone, Is.Empty);
        });
    }

    // --- roles ---

    [Test]
    public async Task GrantForSomeMunicipalitiesReachesThePermissionCacheAndRevokeAfterConfirmationRemovesIt()
    {
        using var created = await SubmitAsync("/admin/roles", "neue-rolle", ("Input.Name", "Koordination Erbach"), ("Input.Description", "nur zwei Kommunen"));
        var roleId = QueryValue(created, "rolle");
        var userId = await Accounts.CreateAsync("koordination", "Koordination", null, NewPassword, isDemo: false, ["Koordination Erbach"]);
        var cache = Host.Services.GetRequiredService<PermissionCache>();

        var grantPath = $"/admin/roles/{roleId}/erteilen?berechtigung=beispiel.lesen";
        using var granted = await SubmitAsync(grantPath, "erteilen",
            ("Input.Scope", nameof(ScopeKind.Municipalities)), ("Input.Municipalities", Erbach), ("Input.Municipalities", Michelstadt));
        var scope = (await cache.GetAsync(userId))!.Permissions.GetValueOrDefault("beispiel.lesen");
        var rolesPage = await PageAsync(granted.Headers.Location!.OriginalString);

        var revokePath = $"/admin/roles/{roleId}/entziehen?berechtigung=beispiel.lesen";
        var confirmation = await PageAsync(revokePath);
        var stillGranted = (await cache.GetAsync(userId))!.Permissions.ContainsKey("beispiel.lesen");
        using var revoked = await SubmitAsync(revokePath, "entziehen");
        var afterRevoke = (await cache.GetAsync(userId))!.Permissions.ContainsKey("beispiel.lesen");
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(scope?.Kind, Is.EqualTo(ScopeKind.Municipalities));
            Assert.That(scope?.MunicipalityAgs, Is.EquivalentTo(new[] { Erbach, Michelstadt }));
            Assert.That(rolesPage, Does.Contain("bestimmte Kommunen: Erbach, Michelstadt"));
            Assert.That(confirmation, Does.Contain("Ja, entziehen"));
            Assert.That(stillGranted, Is.True, "das Aufrufen der Bestätigungsseite entzieht noch nichts");
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(afterRevoke, Is.False);
        });
    }

    [Test]
    public async Task GrantForAModuleDefinedGroupIsOfferedWithTheModulesGroupsAndReachesThePermissionCache()
    {
        var roleId = await Roles.EnsureRoleAsync("Arbeitskreis Sport", "");
        var userId = await Accounts.CreateAsync("sportkreis", "Sportkreis", null, NewPassword, isDemo: false, ["Arbeitskreis Sport"]);
        var grantPath = $"/admin/roles/{roleId}/erteilen?berechtigung=beispiel.schreiben";
        var form = await PageAsync(grantPath);
        using var granted = await SubmitAsync(grantPath, "erteilen", ("Input.Scope", nameof(ScopeKind.Groups)), ("Input.Groups", "sport"));
        var scope = (await Host.Services.GetRequiredService<PermissionCache>().GetAsync(userId))!.Permissions.GetValueOrDefault("beispiel.schreiben");
        Assert.Multiple(() =>
        {
            Assert.That(form, Does.Contain("bestimmte Arbeitskreise").And.Contain("<legend>Arbeitskreise</legend>").And.Contain("Arbeitskreis Sprache"));
            Assert.That(granted.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(scope?.Kind, Is.EqualTo(ScopeKind.Groups));
            Assert.That(scope?.GroupIds, Is.EquivalentTo(new[] { "sport" }));
        });
    }

    [TestCase("beispiel.lesen", "Groups", null, "Bitte mindestens eine Gruppe wählen (Arbeitskreise).")]
    [TestCase("beispiel.lesen", "Municipalities", null, "Bitte mindestens eine Kommune wählen.")]
    [TestCase("beispiel.lesen", "Municipalities", "99999999", "'99999999' ist keine Kommune dieses Kreises.")]
    [TestCase("verbraucher.lesen", "OwnRecords", null, "Diese Berechtigung kann nicht eingeschränkt werden.")]
    public async Task RefusedGrantIsShownInlineAndWritesNothing(string permission, string scope, string? municipality, string message)
    {
        var roleId = await Roles.EnsureRoleAsync("Ohne Rechte", "");
        var fields = municipality is null
            ? new[] { ("Input.Scope", scope) }
            : new[] { ("Input.Scope", scope), ("Input.Municipalities", municipality) };
        using var response = await SubmitAsync($"/admin/roles/{roleId}/erteilen?berechtigung={permission}", "erteilen", fields);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var role = (await Roles.ListAsync()).Single(r => r.Id == roleId);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain(message));
            Assert.That(role.Grants, Is.Empty);
        });
    }

    [TestCase("beispiel.lesen", true)]
    [TestCase("verbraucher.lesen", false)]
    public async Task ScopeIsOfferedOnlyForScopablePermissions(string permission, bool offered)
    {
        var roleId = await Roles.EnsureRoleAsync("Ohne Rechte", "");
        var html = await PageAsync($"/admin/roles/{roleId}/erteilen?berechtigung={permission}");
        Assert.Multiple(() =>
        {
            Assert.That(html.Contains("<legend>Reichweite</legend>", StringComparison.Ordinal), Is.EqualTo(offered));
            Assert.That(html.Contains($"value=\"{Erbach}\"", StringComparison.Ordinal), Is.EqualTo(offered));
        });
    }

    [TestCase("", "Bitte einen Rollennamen mit 2 bis 80 Zeichen angeben.")]
    [TestCase("administration", "Eine Rolle mit diesem Namen gibt es bereits.")]
    public async Task RefusedRoleNameIsShownInlineAndCreatesNothing(string name, string message)
    {
        var before = (await Roles.ListAsync()).Count;
        using var response = await SubmitAsync("/admin/roles", "neue-rolle", ("Input.Name", name));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var after = (await Roles.ListAsync()).Count;
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain(message));
            Assert.That(after, Is.EqualTo(before));
        });
    }

    // --- jobs ---

    [Test]
    public async Task RunNowStartsTheJobAndThePageShowsTheRun()
    {
        var scheduler = Host.Services.GetRequiredService<JobScheduler>();
        var before = (await scheduler.LastRunsAsync()).GetValueOrDefault(IndicatorSnapshotJob.Key)?.StartedAt;

        using var response = await SubmitAsync("/admin/jobs", $"ausfuehren-{IndicatorSnapshotJob.Key}");
        var run = (await scheduler.LastRunsAsync())[IndicatorSnapshotJob.Key];
        var page = await PageAsync(response.Headers.Location!.OriginalString);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(run.StartedAt, Is.Not.EqualTo(before));
            Assert.That(run.Succeeded, Is.EqualTo(1));
            Assert.That(page, Does.Contain("Der Auftrag „Kennzahlen der Module erfassen“ wurde ausgeführt."));
            Assert.That(page, Does.Contain(run.Result!));
            Assert.That(page, Does.Contain(LocalTime(run.StartedAt)));
        });
    }

    // --- audit trail ---

    [Test]
    public async Task AuditSearchFindsTheEntryWithGermanActionAndLocalTime()
    {
        var id = await CreateEintragAsync("Audit Person", "audit.person@demo.invalid");
        var found = await PageAsync($"/admin/audit?q={id}");
        var none = await PageAsync("/admin/audit?q=gibt-es-nicht-im-protokoll");
        Assert.Multiple(() =>
        {
            Assert.That(found, Does.Contain("1 Eintrag, Seite 1 von 1."));
            Assert.That(found, Does.Contain("<td>Anlage</td>"));
            Assert.That(found, Does.Contain("<td>fachkraft</td>"));
            Assert.That(found, Does.Contain("POST /api/beispiel/eintraege"));
            Assert.That(found, Does.Match(@"<td>\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr</td>"));
            Assert.That(none, Does.Contain("Noch keine Einträge."));
        });
    }

    [Test]
    public async Task AuditPagesHoldFiftyEntriesWithBackAndNextLinks()
    {
        using (var scope = Host.Services.CreateScope())
        {
            var trail = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            for (var i = 0; i < 55; i++)
            {
                await trail.RecordAsync(new AuditEntry(AuditAction.View, "Seitentest", $"seitentest-{i:00}"), "Plattform");
            }
        }

        var first = await PageAsync("/admin/audit?q=seitentest");
        var second = await PageAsync("/admin/audit?q=seitentest&seite=2");
        Assert.Multiple(() =>
        {
            Assert.That(RecordIds().Matches(first), Has.Count.EqualTo(50));
            Assert.That(first, Does.Contain("<a href=\"/admin/audit?q=seitentest&seite=2\">Weiter</a>"));
            Assert.That(first, Does.Not.Contain(">Zurück</a>"));
            Assert.That(RecordIds().Matches(second), Has.Count.EqualTo(5));
            Assert.That(second, Does.Contain("<a href=\"/admin/audit?q=seitentest&seite=1\">Zurück</a>"));
            Assert.That(second, Does.Not.Contain(">Weiter</a>"));
            Assert.That(second, Does.Contain("<td>Ansicht</td>"));
        });
    }

    // --- DSGVO ---

    [Test]
    public async Task DataSubjectSearchFindsTheDemoUserAndModuleRecordsGroupedByModule()
    {
        await CreateEintragAsync("Demo-Fachkraft", "fachkraft.privat@demo.invalid");
        using var response = await SubmitAsync("/admin/dsgvo", "suche", ("Search.Name", "Demo-Fachkraft"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("<caption>Plattform (Benutzerkonten, öffentliche Formulare)</caption>"));
            Assert.That(html, Does.Contain("Benutzername fachkraft"));
            Assert.That(html, Does.Contain("<caption>Beispielprogramm</caption>"));
            Assert.That(html, Does.Contain("Auskunft exportieren"));
        });
    }

    [TestCase("", "", "Bitte einen Namen oder eine E-Mail-Adresse angeben.")]
    [TestCase("", "keine-adresse", "Bitte eine gültige E-Mail-Adresse angeben (z. B. name@beispiel.de).")]
    public async Task InvalidDataSubjectSearchIsShownInline(string name, string email, string message)
    {
        using var response = await SubmitAsync("/admin/dsgvo", "suche", ("Search.Name", name), ("Search.Email", email));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain($"<div class=\"validation-message\"").And.Contain(message));
            Assert.That(html, Does.Not.Contain("Gefundene Datensätze"));
        });
    }

    [Test]
    public async Task ExportDownloadsTheJsonOfEveryFoundRecordAsAnAttachment()
    {
        var id = await CreateEintragAsync("Jonas Auskunft", "jonas.auskunft@demo.invalid");
        var page = await PageAsync("/admin/dsgvo");
        using var response = await _admin.PostAsync("/admin/dsgvo/export", Fields(page, null, ("name", "Jonas Auskunft"), ("email", "")));
        var body = await response.Content.ReadAsStringAsync();
        var options = Host.Services.GetRequiredService<PlatformOptions>();
        var today = TimeZoneInfo.ConvertTime(Host.Clock.Now, options.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var json = JsonDocument.Parse(body);
        var export = json.RootElement.EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Content.Headers.ContentDisposition?.DispositionType, Is.EqualTo("attachment"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo($"auskunft-{today}.json"));
            Assert.That(export.GetProperty("module").GetString(), Is.EqualTo("Beispiel"));
            Assert.That(export.GetProperty("data").GetProperty("recordId").GetString(), Is.EqualTo(id));
            Assert.That(export.GetProperty("data").GetProperty("fields").GetProperty("Name").GetString(), Is.EqualTo("Jonas Auskunft"));
        });
    }

    [Test]
    public async Task ExportWithoutAntiforgeryTokenIsRefused()
    {
        using var response = await _admin.PostAsync("/admin/dsgvo/export", new FormUrlEncodedContent([new("name", "Demo-Fachkraft")]));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task ErasureNeedsTheConfirmationAndErasesExactlyTheCheckedRecords()
    {
        var kept = await CreateEintragAsync("Paula Löschtest", "paula.loeschtest@demo.invalid");
        var erased = await CreateEintragAsync("Paula Löschtest", "paula.loeschtest@demo.invalid");
        using var search = await SubmitAsync("/admin/dsgvo", "suche", ("Search.Name", "Paula Löschtest"));
        var keys = RecordKeys().Matches(WebUtility.HtmlDecode(await search.Content.ReadAsStringAsync())).Select(m => m.Groups[1].Value).ToList();
        var erasedKey = keys.Single(k => k.EndsWith(erased, StringComparison.Ordinal));

        using var unconfirmed = await SubmitAsync("/admin/dsgvo", "loeschung", ("Erasure.Name", "Paula Löschtest"), ("Erasure.Records", erasedKey));
        var unconfirmedHtml = WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync());
        var afterUnconfirmed = await FoundIdsAsync("Paula Löschtest");

        using var confirmed = await SubmitAsync("/admin/dsgvo", "loeschung",
            ("Erasure.Name", "Paula Löschtest"), ("Erasure.Records", erasedKey), ("Erasure.Confirmed", "true"));
        var result = await PageAsync(confirmed.Headers.Location!.OriginalString);
        var afterConfirmed = await FoundIdsAsync("Paula Löschtest");
        Assert.Multiple(() =>
        {
            Assert.That(keys, Has.Count.EqualTo(2));
            Assert.That(unconfirmed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(unconfirmedHtml, Does.Contain("Bitte bestätigen Sie, dass Sie die Löschung geprüft haben."));
            Assert.That(unconfirmedHtml, Does.Contain($"value=\"{erasedKey}\" checked"), "die Auswahl bleibt erhalten");
            Assert.That(afterUnconfirmed, Is.EquivalentTo(new[] { kept, erased }));
            Assert.That(confirmed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(result, Does.Contain("role=\"status\">1 Datensatz gelöscht oder anonymisiert."));
            Assert.That(afterConfirmed, Is.EqualTo(new[] { kept }));
        });
    }

    [Test]
    public async Task ErasureWithNothingCheckedIsRefused()
    {
        var id = await CreateEintragAsync("Nora Nichtsgewählt", null);
        using var response = await SubmitAsync("/admin/dsgvo", "loeschung", ("Erasure.Name", "Nora Nichtsgewählt"), ("Erasure.Confirmed", "true"));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var found = await FoundIdsAsync("Nora Nichtsgewählt");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("Bitte die zu löschenden Datensätze ausdrücklich angeben."));
            Assert.That(found, Is.EqualTo(new[] { id }));
        });
    }

    // --- helpers ---

    private async Task<string> PageAsync(string path)
    {
        using var response = await _admin.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>What a browser sends for the form <paramref name="handler"/> of the page at <paramref name="path"/>.</summary>
    private async Task<HttpResponseMessage> SubmitAsync(string path, string handler, params (string Name, string Value)[] fields)
    {
        var page = await _admin.GetStringAsync(path);
        return await _admin.PostAsync(path, Fields(page, handler, fields));
    }

    private static FormUrlEncodedContent Fields(string page, string? handler, params (string Name, string Value)[] fields)
    {
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PlatformHost.AntiforgeryToken(page)) };
        if (handler is not null)
        {
            values.Add(new("_handler", handler));
        }

        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return new FormUrlEncodedContent(values);
    }

    /// <summary>The status of a login through the form: a redirect when it worked, the form again when not.</summary>
    private async Task<HttpStatusCode> LoginStatusAsync(string userName, string password)
    {
        using var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/account/login");
        using var response = await client.PostAsync("/account/login", Fields(login, "login", ("Input.UserName", userName), ("Input.Password", password)));
        return response.StatusCode;
    }

    private async Task<string> CreateEintragAsync(string personName, string? personEmail)
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Beratung", kommuneAgs = Erbach, personName, personEmail });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The ids the DSGVO search of the JSON API finds for a name: independent of the page under test.</summary>
    private async Task<string[]> FoundIdsAsync(string name)
    {
        using var response = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new DataSubjectQuery(name, null));
        var found = await response.Content.ReadFromJsonAsync<JsonElement>();
        return found.EnumerateArray().Select(f => f.GetProperty("record").GetProperty("recordId").GetString()!).ToArray();
    }

    private static string QueryValue(HttpResponseMessage redirect, string name)
        => Regex.Match(redirect.Headers.Location!.OriginalString, $"[?&]{name}=([^&]+)").Groups[1].Value;

    private string LocalTime(string isoUtc)
        => Web.PlatformLocalization.FormatLocal(DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture), Host.Services.GetRequiredService<PlatformOptions>().TimeZone);

    [GeneratedRegex(@"seitentest-\d\d")]
    private static partial Regex RecordIds();

    [GeneratedRegex("name=\"Erasure.Records\" value=\"([^\"]+)\"")]
    private static partial Regex RecordKeys();
}
