using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// One running host per fixture with the Lotsen plugin from the built plugin folder and the demo
/// accounts: <c>admin</c> (platform only) and <c>fachkraft</c> (every Lotsen permission).
/// </summary>
public abstract class LotsenFixture
{
    protected PlatformHost Host { get; private set; } = null!;

    /// <summary>Staff of the WIR-Vielfaltszentrum, holding every Lotsen permission for the whole Kreis.</summary>
    protected HttpClient StaffApi { get; private set; } = null!;

    /// <summary>The same staff member signed in to the pages (cookie session), as a browser.</summary>
    protected HttpClient StaffBrowser { get; private set; } = null!;

    /// <summary>The platform admin: holds no Lotsen permission.</summary>
    protected HttpClient AdminApi { get; private set; } = null!;

    /// <summary>Settings of this fixture's host besides the defaults (e.g. module settings).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The host's clock: from the suite's starting moment; retention tests give their own to move it.</summary>
    protected virtual MovableClock Clock { get; } = new();

    [OneTimeSetUp]
    public async Task StartHostAsync()
    {
        var settings = new Dictionary<string, string?> { ["Modules:Lotsen:Enabled"] = "true", ["Modules:LotsenNutzer:Enabled"] = "true" };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        Host = new PlatformHost(settings) { Clock = Clock };
        StaffApi = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        AdminApi = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        StaffBrowser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
    }

    /// <summary>A failed test shows the errors the host logged, which the HTTP answer (rightly) hides.</summary>
    [TearDown]
    public void ShowHostErrorsOfFailedTest()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(string.Join(Environment.NewLine, Host.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).TakeLast(5)));
        }
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        StaffApi.Dispose();
        AdminApi.Dispose();
        StaffBrowser.Dispose();
        Host.Dispose();
    }

    /// <summary>A page as the staff member sees it (must answer 200), HTML-decoded.</summary>
    protected Task<string> PageAsync(string path) => PageForms.TextAsync(StaffBrowser, path);

    /// <summary>Posts the staff member's form <paramref name="handler"/> of the page at <paramref name="path"/> as a browser does.</summary>
    protected Task<HttpResponseMessage> SubmitAsync(string path, string handler, params (string Name, string Value)[] fields)
        => PageForms.SubmitAsync(StaffBrowser, path, handler, fields);

    protected Task<HttpResponseMessage> SubmitAsync(string path, string handler, Dictionary<string, string> fields)
        => PageForms.SubmitAsync(StaffBrowser, path, handler, fields);

    /// <summary>A direct connection to the module's database file, to prove what was (not) written.</summary>
    protected SqliteConnection ModuleDatabase() => new($"Data Source={Host.ModuleDatabase("Lotsen")};Pooling=False");

    protected long Count(string table, string where = "1 = 1", object? parameters = null)
    {
        using var connection = ModuleDatabase();
        return connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE {where}", parameters);
    }
}
