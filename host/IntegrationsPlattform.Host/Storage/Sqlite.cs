using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>
/// The only place that knows the storage provider. Durability: WAL with synchronous=NORMAL — a
/// committed transaction survives a crash of the process (the WAL is in the OS), the last
/// transactions before a power loss may be lost. Chosen for write latency; see README "Betrieb".
/// </summary>
internal static class Sqlite
{
    public const int BusyTimeoutMilliseconds = 5000;

    // Requests keep their connections open in the ConnectionPool, with their prepared statements.
    // Microsoft.Data.Sqlite's pool stays on below it: the native connections that migrations and the
    // checks at start-up opened are the request path's first ones, and closing the last connection to
    // a file would checkpoint the WAL and sync the file (together about 150 ms of the start-up).
    private static readonly ConcurrentDictionary<string, string> ConnectionStrings = new(StringComparer.Ordinal);

    public static string ConnectionString(string path) => ConnectionStrings.GetOrAdd(path, p => new SqliteConnectionStringBuilder
    {
        DataSource = p,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>
    /// The database's size on disk including its write-ahead log, which holds every change since the last
    /// checkpoint (after the demo seeding nearly all of a module's data); 0 when there is no file.
    /// </summary>
    public static long DatabaseBytes(string path)
        => new[] { path, path + "-wal" }.Select(file => new FileInfo(file)).Where(file => file.Exists).Sum(file => file.Length);

    /// <summary>A connection for migrations, backups and checks at start-up; not one of the request path's.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            connection.Open();
            SetPragmas(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The pragmas that belong to a connection, not to the file; set on every open, since the native
    /// connection may come from Microsoft.Data.Sqlite's pool, where anyone may have changed them.
    /// </summary>
    public static void SetPragmas(SqliteConnection connection)
    {
        // A plain command, not the connection's CreateCommand: run once, it is not worth a prepared statement.
        using var pragma = new SqliteCommand($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;", connection);
        pragma.ExecuteNonQuery();
    }
}

/// <summary>
/// One writer at a time per database file, in process. SQLite serialises writers anyway; queueing them
/// here instead of in SQLite's busy loop keeps the latency tail short (see stack notes).
/// </summary>
internal sealed class WriteGates : IDisposable
{
    private readonly ConcurrentDictionary<string, WriteGate> _gates = new(StringComparer.Ordinal);

    public WriteGate For(string databasePath) => _gates.GetOrAdd(databasePath, _ => new WriteGate());

    public void Dispose()
    {
        foreach (var gate in _gates.Values)
        {
            gate.Dispose();
        }
    }
}

/// <summary>The writers' turn on one database file, and the command group left open for the next writer.</summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>Writers waiting for the turn right now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>True right after <see cref="EndTurn"/> when a waiting writer took the turn over.</summary>
    public bool HandedOver => _turn.CurrentCount == 0;

    /// <summary>The transaction of the current command group; read and changed only by the turn's holder.</summary>
    public CommandGroup? OpenGroup { get; set; }

    public async Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    /// <summary>Takes the turn only if it is free right now.</summary>
    public bool TryTakeTurn() => _turn.Wait(0);

    public void EndTurn() => _turn.Release();

    public void Dispose() => _turn.Dispose();
}
