using IntegrationsPlattform.Host.Configuration;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>The host's own database <c>host.db</c>. No module ever sees it.</summary>
internal sealed class HostDatabase(PlatformOptions options, WriteGates gates, ConnectionPool connections)
{
    public string Path => options.HostDatabasePath;

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default) => connections.OpenAsync(Path, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one immediate transaction, one writer at a time.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        // Opened before the turn is taken, as in ModuleTransactions: the queue waits for transactions only.
        await using var connection = await OpenAsync(cancellationToken);
        var gate = gates.For(Path);
        await gate.TakeTurnAsync(cancellationToken);
        try
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            gate.EndTurn();
        }
    }

    public Task WriteAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken = default)
        => WriteAsync(async (c, t) =>
        {
            await work(c, t);
            return true;
        }, cancellationToken);
}
