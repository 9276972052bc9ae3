using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The host as an admin runs it: a separate process with CLI verbs and command-line configuration.</summary>
[TestFixture]
public sealed class HostProcessTests
{
    private string _dataDirectory = null!;

    [SetUp]
    public void CreateDataDirectory() => _dataDirectory = Directory.CreateTempSubdirectory("ip-process-").FullName;

    [TearDown]
    public void DeleteDataDirectory()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Test]
    public async Task ModulesListShowsTheTruthWithoutStartingTheWebServer()
    {
        var (exit, output, _) = await RunHostAsync("modules", "list", "--Modules:Beispiel:Enabled=true", "--Modules:StartFehler:Enabled=true");
        var lines = output.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(lines.Single(l => l.StartsWith("Beispiel ", StringComparison.Ordinal)), Does.Contain("aktiv").And.Contain("1.2.0"));
            Assert.That(lines.Single(l => l.StartsWith("StartFehler", StringComparison.Ordinal)), Does.Contain("fehlgeschlagen").And.Contain("Absichtlicher Fehler"));
            Assert.That(lines.Single(l => l.StartsWith("Verbraucher", StringComparison.Ordinal)), Does.Contain("deaktiviert"));
            Assert.That(output, Does.Not.Contain("Now listening"));
        });
    }

    [TestCase("--Platform:Deployment:KreisAgs=123", "Platform:Deployment:KreisAgs")]
    [TestCase("--Platform:Deployment:Municipalities:12345678=Irgendwo", "Platform:Deployment:Municipalities:12345678")]
    [TestCase("--Platform:Security:SessionTimeoutMinutes=viele", "Platform:Security:SessionTimeoutMinutes")]
    [TestCase("--Platform:Mail:Mode=Brieftaube", "Platform:Mail:Mode")]
    [TestCase("--Platform:PublicBaseUrl=ftp://kreis", "Platform:PublicBaseUrl")]
    [TestCase("--Platform:Clock:Start=morgen", "Platform:Clock:Start")]
    public async Task BadConfigurationStopsTheHostWithAMessageNamingTheKey(string setting, string key)
    {
        var (exit, _, error) = await RunHostAsync("modules", "list", setting);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain($"'{key}'"));
        });
    }

    [TestCase("--Platform:Mail:Mode=Pickup", "Platform:Mail:Mode", TestName = "production without SMTP")]
    [TestCase("--Platform:Demo:Seed=true", "Platform:Demo:Seed", TestName = "production with demo accounts")]
    [TestCase("--Platform:Clock:Start=2027-01-31T10:00:00+01:00", "Platform:Clock:Start", TestName = "production on a moved clock")]
    public async Task AProductionConfigurationRefusesDemoShortcuts(string setting, string key)
    {
        var (exit, _, error) = await RunHostAsync(
            ["modules", "list", "--environment", "Production", "--Platform:PublicBaseUrl=https://integration.example/", "--Platform:Mail:Smtp:Host=smtp.example", "--Platform:Mail:From=kreis@example.org", setting],
            demo: false);
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain($"'{key}'"));
        });
    }

    [Test]
    public async Task TheHostRunsOnTheClockItIsGiven()
    {
        var (exit, output, _) = await RunHostAsync("backup", "--Platform:Clock:Start=2028-02-29T23:30:00+01:00");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(Path.GetFileName(Directory.GetDirectories(Path.Combine(_dataDirectory, "backups")).Single()), Does.StartWith("20280229T223"), "the backup folder is named by the host's clock (UTC)");
        });
    }

    [Test]
    public async Task MigrateBacksUpADatabaseWithPendingMigrationsFirst()
    {
        CreateDatabaseAtVersion1("Beispiel", "CREATE TABLE eintraege (id TEXT PRIMARY KEY, titel TEXT NOT NULL, kommune_ags TEXT NOT NULL, person_name TEXT, person_email TEXT, created_at TEXT NOT NULL)");
        var (exit, output, _) = await RunHostAsync("migrate", "--Modules:Beispiel:Enabled=true");
        var backup = Directory.GetFiles(Path.Combine(_dataDirectory, "backups"), "Beispiel.db", SearchOption.AllDirectories).Single();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, output);
            Assert.That(SchemaVersions(Path.Combine(_dataDirectory, "modules", "Beispiel.db")), Is.EqualTo(new long[] { 1, 2, 3, 5 }));
            Assert.That(SchemaVersions(backup), Is.EqualTo(new long[] { 1 }), "the backup is the state before migrating");
        });
    }

    [Test]
    public async Task AFailingMigrationLeavesAnExistingDatabaseAsItWas()
    {
        CreateDatabaseAtVersion1("MigrationsFehler", "CREATE TABLE probe (id TEXT PRIMARY KEY, wert TEXT NOT NULL)");
        var path = Path.Combine(_dataDirectory, "modules", "MigrationsFehler.db");
        var (exit, output, _) = await RunHostAsync("migrate", "--Modules:MigrationsFehler:Enabled=true");
        using var connection = new SqliteConnection($"Data Source={path}");
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1), "migrate reports the failed module");
            Assert.That(output, Does.Contain("MigrationsFehler").And.Contain("fehlgeschlagen"));
            Assert.That(SchemaVersions(path), Is.EqualTo(new long[] { 1 }));
            Assert.That(tables, Is.EqualTo(new[] { "probe", "schema_history" }), "0002 (valid) was not applied either: one transaction");
        });
    }

    [Test]
    public async Task UsersAddAdminCreatesAnAccountThatCanSignIn()
    {
        var (exit, output, error) = await RunHostAsync(["users", "add-admin", "kreisadmin"], demo: true, environment: new() { ["IP_ADMIN_PASSWORD"] = "Kreis-Admin-Passwort-1" });
        var (tooShortExit, _, tooShortError) = await RunHostAsync(["users", "add-admin", "zweiter"], demo: true, environment: new() { ["IP_ADMIN_PASSWORD"] = "kurz" });
        using var host = new PlatformHost(new Dictionary<string, string?> { ["Platform:Demo:Seed"] = "false" }, _dataDirectory);
        var token = await host.TokenAsync("kreisadmin", "Kreis-Admin-Passwort-1");
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(output, Does.Contain("Administrator 'kreisadmin' angelegt"));
            Assert.That(token, Is.Not.Empty);
            Assert.That(tooShortExit, Is.EqualTo(1));
            Assert.That(tooShortError, Does.Contain("mindestens 10 Zeichen"));
        });
    }

    private void CreateDatabaseAtVersion1(string moduleId, string schema)
    {
        Directory.CreateDirectory(Path.Combine(_dataDirectory, "modules"));
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dataDirectory, "modules", moduleId + ".db")}");
        connection.Execute(schema);
        connection.Execute("CREATE TABLE schema_history (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        connection.Execute("INSERT INTO schema_history VALUES (1, 'initial', '2026-01-01T00:00:00Z')");
    }

    private static long[] SchemaVersions(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        return connection.Query<long>("SELECT version FROM schema_history ORDER BY version").ToArray();
    }

    private Task<(int Exit, string Output, string Error)> RunHostAsync(params string[] arguments) => RunHostAsync(arguments, demo: true);

    private async Task<(int Exit, string Output, string Error)> RunHostAsync(string[] arguments, bool demo, Dictionary<string, string>? environment = null)
    {
        var hostProject = Path.Combine(RepositoryPaths.Root(), "host", "IntegrationsPlattform.Host");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = hostProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        // Verbs first, then the test's defaults, then the case's own settings (the last value wins).
        var verbs = arguments.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        List<string> defaults = [$"--Platform:DataDirectory={_dataDirectory}", $"--Platform:PluginsDirectory={PlatformHost.PluginsDirectory}", "--Platform:Demo:Seed=false"];
        if (demo)
        {
            // Production refuses a moved clock; every other run is on the suite's.
            defaults.AddRange(["--environment", "Demo", $"--Platform:Clock:Start={TestClock.ForHost(TestClock.Start)}"]);
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "IntegrationsPlattform.Host.dll"));
        foreach (var argument in verbs.Concat(defaults).Concat(arguments.Skip(verbs.Count)))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
