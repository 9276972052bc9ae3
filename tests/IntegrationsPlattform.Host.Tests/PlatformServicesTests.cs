using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Host.Cli;
using IntegrationsPlattform.Host.Configuration;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>Indicators, audit trail, DSGVO requests, mail, jobs, OpenAPI and security headers, on one running host.</summary>
[TestFixture]
public sealed class PlatformServicesTests : HostFixture
{
    private async Task<decimal> LatestAsync(string key, string ags)
    {
        using var scope = Host.Services.CreateScope();
        var snapshots = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetLatestIndicators(key));
        return snapshots.Where(s => s.MunicipalityAgs == ags).Select(s => s.Value).SingleOrDefault();
    }

    [Test]
    public async Task IndicatorsFollowWhatUsersDoThroughTheApi()
    {
        using var firstRun = await AdminApi.PostAsync("/api/admin/jobs/platform.indicators/run", null);
        var before = await LatestAsync("beispiel.eintraege", "06437012");
        for (var i = 0; i < 2; i++)
        {
            using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Kennzahl " + i, kommuneAgs = "06437012" });
        }

        using var secondRun = await AdminApi.PostAsync("/api/admin/jobs/platform.indicators/run", null);
        var run = await secondRun.Content.ReadFromJsonAsync<JsonElement>();
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var dashboard = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        Assert.Multiple(async () =>
        {
            Assert.That(secondRun.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(run.GetProperty("succeeded").GetInt64(), Is.EqualTo(1));
            Assert.That(await LatestAsync("beispiel.eintraege", "06437012"), Is.EqualTo(before + 2));
            Assert.That(dashboard, Does.Contain("Einträge").And.Contain("Mossautal"));
        });
    }

    /// <summary>A flow names its month ("im Dezember 2026"), a stock when it was taken ("Stand …"), from the indicator's kind.</summary>
    [Test]
    public async Task EveryFigureOnTheDashboardNamesItsPeriod()
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Im Monat", kommuneAgs = "06437006" });
        using var run = await AdminApi.PostAsync("/api/admin/jobs/platform.indicators/run", null);
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var dashboard = WebUtility.HtmlDecode(await browser.GetStringAsync("/"));
        var options = Host.Services.GetRequiredService<PlatformOptions>();
        var month = TimeZoneInfo.ConvertTime(Host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), options.TimeZone)
            .ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("de-DE"));
        string Figure(string label) => dashboard.Split("<div class=\"figure\">").Single(f => f.Contains($"<dt>{label}</dt>", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Figure("Neue Einträge"), Does.Contain($"<span class=\"figure-unit\">Einträge im {month}</span>"));
            Assert.That(Figure("Neue Einträge"), Does.Contain("Stand "), "a month not over yet also says when it was counted");
            Assert.That(Figure("Einträge"), Does.Contain("Stand ").And.Not.Contain($"im {month}"));
        });
    }

    [Test]
    public async Task JobRunsAreVisibleToAdminsWithLastResult()
    {
        using var run = await AdminApi.PostAsync("/api/admin/jobs/Beispiel.aufraeumen/run", null);
        var jobs = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
        var job = jobs.EnumerateArray().Single(j => j.GetProperty("key").GetString() == "Beispiel.aufraeumen");
        using var unknown = await AdminApi.PostAsync("/api/admin/jobs/gibt.es.nicht/run", null);
        Assert.Multiple(() =>
        {
            Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(job.GetProperty("lastRun").GetProperty("result").GetString(), Is.EqualTo("0 Einträge entfernt"));
            Assert.That(job.GetProperty("source").GetString(), Is.EqualTo("Beispielprogramm"));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task ListingPersonalRecordsWritesOneAuditEntryWithFilterAndCount()
    {
        using var list = await StaffApi.GetAsync("/api/beispiel/eintraege?kommune=06437001");
        var audit = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=Kommune%3D06437001");
        var rows = audit.GetProperty("rows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0].GetProperty("userName").GetString(), Is.EqualTo(PlatformHost.StaffUser));
            Assert.That(rows[0].GetProperty("action").GetString(), Is.EqualTo("List"));
            Assert.That(rows[0].GetProperty("module").GetString(), Is.EqualTo("Beispiel"));
            Assert.That(rows[0].GetProperty("endpoint").GetString(), Is.EqualTo("GET /api/beispiel/eintraege"));
            Assert.That(rows[0].GetProperty("details").GetString(), Does.Contain("Treffer"));
        });
    }

    [Test]
    public async Task DataSubjectRequestFindsExportsAndErasesAcrossModules()
    {
        await CreateWithPersonAsync("Zuzana Beispielová", "zuzana@demo.invalid");
        var found = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "Beispielová" })).Content.ReadFromJsonAsync<JsonElement>();
        var record = found.EnumerateArray().Single();
        var export = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/export", new { email = "zuzana@demo.invalid" })).Content.ReadFromJsonAsync<JsonElement>();
        using var withoutConfirmation = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new { name = "Beispielová" });
        using var erase = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            name = "Beispielová",
            records = new[] { new { module = "Beispiel", recordType = "Eintrag", recordId = record.GetProperty("record").GetProperty("recordId").GetString() } },
        });
        var afterwards = await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "Beispielová" })).Content.ReadFromJsonAsync<JsonElement>();
        var audit = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=DSGVO");
        Assert.Multiple(async () =>
        {
            Assert.That(record.GetProperty("module").GetString(), Is.EqualTo("Beispiel"));
            Assert.That(export.EnumerateArray().Single().GetProperty("data").GetProperty("fields").GetProperty("E-Mail").GetString(), Is.EqualTo("zuzana@demo.invalid"));
            Assert.That(withoutConfirmation.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await erase.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("erased").GetInt32(), Is.EqualTo(1));
            Assert.That(afterwards.GetArrayLength(), Is.Zero);
            Assert.That(audit.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()), Does.Contain("Export").And.Contain("Erase"));
        });
    }

    [Test]
    public async Task DataSubjectSearchNeedsANameOrEmail()
    {
        using var response = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "", email = "kein-at" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty("email", out _), Is.True);
        });
    }

    [Test]
    public async Task MailGoesToThePickupFolderAsEmlWithAttachment()
    {
        var mail = Host.Services.GetRequiredService<IMailSender>();
        await mail.SendAsync(new OutgoingMail("lotsin@demo.invalid", "Ihr Einsatz am 3. Dezember", "Guten Tag,\nanbei der Termin.")
        {
            Attachments = [new MailAttachment("termin.ics", "text/calendar", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray())],
        });
        var file = Directory.GetFiles(Path.Combine(Host.DataDirectory, "mail"), "*.eml").Single();
        var text = await File.ReadAllTextAsync(file);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("To: lotsin@demo.invalid"));
            Assert.That(text, Does.Contain("From: test@demo.invalid"));
            Assert.That(text, Does.Contain("termin.ics"));
        });
    }

    [Test]
    public async Task OpenApiDescribesHostAndModuleEndpointsAndTheUiIsServedLocally()
    {
        using var client = Host.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        using var ui = await client.GetAsync("/openapi/ui/index.html");
        var uiHtml = await ui.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(paths, Does.Contain("/api/auth/token").And.Contain("/api/admin/modules").And.Contain("/api/beispiel/eintraege"));
            Assert.That(paths, Has.None.StartWith("/api/ruhend"));
            Assert.That(ui.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(uiHtml, Does.Not.Contain("://cdn").And.Not.Contain("unpkg.com"));
        });
    }

    [Test]
    public async Task ResponsesCarrySecurityHeaders()
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync("/account/login");
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("default-src 'self'"));
            Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.Not.Empty);
        });
    }

    [Test]
    public async Task LegalPagesShowTheConfiguredTextsAndAreLinkedInTheFooter()
    {
        using var client = Host.Anonymous();
        var impressum = await client.GetStringAsync("/impressum");
        var barrierefreiheit = await client.GetStringAsync("/barrierefreiheit");
        Assert.Multiple(() =>
        {
            Assert.That(impressum, Does.Contain("Impressum des Testkreises"));
            Assert.That(impressum, Does.Contain("href=\"/datenschutz\"").And.Contain("href=\"/barrierefreiheit\""));
            Assert.That(barrierefreiheit, Does.Contain("mailto:barrierefreiheit@demo.invalid"));
        });
    }

    [Test]
    public async Task ThirtyTwoConcurrentWritesAllSucceed()
    {
        var before = CountEntries();
        var writes = Enumerable.Range(0, 32).Select(async i =>
        {
            using var response = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Parallel " + i, kommuneAgs = "06437003" });
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(writes);
        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(CountEntries(), Is.EqualTo(before + 32));
        });
    }

    [Test]
    public async Task CliListsModulesWithTheirTrueStateAndBacksUpEveryDatabase()
    {
        var output = new StringWriter();
        var listExit = await new CliCommand("modules", ["list"]).RunAsync(Host.Services, output, TextWriter.Null);
        var backupOutput = new StringWriter();
        var backupExit = await new CliCommand("backup", []).RunAsync(Host.Services, backupOutput, TextWriter.Null);
        var folder = backupOutput.ToString().Split(": ", 2)[1].Trim();
        var lines = output.ToString().Split('\n');
        using var copy = new SqliteConnection($"Data Source={Path.Combine(folder, "modules", "Beispiel.db")};Mode=ReadOnly");
        Assert.Multiple(() =>
        {
            Assert.That(listExit, Is.Zero);
            Assert.That(lines.Single(l => l.StartsWith("StartFehler", StringComparison.Ordinal)), Does.Contain("fehlgeschlagen"));
            Assert.That(lines.Single(l => l.StartsWith("Ruhend", StringComparison.Ordinal)), Does.Contain("deaktiviert"));
            Assert.That(lines.Single(l => l.StartsWith("Beispiel ", StringComparison.Ordinal)), Does.Contain("aktiv").And.Contain("1.2.0"));
            Assert.That(backupExit, Is.Zero);
            Assert.That(File.Exists(Path.Combine(folder, "host.db")), Is.True);
            Assert.That(copy.ExecuteScalar<long>("SELECT count(*) FROM schema_history"), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task AModulesStaticFilesAreServedFromItsPluginFolder()
    {
        using var client = Host.Anonymous();
        using var css = await client.GetAsync("/_modules/Beispiel/beispiel.css");
        using var missing = await client.GetAsync("/_modules/Ruhend/beispiel.css");
        Assert.Multiple(async () =>
        {
            Assert.That(css.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
            Assert.That(await css.Content.ReadAsStringAsync(), Does.Contain(".beispiel-hinweis"));
            Assert.That(missing.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task ShellTextsAreGermanByDefaultAndLocalizable()
    {
        using var client = Host.Anonymous();
        var german = await client.GetStringAsync("/account/login");
        var english = await client.GetStringAsync("/account/login?lang=en");
        var arabic = await client.GetStringAsync("/account/login?lang=ar");
        Assert.Multiple(() =>
        {
            Assert.That(german, Does.Contain("lang=\"de\" dir=\"ltr\"").And.Contain("Zum Inhalt springen"));
            Assert.That(english, Does.Contain("lang=\"en\" dir=\"ltr\"").And.Contain("Skip to content"));
            Assert.That(arabic, Does.Contain("lang=\"ar\" dir=\"rtl\""));
        });
    }

    [TestCase("", "de", "ltr", "Über das Beispielprogramm")]
    [TestCase("?lang=en", "en", "ltr", "About the example programme")]
    [TestCase("?lang=ar", "ar", "rtl", "حول البرنامج التجريبي")]
    [TestCase("?sprache=ar", "de", "ltr", "Über das Beispielprogramm")]
    public async Task AModuleOffersItsPublicPagesInMoreLanguages(string query, string lang, string direction, string title)
    {
        using var client = Host.Anonymous();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/beispiel/info" + query));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"lang=\"{lang}\" dir=\"{direction}\""));
            Assert.That(html, Does.Contain($"<h1>{title}</h1>"));
        });
    }

    /// <summary>
    /// A page the module marks public is for visitors, also when staff open it: no staff navigation, a language
    /// switch of plain links to the deployment's public languages, the legal pages in the visitor's language, and
    /// a text the module has not translated marked as German inside the Arabic page.
    /// </summary>
    [Test]
    public async Task APublicPageHasThePublicLayoutAndMarksGermanFallbacks()
    {
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await PlatformHost.PostLoginFormAsync(browser, PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/beispiel/info?lang=ar"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"ar\" dir=\"rtl\">"));
            Assert.That(html, Does.Not.Contain("main-nav").And.Not.Contain("/account/logout"), "no staff navigation on a public page");
            Assert.That(html, Does.Contain("<span lang=\"de\" dir=\"ltr\">Fragen beantwortet das WIR-Vielfaltszentrum.</span>"));
            Assert.That(html, Does.Contain("<h1>حول البرنامج التجريبي</h1>"), "a translated text needs no mark");
            foreach (var (code, direction, name) in new[] { ("de", "ltr", "Deutsch"), ("en", "ltr", "English"), ("ar", "rtl", "العربية"), ("tr", "ltr", "Türkçe"), ("uk", "ltr", "Українська"), ("ru", "ltr", "Русский"), ("fa", "rtl", "فارسی") })
            {
                Assert.That(html, Does.Contain($"<a href=\"/beispiel/info?lang={code}\" hreflang=\"{code}\" lang=\"{code}\" dir=\"{direction}\"").And.Contain($">{name}</a>"), code);
            }

            Assert.That(html, Does.Contain("<a href=\"/impressum\">بيانات الناشر</a>").And.Contain("<a href=\"/datenschutz\">").And.Contain("<a href=\"/barrierefreiheit\">"));
            Assert.That(html, Does.Not.Match("(src|href)=\"(https?:)?//"), "nothing loads from another origin");
            Assert.That(html, Does.Not.Contain("<script"), "the page works without script");
        });
    }

    [Test]
    public async Task TheLegalPagesAreGermanAndSaySoOnAPageInAnotherLanguage()
    {
        using var client = Host.Anonymous();
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/impressum?lang=fa"));
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"fa\" dir=\"rtl\">"));
            Assert.That(html, Does.Contain("<div lang=\"de\" dir=\"ltr\"><h1>Impressum</h1>"));
            Assert.That(html, Does.Contain("hreflang=\"tr\""), "the legal pages have the public layout with its language switch");
        });
    }

    /// <summary>
    /// A visitor who read the login page in Arabic keeps that language on public pages (cookie), but a
    /// staff page is German, also when its own query asks for Arabic.
    /// </summary>
    [Test]
    public async Task StaffPagesStayGermanWhateverTheQueryOrTheLanguageCookieSays()
    {
        using var browser = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signedIn = await PlatformHost.PostLoginFormAsync(browser, PlatformHost.StaffUser, PlatformHost.StaffPassword, "?lang=ar");
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var publicPageByCookie = await browser.GetStringAsync("/account/login");
        var staffPages = new[] { "/", "/?lang=ar", "/beispiel?lang=ar", "/beispiel?sprache=ar" };
        var rendered = new Dictionary<string, string>();
        foreach (var page in staffPages)
        {
            rendered[page] = await browser.GetStringAsync(page);
        }

        Assert.Multiple(() =>
        {
            Assert.That(publicPageByCookie, Does.Contain("lang=\"ar\" dir=\"rtl\""), "the language chosen on the login page is kept in a cookie");
            foreach (var (page, html) in rendered)
            {
                Assert.That(html, Does.Contain("<html lang=\"de\" dir=\"ltr\">").And.Contain("Zum Inhalt springen"), page);
            }
        });
    }

    private async Task CreateWithPersonAsync(string name, string email)
    {
        // The public API keeps person fields out; the test writes them the way a module's own form would.
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Beratung", kommuneAgs = "06437005", personName = name, personEmail = email });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }
}
