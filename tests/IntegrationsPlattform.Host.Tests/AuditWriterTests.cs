using Dapper;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The group-commit writer of audit rows, on a host.db of its own. A writer loop that died would
/// leave its waiters waiting: the time limit turns that into a failure instead of a hung run.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
public sealed class AuditWriterTests
{
    private string _directory = null!;
    private PlatformOptions _options = null!;
    private ConnectionPool _pool = null!;
    private AuditWriter _writer = null!;

    [SetUp]
    public void CreateWriter()
    {
        _directory = Path.Combine(Path.GetTempPath(), "ip-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var settings = ConfigurationTests.Valid();
        settings["Platform:DataDirectory"] = _directory;
        _options = PlatformOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new ConfigurationTests.TestEnvironment("Test"));
        _pool = new ConnectionPool();
        _writer = new AuditWriter(new HostDatabase(_options, new WriteGates(), _pool));
    }

    [TearDown]
    public async Task DisposeWriter()
    {
        await _writer.DisposeAsync();
        _pool.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task RowsQueuedConcurrentlyAreAllCommitted()
    {
        MigrateHostDatabase();
        var rows = Enumerable.Range(0, 600).Select(i => Row($"gleichzeitig-{i:000}")).ToList();

        await Committed(Task.WhenAll(rows.Select(row => Task.Run(() => _writer.WriteAsync(row)))));

        Assert.That(RecordIds(), Is.EquivalentTo(rows.Select(r => r.RecordId)));
    }

    [Test]
    public async Task AFailedBatchFailsItsWaitersAndTheNextBatchIsWritten()
    {
        // host.db without its tables: the batch's INSERT fails.
        var failed = Enumerable.Range(0, 3).Select(i => _writer.WriteAsync(Row($"verloren-{i}"))).ToList();
        foreach (var waiter in failed)
        {
            Assert.ThrowsAsync<SqliteException>(() => Committed(waiter));
        }

        MigrateHostDatabase();
        await Committed(_writer.WriteAsync(Row("geschrieben")));

        Assert.That(RecordIds(), Is.EqualTo(new[] { "geschrieben" }));
    }

    [Test]
    public async Task DisposingWritesWhatIsStillQueued()
    {
        MigrateHostDatabase();
        var waiters = Enumerable.Range(0, 50).Select(i => _writer.WriteAsync(Row($"beim-ende-{i:00}"))).ToList();

        await _writer.DisposeAsync().AsTask().WaitAsync(TestContext.CurrentContext.CancellationToken);

        Assert.Multiple(() =>
        {
            Assert.That(waiters.Select(w => w.Status), Is.All.EqualTo(TaskStatus.RanToCompletion));
            Assert.That(RecordIds(), Has.Count.EqualTo(50));
            Assert.Throws<ObjectDisposedException>(() => _writer.WriteAsync(Row("zu-spaet")));
        });
    }

    private static Task Committed(Task waiter) => waiter.WaitAsync(TestContext.CurrentContext.CancellationToken);

    private static AuditRow Row(string recordId)
        => new(Guid.CreateVersion7().ToString(), TestClock.Start.ToUniversalTime().ToString("O"), null, "test", "View", "Plattform", "Test", recordId, "CLI", "");

    private void MigrateHostDatabase() => MigrationRunner.Migrate(_options.HostDatabasePath, typeof(PlatformSetup).Assembly, new MovableClock());

    private List<string> RecordIds()
    {
        using var connection = new SqliteConnection($"Data Source={_options.HostDatabasePath};Mode=ReadOnly;Pooling=False");
        return connection.Query<string>("SELECT record_id FROM audit_log ORDER BY record_id").ToList();
    }
}
