using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
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
/// <para>
/// Commands to one database run one at a time (the file's <see cref="WriteGate"/>), and consecutive
/// commands share one SQLite transaction (group commit): each runs in a savepoint of its own, which
/// is released when it succeeds and rolled back when it fails, and the transaction commits once no
/// further command is waiting or <see cref="MaxCommandsPerGroup"/> have run. A command returns only
/// after that commit, so nothing is answered that is not durable; if the commit fails, every command
/// of the group fails with it. One commit and one write of the changed pages for many commands
/// instead of one each keeps the writers' turn short, which is what 32 concurrent writers queue for.
/// </para>
/// </summary>
internal sealed class ModuleTransactions(WriteGates gates, ConnectionPool connections, IOutboxWriter outbox) : IAsyncDisposable
{
    /// <summary>Commands per group at most: the first of a group waits for the others before it answers.</summary>
    public const int MaxCommandsPerGroup = 8;

    private const string Savepoint = "befehl";

    private readonly Dictionary<string, OpenCommand> _open = new(StringComparer.Ordinal);

    public ModuleTransaction? Current(string databasePath) => _open.TryGetValue(databasePath, out var open) ? open.Transaction : null;

    /// <summary>Whether a command of this scope is still running on any database.</summary>
    public bool AnyOpen => _open.Count > 0;

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

    /// <summary>
    /// Opens the command's savepoint, in the open group or a new one. A <paramref name="bulk"/> command
    /// (<see cref="IBulkCommand{TResult}"/>) gets a group of its own with a large page cache.
    /// </summary>
    public async Task<ModuleTransaction> BeginAsync(string databasePath, CancellationToken cancellationToken, bool bulk = false)
    {
        // Opened before the turn is taken: opening writes nothing, and the writers queued behind this
        // one should wait for its transaction only. A command that joins an open group gives it back.
        var connection = await connections.OpenAsync(databasePath, cancellationToken);
        var gate = gates.For(databasePath);
        try
        {
            await gate.TakeTurnAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        if (bulk)
        {
            // The commands before it commit on their own: their answers must not wait for a bulk load.
            await CloseGroupAsync(gate);
        }

        var group = gate.OpenGroup;
        var joining = group is not null;
        try
        {
            if (group is null)
            {
                // IMMEDIATE takes the write lock now, so that a second process cannot slip in between read and write.
                group = new CommandGroup(connection, connection.BeginTransaction(deferred: false));
                gate.OpenGroup = group;
                if (bulk)
                {
                    group.StartBulkLoad();
                }
            }
            else
            {
                await connection.DisposeAsync();
            }

            group.Sql.Save(Savepoint);
            var transaction = new ModuleTransaction(group.Connection, group.Sql, outbox);
            _open[databasePath] = new OpenCommand(transaction, gate, group, []);
            return transaction;
        }
        catch
        {
            // Given back already when joining (twice would hand it out twice); otherwise the group's
            // closing below disposes it, unless the group never got it.
            if (!joining && gate.OpenGroup?.Connection != connection)
            {
                await connection.DisposeAsync();
            }

            await CloseGroupAsync(gate);
            gate.EndTurn();
            throw;
        }
    }

    public async Task EndAsync(string databasePath, bool commit)
    {
        if (!_open.Remove(databasePath, out var open))
        {
            return;
        }

        var (gate, group) = (open.Gate, open.Group);
        try
        {
            if (commit)
            {
                if (group.BulkLoad)
                {
                    // Fresh statistics for the query planner, or it plans for the tables as they were.
                    await group.Connection.ExecuteAsync("ANALYZE main", transaction: group.Sql);
                }

                group.Sql.Release(Savepoint);
            }
            else
            {
                group.Sql.Rollback(Savepoint);
                group.Sql.Release(Savepoint);
            }
        }
        catch (Exception ex)
        {
            group.Fail(ex);
        }

        group.Commands++;
        // A command nested in another module's command (this scope still holds that one's turn) commits
        // at once: were it to wait for its group, and a writer of its group in turn waited for the
        // outer module's turn, neither would ever finish.
        var nested = AnyOpen;
        if (nested || group.BulkLoad || group.Failed || gate.Waiting == 0 || group.Commands >= MaxCommandsPerGroup || !group.IsActive)
        {
            await CloseGroupAsync(gate);
        }

        gate.EndTurn();
        if (gate.HandedOver)
        {
            // The turn went to a waiting writer, whose continuation now sits first in this thread's
            // queue. Yielding lets it run at once instead of after the rest of this request (the
            // response): the writers' queue is the bottleneck, not this one response.
            await Task.Yield();
        }
        else if (gate.OpenGroup is not null && gate.TryTakeTurn())
        {
            // The writer counted as waiting gave up (cancelled): nobody continues the group, so it is
            // committed here. Had a new writer taken the turn first, the group would be its to finish.
            await CloseGroupAsync(gate);
            gate.EndTurn();
        }

        // A rolled-back command is done: its savepoint is gone whatever becomes of the group.
        if (commit)
        {
            await group.Committed;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var path in _open.Keys.ToList())
        {
            try
            {
                await EndAsync(path, commit: false);
            }
            catch (Exception)
            {
                // Rolled back either way: the group this command belonged to failed.
            }
        }
    }

    /// <summary>Commits (or, after a failure, rolls back) the open group; only while holding the turn.</summary>
    private static async Task CloseGroupAsync(WriteGate gate)
    {
        if (gate.OpenGroup is not { } group)
        {
            return;
        }

        gate.OpenGroup = null;
        try
        {
            if (group.Failed || !group.IsActive)
            {
                group.Fail(new InvalidOperationException("Die gemeinsame Transaktion wurde zurückgerollt."));
                if (group.IsActive)
                {
                    await group.Sql.RollbackAsync();
                }
            }
            else
            {
                await group.Sql.CommitAsync();
                group.Succeed();
            }
        }
        catch (Exception ex)
        {
            group.Fail(ex);
        }
        finally
        {
            await group.Sql.DisposeAsync();
            group.EndBulkLoad();
            await group.Connection.DisposeAsync();
        }
    }

    private sealed record OpenCommand(ModuleTransaction Transaction, WriteGate Gate, CommandGroup Group, List<AuditRow> AuditRows);
}

/// <summary>Consecutive commands' shared transaction; completes for all of them with its commit.</summary>
internal sealed class CommandGroup(SqliteConnection connection, SqliteTransaction sql)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Sql { get; } = sql;

    public int Commands { get; set; }

    /// <summary>The page cache size the connection had before a bulk load, restored before it goes back to the pool.</summary>
    private long? _cacheSizeBeforeBulkLoad;

    public bool BulkLoad => _cacheSizeBeforeBulkLoad is not null;

    /// <summary>A page cache of 256 MB: the whole set stays in memory until the commit instead of spilling into the WAL page by page.</summary>
    public void StartBulkLoad()
    {
        _cacheSizeBeforeBulkLoad = Connection.ExecuteScalar<long>("PRAGMA cache_size", transaction: Sql);
        Connection.Execute("PRAGMA cache_size = -262144", transaction: Sql);
    }

    /// <summary>Gives the connection its own cache size back: it is reused only when it comes back clean.</summary>
    public void EndBulkLoad()
    {
        if (_cacheSizeBeforeBulkLoad is { } before)
        {
            Connection.Execute($"PRAGMA cache_size = {before}");
        }
    }

    public bool Failed => _committed.Task.IsFaulted;

    /// <summary>False once SQLite has rolled the transaction back by itself (some I/O and full-disk errors do).</summary>
    public bool IsActive => SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    public Task Committed => _committed.Task;

    public void Succeed() => _committed.TrySetResult();

    public void Fail(Exception exception) => _committed.TrySetException(exception);
}
