using Dapper;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The connections of the request path come from the <see cref="ConnectionPool"/>: reused with their
/// prepared statements, and never handed out again in a state the next request could stumble over.
/// </summary>
[TestFixture]
public sealed class SqliteConnectionTests
{
    private string _path = null!;
    private ConnectionPool _pool = null!;

    [SetUp]
    public void CreateDatabase()
    {
        _path = Path.Combine(Path.GetTempPath(), "ip-tests", Guid.NewGuid().ToString("N"), "pool.db");
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var setup = Sqlite.Open(_path);
        setup.Execute("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        _pool = new ConnectionPool();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        _pool.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    [Test]
    public async Task TheDatabaseSizeCountsTheChangesStillInTheWriteAheadLog()
    {
        await using var connection = await _pool.OpenAsync(_path);
        await connection.ExecuteAsync("INSERT INTO t (name) VALUES (@name)", Enumerable.Range(0, 200).Select(i => new { name = new string('x', 200) + i }));
        var (file, wal) = (new FileInfo(_path).Length, new FileInfo(_path + "-wal").Length);
        Assert.Multiple(() =>
        {
            Assert.That(wal, Is.GreaterThan(0), "the rows are still in the log, not yet in the file");
            Assert.That(Sqlite.DatabaseBytes(_path), Is.EqualTo(file + wal));
            Assert.That(Sqlite.DatabaseBytes(_path + ".fehlt"), Is.Zero);
        });
    }

    [Test]
    public async Task NewAndReusedConnectionsAllHaveForeignKeysBusyTimeoutAndSynchronousNormal()
    {
        var seen = new List<(long ForeignKeys, long BusyTimeout, long Synchronous)>();
        for (var round = 1; round <= 2; round++)
        {
            var open = new List<SqliteConnection>();
            for (var i = 0; i < 3; i++)
            {
                open.Add(await _pool.OpenAsync(_path));
            }

            foreach (var connection in open)
            {
                seen.Add((
                    await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"),
                    await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"),
                    await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")));
                await connection.DisposeAsync();
            }
        }

        // synchronous = 1 is NORMAL.
        Assert.That(seen, Has.Count.EqualTo(6).And.All.EqualTo((1L, (long)Sqlite.BusyTimeoutMilliseconds, 1L)));
    }

    [Test]
    public async Task AConnectionClosedAndOpenedAgainByModuleCodeStillHasItsPragmas()
    {
        await using var connection = await _pool.OpenAsync(_path);
        await connection.ExecuteAsync("PRAGMA foreign_keys = OFF");
        connection.Close();
        SqliteConnection.ClearAllPools();
        await connection.OpenAsync();

        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
    }

    [Test]
    public async Task AGivenBackConnectionIsReusedWithItsPreparedStatementAndFreshParameters()
    {
        await using (var writer = await _pool.OpenAsync(_path))
        {
            await writer.ExecuteAsync("INSERT INTO t (id, name) VALUES (1, 'Aylin'), (2, 'Bekir'), (3, 'Chiara')");
        }

        var names = new List<string?>();
        sqlite3? handle = null;
        var connections = new HashSet<SqliteConnection>();
        for (var id = 1; id <= 3; id++)
        {
            await using var connection = await _pool.OpenAsync(_path);
            connections.Add(connection);
            handle = connection.Handle;
            names.Add(await connection.QuerySingleOrDefaultAsync<string>("SELECT name FROM t WHERE id = @id", new { id }));
        }

        Assert.Multiple(() =>
        {
            Assert.That(names, Is.EqualTo(new[] { "Aylin", "Bekir", "Chiara" }));
            Assert.That(connections, Has.Count.EqualTo(1), "die zurückgegebene Verbindung wird wiederverwendet");
            Assert.That(PreparedStatements(handle!), Is.EqualTo(2), "je SQL-Text eine vorbereitete Anweisung: das INSERT und das SELECT");
        });
    }

    [Test]
    public async Task AConnectionDisposedTwiceIsHandedOutOnlyOnce()
    {
        var connection = await _pool.OpenAsync(_path);
        await connection.DisposeAsync();
        await connection.DisposeAsync();

        await using var first = await _pool.OpenAsync(_path);
        await using var second = await _pool.OpenAsync(_path);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.SameAs(connection), "die zurückgegebene Verbindung wird wiederverwendet");
            Assert.That(second, Is.Not.SameAs(first), "zwei Anfragen dürfen nie dieselbe Verbindung bekommen");
            Assert.That(first.State, Is.EqualTo(System.Data.ConnectionState.Open));
        });
    }

    [Test]
    public async Task AConnectionGivenBackInsideATransactionIsClosedAndItsWorkRolledBack()
    {
        var connection = await _pool.OpenAsync(_path);
        var transaction = connection.BeginTransaction(deferred: false);
        await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (1, 'halb geschrieben')", transaction: transaction);
        await connection.DisposeAsync();

        await using var next = await _pool.OpenAsync(_path);
        Assert.Multiple(async () =>
        {
            Assert.That(next, Is.Not.SameAs(connection));
            Assert.That(await next.ExecuteScalarAsync<long>("SELECT count(*) FROM t"), Is.Zero);
            Assert.That(raw.sqlite3_get_autocommit(next.Handle), Is.EqualTo(1), "die nächste Verbindung steht außerhalb jeder Transaktion");
        });
    }

    [Test]
    public async Task AConnectionWithAnUnfinishedReaderIsNotHandedOutAgain()
    {
        await using (var writer = await _pool.OpenAsync(_path))
        {
            await writer.ExecuteAsync("INSERT INTO t (id, name) VALUES (1, 'a'), (2, 'b')");
        }

        var connection = await _pool.OpenAsync(_path);
        var command = new SqliteCommand("SELECT name FROM t", connection);
        var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        await connection.DisposeAsync();

        await using var next = await _pool.OpenAsync(_path);
        Assert.That(next, Is.Not.SameAs(connection));
    }

    [Test]
    public async Task CommittedAndRolledBackTransactionsOnPooledConnectionsBehaveAsUsual()
    {
        await using (var connection = await _pool.OpenAsync(_path))
        {
            await using var committed = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (1, 'bleibt')", transaction: committed);
            await committed.CommitAsync();
        }

        await using (var connection = await _pool.OpenAsync(_path))
        {
            await using var rolledBack = connection.BeginTransaction(deferred: false);
            await connection.ExecuteAsync("INSERT INTO t (id, name) VALUES (2, 'verworfen')", transaction: rolledBack);
            await rolledBack.RollbackAsync();
        }

        await using var reader = await _pool.OpenAsync(_path);
        Assert.That(await reader.QueryAsync<string>("SELECT name FROM t ORDER BY id"), Is.EqualTo(new[] { "bleibt" }));
    }

    [Test]
    public async Task ADisposedPoolHandsOutNothing()
    {
        await (await _pool.OpenAsync(_path)).DisposeAsync();
        _pool.Dispose();
        Assert.ThrowsAsync<ObjectDisposedException>(() => _pool.OpenAsync(_path));
    }

    private static int PreparedStatements(sqlite3 handle)
    {
        var count = 0;
        for (var statement = raw.sqlite3_next_stmt(handle, null); statement is not null; statement = raw.sqlite3_next_stmt(handle, statement))
        {
            count++;
        }

        return count;
    }
}
