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

    // Microsoft.Data.Sqlite's own pool stays off: requests take their connections from the
    // ConnectionPool, which keeps them open together with their prepared statements; maintenance
    // (migrations, backups) opens and really closes its connections, so that a file it deletes is let go.
    private static readonly ConcurrentDictionary<string, string> ConnectionStrings = new(StringComparer.Ordinal);

    public static string ConnectionString(string path) => ConnectionStrings.GetOrAdd(path, p => new SqliteConnectionStringBuilder
    {
        DataSource = p,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString());

    /// <summary>A connection of its own, closed for good on Dispose: for migrations, backups and checks at start-up.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        return Configure(connection);
    }

    /// <summary>Opens <paramref name="connection"/> and sets the pragmas that belong to a connection, not to the file.</summary>
    public static SqliteConnection Configure(SqliteConnection connection)
    {
        try
        {
            connection.Open();
            // A plain command, not the connection's CreateCommand: run once, it is not worth a prepared statement.
            using var pragma = new SqliteCommand($"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;", connection);
            pragma.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            // Closed first: a pooled connection that is still open would otherwise go back to its pool.
            connection.Close();
            connection.Dispose();
            throw;
        }
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
