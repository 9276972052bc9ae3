using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Storage;

internal sealed class ModuleDatabase<TModule>(ModuleRegistry registry, ModuleTransactions transactions, ConnectionPool connections) : IModuleDatabase<TModule>
    where TModule : PlatformModule
{
    private readonly InstalledModule _module = registry.OfModuleType(typeof(TModule));

    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
        => connections.OpenAsync(_module.DatabasePath!, cancellationToken);

    public ModuleTransaction Transaction => transactions.Current(_module.DatabasePath!)
        ?? throw new InvalidOperationException($"Schreibzugriff auf die Datenbank von {_module.Id} nur innerhalb eines Commands (ICommand<T>).");
}

/// <summary>
/// The open command transactions of one lifetime scope (one HTTP request or CLI call), per database
/// file, with the audit rows that wait for their commit.
/// </summary>
internal sealed class ModuleTransactions(WriteGates gates, ConnectionPool connections) : IAsyncDisposable
{
    private readonly Dictionary<string, (ModuleTransaction Transaction, SemaphoreSlim Gate, List<AuditRow> AuditRows)> _open = new(StringComparer.Ordinal);

    public ModuleTransaction? Current(string databasePath) => _open.TryGetValue(databasePath, out var open) ? open.Transaction : null;

    /// <summary>Keeps <paramref name="row"/> for the commit of the transaction open on the database; false when none is.</summary>
    public bool TryDeferUntilCommit(string databasePath, AuditRow row)
    {
        if (!_open.TryGetValue(databasePath, out var open))
        {
            return false;
        }

        open.AuditRows.Add(row);
        return true;
    }

    /// <summary>The rows to write once the transaction has committed; a rollback drops them with it.</summary>
    public IReadOnlyList<AuditRow> DeferredAuditRows(string databasePath) => _open.TryGetValue(databasePath, out var open) ? open.AuditRows : [];

    public async Task<ModuleTransaction> BeginAsync(string databasePath, CancellationToken cancellationToken)
    {
        // Opened before the turn is taken: opening writes nothing, and the writers queued behind this
        // one should wait for its transaction only.
        var connection = await connections.OpenAsync(databasePath, cancellationToken);
        var gate = gates.For(databasePath);
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        try
        {
            // IMMEDIATE takes the write lock now, so that a second process cannot slip in between read and write.
            var transaction = connection.BeginTransaction(deferred: false);
            var moduleTransaction = new ModuleTransaction(connection, transaction);
            _open[databasePath] = (moduleTransaction, gate, []);
            return moduleTransaction;
        }
        catch
        {
            await connection.DisposeAsync();
            gate.Release();
            throw;
        }
    }

    public async Task EndAsync(string databasePath, bool commit)
    {
        if (!_open.Remove(databasePath, out var open))
        {
            return;
        }

        try
        {
            if (commit)
            {
                await open.Transaction.Sql.CommitAsync();
            }
            else
            {
                await open.Transaction.Sql.RollbackAsync();
            }
        }
        finally
        {
            await open.Transaction.Sql.DisposeAsync();
            open.Gate.Release();
            await open.Transaction.Connection.DisposeAsync();
            if (open.Gate.CurrentCount == 0)
            {
                // The turn went to a waiting writer, whose continuation now sits first in this thread's
                // queue. Yielding lets it run at once instead of after the rest of this request (the
                // response): the writers' queue is the bottleneck, not this one response.
                await Task.Yield();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var path in _open.Keys.ToList())
        {
            await EndAsync(path, commit: false);
        }
    }
}
