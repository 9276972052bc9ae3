using System.Threading.Channels;
using Dapper;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Security;

/// <summary>One row of <c>audit_log</c>, complete as of the moment of the access it records.</summary>
internal sealed record AuditRow(string Id, string At, string? UserId, string? UserName, string Action, string Module, string RecordType, string? RecordId, string Endpoint, string Details);

/// <summary>
/// Writes audit rows to host.db in group commits: one writer loop takes everything queued so far and
/// inserts it in one transaction. Under load many requests record at once, and one host.db
/// transaction each would queue them all behind the same write lock.
/// </summary>
internal sealed class AuditWriter : IDisposable, IAsyncDisposable
{
    /// <summary>Rows per transaction at most: a long batch would hold the host.db lock from its other writers.</summary>
    public const int MaxBatchSize = 256;

    private readonly HostDatabase _database;
    private readonly Channel<(AuditRow Row, TaskCompletionSource Committed)> _queue =
        Channel.CreateUnbounded<(AuditRow, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Task _loop;

    public AuditWriter(HostDatabase database)
    {
        _database = database;
        _loop = Task.Run(WriteBatchesAsync);
    }

    /// <summary>Completes once the row is committed; fails with the batch's error if its transaction fails.</summary>
    public Task WriteAsync(AuditRow row)
    {
        // Continuations run on the pool: the loop must not run the callers' code before its next batch.
        var committed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((row, committed)) ? committed.Task : throw new ObjectDisposedException(nameof(AuditWriter));
    }

    public Task WriteAsync(IReadOnlyCollection<AuditRow> rows) => rows.Count == 0 ? Task.CompletedTask : Task.WhenAll(rows.Select(WriteAsync));

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Writes what is queued, then ends the loop. Both containers dispose it; the second call finds it done.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<(AuditRow Row, TaskCompletionSource Committed)>(MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchSize && _queue.Reader.TryRead(out var queued))
            {
                batch.Add(queued);
            }

            try
            {
                await _database.WriteAsync(async (connection, transaction) =>
                {
                    foreach (var (row, _) in batch)
                    {
                        await connection.ExecuteAsync(
                            """
                            INSERT INTO audit_log (id, at, user_id, user_name, action, module, record_type, record_id, endpoint, details)
                            VALUES (@Id, @At, @UserId, @UserName, @Action, @Module, @RecordType, @RecordId, @Endpoint, @Details)
                            """,
                            row,
                            transaction);
                    }
                });
                batch.ForEach(b => b.Committed.SetResult());
            }
            catch (Exception ex)
            {
                // The callers learn of it; the loop goes on with the next batch.
                batch.ForEach(b => b.Committed.SetException(ex));
            }

            batch.Clear();

            // The completed callers' continuations wait in this thread's queue; under load the channel
            // is never empty, and without yielding they would wait for the following batches too.
            await Task.Yield();
        }
    }
}
