using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>
/// The only place that knows the storage provider. Durability: WAL with synchronous=NORMAL — a
/// committed transaction survives a crash of the process (the WAL is in the OS), the last
/// transactions before a power loss may be lost. Chosen for write latency; see README "Betrieb".
/// </summary>
internal static class Sqlite
{
    public const int BusyTimeoutMilliseconds = 5000;

    // Every request opens one or two connections. Building the string costs more than taking a pooled
    // connection, and it depends on the path only.
    private static readonly ConcurrentDictionary<string, string> ConnectionStrings = new(StringComparer.Ordinal);

    // The pragmas belong to the native connection, which the pool hands out again after Dispose: they
    // are set when a native connection is new, not on every open. The table forgets a native connection
    // once the pool has closed it for good. Foreign keys are among them rather than in the connection
    // string, where Microsoft.Data.Sqlite would run "PRAGMA foreign_keys" again on every open from the pool.
    private static readonly ConditionalWeakTable<sqlite3, object> Configured = new();
    private static readonly object Done = new();

    public static string ConnectionString(string path) => ConnectionStrings.GetOrAdd(path, p => new SqliteConnectionStringBuilder
    {
        DataSource = p,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString());

    public static async Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString(path));
        try
        {
            await connection.OpenAsync(cancellationToken);
            var handle = connection.Handle!;
            if (!Configured.TryGetValue(handle, out _))
            {
                using var pragma = connection.CreateCommand();
                pragma.CommandText = $"PRAGMA foreign_keys = ON; PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
                Configured.AddOrUpdate(handle, Done);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public static SqliteConnection Open(string path) => OpenAsync(path).GetAwaiter().GetResult();
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
