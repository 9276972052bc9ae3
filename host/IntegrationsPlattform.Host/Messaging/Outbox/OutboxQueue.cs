using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Messaging.Outbox;

/// <summary>One stored message to one receiver.</summary>
internal sealed record OutboxMessage(
    long Seq, string Id, string Receiver, string Kind, string Type, string Payload, string? CorrelationId,
    string CreatedAt, long Attempts, string NextAttemptAt, string? LastError, string? ParkedAt)
{
    public bool IsParked => ParkedAt is not null;

    public bool IsDueAt(DateTimeOffset now) => !IsParked && DateTimeOffset.Parse(NextAttemptAt, CultureInfo.InvariantCulture) <= now;
}

/// <summary>How often a message is tried and how long the host waits between tries.</summary>
internal sealed record OutboxRetries(int MaxAttempts)
{
    /// <summary>
    /// Parked after the last try, or at once when the receiver's own rules refused it (invalid, against a rule, a
    /// record that is gone, outside a scope): such a refusal comes again however often it is tried, and the admin
    /// should read it now rather than after hours of back-off.
    /// </summary>
    public bool Parks(long failures, Exception error)
        => failures >= MaxAttempts || error is RequestValidationException or DomainRuleException or RecordNotFoundException or OutOfScopeException;

    private static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    /// <summary>10 s after the first failure, doubling up to an hour: a receiver that is briefly down gets its messages soon, one that stays down is not hammered.</summary>
    public static TimeSpan Backoff(long failures)
        => failures >= 20 ? Longest : TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks << (int)Math.Max(0, failures - 1)));
}

/// <summary>
/// The outbox of one database (the sender's): what is due, in commit order per receiver. The receivers' heads
/// are the oldest message of each; a later message to a receiver waits until its head is delivered, so a
/// parked head holds back its own receiver only.
/// </summary>
internal sealed class OutboxQueue(
    string sender,
    Func<CancellationToken, Task<SqliteConnection>> open,
    Func<Func<SqliteConnection, SqliteTransaction, Task<int>>, CancellationToken, Task<int>> write)
{
    private const string Columns = """
        seq AS Seq, id AS Id, receiver AS Receiver, kind AS Kind, type AS Type, payload AS Payload, correlation_id AS CorrelationId,
        created_at AS CreatedAt, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, parked_at AS ParkedAt
        """;

    public string Sender => sender;

    /// <summary>
    /// Delivers every due message, each receiver's in commit order, until none is left that is due; a failure
    /// is recorded on the message (tried again after <see cref="OutboxRetries.Backoff"/>, parked after the last
    /// try or at once when refused, see <see cref="OutboxRetries.Parks"/>) and ends this round for its receiver. Returns how many were delivered.
    /// </summary>
    public async Task<int> DeliverDueAsync(Func<OutboxMessage, Task> deliver, OutboxRetries retries, TimeProvider time, Action<OutboxMessage, Exception> failed, CancellationToken cancellationToken)
    {
        var delivered = 0;
        bool progress;
        do
        {
            progress = false;
            foreach (var head in await HeadsAsync(cancellationToken))
            {
                if (!head.IsDueAt(time.GetUtcNow()))
                {
                    continue;
                }

                try
                {
                    await deliver(head);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failed(head, ex);
                    await RecordFailureAsync(head, ex, retries, time.GetUtcNow(), cancellationToken);
                    continue;
                }

                await write((c, t) => c.ExecuteAsync("DELETE FROM platform_outbox WHERE seq = @Seq", new { head.Seq }, t), cancellationToken);
                delivered++;
                progress = true;
            }
        }
        while (progress);

        return delivered;
    }

    /// <summary>The oldest message of each receiver.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> HeadsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return (await connection.QueryAsync<OutboxMessage>(
            $"SELECT {Columns} FROM platform_outbox o WHERE seq = (SELECT MIN(seq) FROM platform_outbox WHERE receiver = o.receiver) ORDER BY seq")).ToList();
    }

    public async Task<IReadOnlyList<OutboxMessage>> ParkedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return (await connection.QueryAsync<OutboxMessage>($"SELECT {Columns} FROM platform_outbox WHERE parked_at IS NOT NULL ORDER BY seq")).ToList();
    }

    /// <summary>Messages not yet delivered, parked ones included.</summary>
    public async Task<long> WaitingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM platform_outbox");
    }

    /// <summary>Takes a parked message back into delivery with a fresh count of tries; false when no such message is parked.</summary>
    public async Task<bool> RetryAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
        => await write((c, t) => c.ExecuteAsync(
            "UPDATE platform_outbox SET parked_at = NULL, attempts = 0, next_attempt_at = @now WHERE id = @id AND parked_at IS NOT NULL",
            new { id, now = now.ToString("O") }, t), cancellationToken) == 1;

    /// <summary>Deletes a parked message for good; false when no such message is parked.</summary>
    public async Task<bool> DropAsync(string id, CancellationToken cancellationToken)
        => await write((c, t) => c.ExecuteAsync("DELETE FROM platform_outbox WHERE id = @id AND parked_at IS NOT NULL", new { id }, t), cancellationToken) == 1;

    private Task<int> RecordFailureAsync(OutboxMessage message, Exception error, OutboxRetries retries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var failures = message.Attempts + 1;
        return write((c, t) => c.ExecuteAsync(
            "UPDATE platform_outbox SET attempts = @failures, last_error = @error, next_attempt_at = @next, parked_at = @parked WHERE seq = @Seq",
            new
            {
                message.Seq,
                failures,
                error = error.Message,
                next = (now + OutboxRetries.Backoff(failures)).ToString("O"),
                parked = retries.Parks(failures, error) ? now.ToString("O") : null,
            },
            t), cancellationToken);
    }
}
