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
internal sealed class WriteGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public SemaphoreSlim For(string databasePath) => _gates.GetOrAdd(databasePath, _ => new SemaphoreSlim(1, 1));
}
