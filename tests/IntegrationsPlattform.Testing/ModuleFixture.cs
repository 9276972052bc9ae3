using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// The base of a programme module's test fixtures: one running host per fixture, from the test project's built plugin
/// folder, with only the module and the <see cref="Peers"/> its tests need, on the test kit's clock. Demo data is off
/// unless <see cref="DemoData"/> asks for it: then the platform admin is the only account, and a test makes the users
/// it needs with exactly the grants it is about (<see cref="ApiAsync"/>, <see cref="BrowserAsync"/> with
/// <see cref="TestGrant"/>s per permission and scope).
/// </summary>
public abstract class ModuleFixture
{
    protected PlatformHost Host { get; private set; } = null!;

    /// <summary>The platform admin (JSON API): manages roles and jobs, holds no module permission.</summary>
    protected HttpClient AdminApi { get; private set; } = null!;

    /// <summary>The id of the module under test (<c>Modules:&lt;Id&gt;:Enabled</c>).</summary>
    protected abstract string ModuleId { get; }

    /// <summary>Other modules that run beside it, e.g. a test plugin that uses its contracts.</summary>
    protected virtual IReadOnlyList<string> Peers => [];

    /// <summary>Whether the host seeds the demo accounts and every running module's demo data.</summary>
    protected virtual bool DemoData => false;

    /// <summary>Settings of this fixture's host besides the defaults (e.g. module settings).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The host's clock: from the suite's starting moment; a fixture gives its own to move it.</summary>
    protected virtual MovableClock Clock { get; } = new();

    [OneTimeSetUp]
    public async Task StartHostAsync()
    {
        Host = PlatformHost.ForModules([ModuleId, .. Peers], DemoData, Settings, Clock);
        AdminApi = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
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
        AdminApi.Dispose();
        Host.Dispose();
    }

    /// <summary>A new user with exactly these grants, signed in for the JSON API.</summary>
    protected Task<HttpClient> ApiAsync(string name, params TestGrant[] grants) => TestAccounts.ApiClientAsync(Host, AdminApi, name, grants);

    /// <summary>A new user with exactly these grants, signed in through the login form for the pages.</summary>
    protected Task<HttpClient> BrowserAsync(string name, params TestGrant[] grants) => TestAccounts.BrowserClientAsync(Host, AdminApi, name, grants);

    /// <summary>The module's figures after running the host's snapshot job (keys starting with the module id, e.g. <c>lotsen.</c>).</summary>
    protected Task<IndicatorReadings> IndicatorsAsync() => Indicators.SnapshotAsync(Host, ModuleId.ToLowerInvariant() + ".");

    /// <summary>A direct connection to the module's database file, to prove what was (not) written.</summary>
    protected SqliteConnection ModuleDatabase() => new($"Data Source={Host.ModuleDatabase(ModuleId)};Pooling=False");

    protected long Count(string table, string where = "1 = 1", object? parameters = null)
    {
        using var connection = ModuleDatabase();
        return connection.ExecuteScalar<long>($"SELECT count(*) FROM {table} WHERE {where}", parameters);
    }
}
