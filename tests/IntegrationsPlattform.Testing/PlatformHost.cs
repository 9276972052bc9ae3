using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// A real host on a fresh data directory, loading the test plugins from the built plugin folder
/// (bin/…/plugins) exactly as a deployment does. One per fixture.
/// </summary>
public sealed partial class PlatformHost : WebApplicationFactory<Program>
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "Demo-Admin-2026";
    public const string StaffUser = "fachkraft";
    public const string StaffPassword = "Demo-Fachkraft-2026";

    private readonly Dictionary<string, string?> _settings;

    public PlatformHost(IDictionary<string, string?>? settings = null, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "ip-tests", Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Platform:DataDirectory"] = DataDirectory,
            ["Platform:PluginsDirectory"] = PluginsDirectory,
            ["Platform:Demo:Seed"] = "true",
            ["Platform:Mail:Mode"] = "Pickup",
            ["Platform:Mail:From"] = "test@demo.invalid",
            ["Platform:Legal:Impressum"] = "Impressum des Testkreises",
            ["Platform:Legal:Datenschutz"] = "Datenschutz des Testkreises",
            ["Platform:Legal:Barrierefreiheit"] = "Barrierefreiheit des Testkreises",
            ["Platform:Legal:FeedbackContact"] = "barrierefreiheit@demo.invalid",
            ["Platform:Security:TokenRequestsPerMinute"] = "1000",
        };
        foreach (var (key, value) in TestPluginSwitches.Concat(settings ?? new Dictionary<string, string?>()))
        {
            _settings[key] = value;
        }
    }

    /// <summary>The test plugins the host tests run by default (a test project without them in its plugin folder just lists them as not installed).</summary>
    private static readonly Dictionary<string, string?> TestPluginSwitches = new()
    {
        ["Modules:Beispiel:Enabled"] = "true",
        ["Modules:Verbraucher:Enabled"] = "true",
        ["Modules:Ruhend:Enabled"] = "false",
        ["Modules:FremdesSdk:Enabled"] = "true",
        ["Modules:DoppelteId:Enabled"] = "true",
        ["Modules:FehlendeAbhaengigkeit:Enabled"] = "true",
        ["Modules:StartFehler:Enabled"] = "true",
        ["Modules:MigrationsFehler:Enabled"] = "true",
        ["Modules:DoppelteRoute:Enabled"] = "true",
    };

    /// <summary>
    /// A host running only <paramref name="modules"/> (a module and the peers its tests need) from the plugin folder.
    /// Without <paramref name="demoData"/> nothing is seeded: the only account is the platform admin
    /// (<see cref="AdminUser"/>, made as a deployment's first admin), and tests make the users they need with
    /// <see cref="TestAccounts"/>; with it the demo accounts and every running module's demo data are there.
    /// </summary>
    public static PlatformHost ForModules(IEnumerable<string> modules, bool demoData, IDictionary<string, string?>? settings = null, MovableClock? clock = null)
    {
        var only = TestPluginSwitches.Keys.ToDictionary(key => key, _ => (string?)"false");
        // Real modules are enabled by the host's appsettings: one that a test project installs as a peer of another
        // (Lotsen beside Gesundheit) runs only in the fixtures that name it.
        foreach (var installed in Directory.Exists(PluginsDirectory) ? Directory.GetDirectories(PluginsDirectory) : [])
        {
            only[$"Modules:{Path.GetFileName(installed)}:Enabled"] = "false";
        }

        foreach (var module in modules)
        {
            only[$"Modules:{module}:Enabled"] = "true";
        }

        only["Platform:Demo:Seed"] = demoData ? "true" : "false";
        if (!demoData)
        {
            only["Platform:FirstAdmin:UserName"] = AdminUser;
            only["Platform:FirstAdmin:Password"] = AdminPassword;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            only[key] = value;
        }

        return new PlatformHost(only) { Clock = clock ?? new MovableClock() };
    }

    public static string PluginsDirectory => Path.Combine(AppContext.BaseDirectory, "plugins");

    public string DataDirectory { get; }

    /// <summary>
    /// The host's clock (scheduler, token expiry, module times, demo data): by default from the suite's
    /// starting moment; a fixture gives its own to move it, e.g. to let a retention period pass.
    /// </summary>
    public MovableClock Clock { get; init; } = new();

    /// <summary>Everything the host logged so far.</summary>
    public CapturedLogs Logs { get; } = new();

    public string ModuleDatabase(string moduleId) => Path.Combine(DataDirectory, "modules", moduleId + ".db");

    /// <summary>
    /// Delivers what the outboxes hold and is due now, as the host's dispatcher does a moment after each commit:
    /// a test that reads what a command caused in another module or a mailbox calls it first (<see cref="MailsTo"/> does).
    /// Returns how many messages were delivered.
    /// </summary>
    public Task<int> DeliverOutboxAsync() => Services.GetRequiredService<IntegrationsPlattform.Host.Messaging.Outbox.OutboxDispatcher>().DeliverDueAsync();

    /// <summary>The mails the host wrote into its pickup folder for <paramref name="address"/>, oldest first, once the outboxes are delivered.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailsTo(string address)
    {
        DeliverOutboxAsync().GetAwaiter().GetResult();
        var folder = Path.Combine(DataDirectory, "mail");
        return !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeKit.MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The path and query of the double opt-in link in the last mail to <paramref name="address"/>.</summary>
    public string ConfirmationLink(string address) => LinkInLastMail(address, "/bestaetigung/");

    /// <summary>
    /// The path and query of the link under <paramref name="pathStart"/> (e.g. <c>/einladung/</c>,
    /// <c>/passwort-zuruecksetzen/</c>) in the last mail to <paramref name="address"/>.
    /// </summary>
    public string LinkInLastMail(string address, string pathStart)
    {
        var mails = MailsTo(address);
        var mail = mails.Count > 0 ? mails[^1] : throw new AssertionException($"Keine E-Mail an {address}");
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+" + System.Text.RegularExpressions.Regex.Escape(pathStart) + @"\S+");
        return link.Success ? new Uri(link.Value).PathAndQuery : throw new AssertionException($"Kein Link {pathStart} in der E-Mail an {address}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Test");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client without cookies or token.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>A client with a bearer token of the user.</summary>
    public async Task<HttpClient> ApiClientAsync(string userName, string password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName, password));
        return client;
    }

    public async Task<string> TokenAsync(string userName, string password)
    {
        using var client = Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A browser-like client (cookies, no auto redirect) signed in through the login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await PostLoginFormAsync(client, userName, password);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "Anmeldung über das Formular fehlgeschlagen");
        return client;
    }

    /// <summary>GETs the login page (for its anti-forgery token) and posts the form, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostLoginFormAsync(HttpClient client, string userName, string password, string query = "")
    {
        var login = await client.GetStringAsync("/account/login" + query);
        return await client.PostAsync("/account/login" + query, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = AntiforgeryToken(login),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    public static string AntiforgeryToken(string html)
        => TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new AssertionException("Kein Anti-Forgery-Token im Formular");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a background thread; the temp folder is cleaned by the OS.
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
