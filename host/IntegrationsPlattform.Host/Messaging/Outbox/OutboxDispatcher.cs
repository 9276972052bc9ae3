using System.Reflection;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Messaging.Outbox;

/// <summary>A parked message as the admin page shows it: where it waits and why.</summary>
internal sealed record ParkedMessage(string Id, string Sender, string Receiver, string Kind, string Type, string CreatedAt, long Attempts, string? LastError, string ParkedAt);

/// <summary>
/// Delivers what the outboxes of host.db and the module databases hold: woken after every commit that wrote to
/// one, and every few seconds for what is left (after a restart, or a try whose back-off has passed on the
/// host's clock). One round at a time. A notification or command runs in a transaction of the receiver's
/// database that also records the message in the receiver's inbox, so a repeated delivery (the host died
/// after the receiver's commit, before the sender's outbox row was deleted) changes nothing; a mail carries
/// the message id, by which the mail sender sends it once.
/// </summary>
internal sealed class OutboxDispatcher(
    ModuleRegistry registry,
    HostDatabase hostDatabase,
    ConnectionPool connections,
    IServiceScopeFactory scopes,
    MessageTypes types,
    IMailSender mail,
    AuditWriter audit,
    PlatformOptions options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>The sender name of host.db's outbox (the double opt-in's mails).</summary>
    public const string PlatformSender = "Plattform";

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private static readonly MethodInfo NotifyMethod = typeof(OutboxDispatcher).GetMethod(nameof(NotifyAsync), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo SendMethod = typeof(OutboxDispatcher).GetMethod(nameof(SendAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _round = new(1, 1);
    private readonly OutboxRetries _retries = new(options.Outbox.MaxAttempts);

    /// <summary>Starts a round soon: called after a commit that wrote to an outbox.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the coming round delivers this commit's messages too.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Outbox.Paused)
        {
            logger.LogWarning("Die Zustellung des Postausgangs ist angehalten (Platform:Outbox:Paused); Nachrichten warten, bis der Host ohne diese Einstellung startet.");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: what is left waits in the outboxes for the next start.
                return;
            }
            catch (Exception ex)
            {
                // A database that cannot be read now; the next round tries again.
                logger.LogError(ex, "Zustellrunde des Postausgangs fehlgeschlagen");
            }

            try
            {
                await _wake.WaitAsync(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers every due message of every outbox (also what those deliveries queue) and returns how many.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            int delivered;
            do
            {
                delivered = 0;
                foreach (var queue in Queues())
                {
                    delivered += await queue.DeliverDueAsync(m => DeliverAsync(queue.Sender, m, cancellationToken), _retries, time, LogFailure, cancellationToken);
                }

                total += delivered;
            }
            while (delivered > 0);

            return total;
        }
        finally
        {
            _round.Release();
        }
    }

    public async Task<IReadOnlyList<ParkedMessage>> ParkedAsync(CancellationToken cancellationToken)
    {
        var parked = new List<ParkedMessage>();
        foreach (var queue in Queues())
        {
            parked.AddRange((await queue.ParkedAsync(cancellationToken)).Select(m =>
                new ParkedMessage(m.Id, queue.Sender, m.Receiver, m.Kind, m.Type, m.CreatedAt, m.Attempts, m.LastError, m.ParkedAt!)));
        }

        return parked.OrderBy(m => m.ParkedAt, StringComparer.Ordinal).ToList();
    }

    /// <summary>Messages waiting in all outboxes, parked ones included.</summary>
    public async Task<long> WaitingAsync(CancellationToken cancellationToken)
    {
        long waiting = 0;
        foreach (var queue in Queues())
        {
            waiting += await queue.WaitingAsync(cancellationToken);
        }

        return waiting;
    }

    /// <summary>Puts a parked message back into delivery (and wakes it); null when no parked message has this id.</summary>
    public async Task<ParkedMessage?> RetryAsync(string id, CancellationToken cancellationToken)
    {
        var (queue, message) = await FindParkedInQueueAsync(id, cancellationToken);
        if (queue is null || !await queue.RetryAsync(id, time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        Wake();
        return message;
    }

    /// <summary>Deletes a parked message; null when no parked message has this id.</summary>
    public async Task<ParkedMessage?> DropAsync(string id, CancellationToken cancellationToken)
    {
        var (queue, message) = await FindParkedInQueueAsync(id, cancellationToken);
        return queue is not null && await queue.DropAsync(id, cancellationToken) ? message : null;
    }

    public async Task<ParkedMessage?> FindParkedAsync(string id, CancellationToken cancellationToken)
        => (await FindParkedInQueueAsync(id, cancellationToken)).Message;

    private async Task<(OutboxQueue? Queue, ParkedMessage? Message)> FindParkedInQueueAsync(string id, CancellationToken cancellationToken)
    {
        foreach (var queue in Queues())
        {
            if ((await queue.ParkedAsync(cancellationToken)).FirstOrDefault(m => m.Id == id) is { } m)
            {
                return (queue, new ParkedMessage(m.Id, queue.Sender, m.Receiver, m.Kind, m.Type, m.CreatedAt, m.Attempts, m.LastError, m.ParkedAt!));
            }
        }

        return (null, null);
    }

    private IEnumerable<OutboxQueue> Queues()
    {
        yield return new OutboxQueue(PlatformSender, hostDatabase.OpenAsync, (work, ct) => hostDatabase.WriteAsync(work, ct));
        foreach (var module in registry.Running.Where(m => m.DatabasePath is not null))
        {
            var path = module.DatabasePath!;
            yield return new OutboxQueue(module.Id, ct => connections.OpenAsync(path, ct), (work, ct) => InModuleTransactionAsync(path, work, ct));
        }
    }

    private void LogFailure(OutboxMessage message, Exception exception)
        => logger.LogWarning(exception, "Zustellung von {Type} an {Receiver} fehlgeschlagen (Versuch {Attempt})", message.Type, message.Receiver, message.Attempts + 1);

    private async Task DeliverAsync(string sender, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.Kind == "Mail")
        {
            var outgoing = JsonSerializer.Deserialize<OutgoingMail>(message.Payload, OutboxWriter.Json)!;
            await mail.SendAsync(outgoing with { Id = Guid.Parse(message.Id) }, cancellationToken);
            return;
        }

        var receiver = registry.Find(message.Receiver) is { IsRunning: true, DatabasePath: not null } running
            ? running
            : throw new InvalidOperationException($"Das Modul {message.Receiver} läuft nicht.");
        var type = types.Resolve(message.Type);
        var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxWriter.Json)!;
        await using var scope = scopes.CreateAsyncScope();
        var transactions = scope.ServiceProvider.GetRequiredService<ModuleTransactions>();
        var path = receiver.DatabasePath!;
        var transaction = await transactions.BeginAsync(path, cancellationToken);
        try
        {
            var first = await transaction.Connection.ExecuteAsync(
                "INSERT INTO platform_inbox (message_id, sender, type, processed_at) VALUES (@Id, @sender, @Type, @now) ON CONFLICT (message_id) DO NOTHING",
                new { message.Id, sender, message.Type, now = time.GetUtcNow().ToString("O") },
                transaction.Sql) == 1;
            if (first)
            {
                var method = message.Kind == "Command" ? SendMethod : NotifyMethod;
                await (Task)method.MakeGenericMethod(message.Kind == "Command" ? ResultTypeOf(type) : type)
                    .Invoke(null, [scope.ServiceProvider, receiver, payload, cancellationToken])!;
            }
        }
        catch
        {
            await transactions.EndAsync(path, commit: false);
            throw;
        }

        var auditRows = transactions.DeferredAuditRows(path).ToList();
        await transactions.EndAsync(path, commit: true);
        await audit.WriteAsync(auditRows);
    }

    /// <summary>The receiver's own handlers of the notification; the other modules get their own copy of the message.</summary>
    private static async Task NotifyAsync<TNotification>(IServiceProvider services, InstalledModule receiver, object notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        foreach (var handler in services.GetServices<INotificationHandler<TNotification>>().Where(h => h.GetType().Assembly == receiver.Assembly))
        {
            await handler.Handle((TNotification)notification, cancellationToken);
        }
    }

    /// <summary>Through the mediator, so the command passes its validation; it joins the transaction opened for it.</summary>
    private static async Task SendAsync<TResult>(IServiceProvider services, InstalledModule receiver, object command, CancellationToken cancellationToken)
        => await services.GetRequiredService<IMediator>().Send((IRequest<TResult>)command, cancellationToken);

    private static Type ResultTypeOf(Type commandType)
        => commandType.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];

    /// <summary>A write to a module database's outbox, as a command of its own (joining the group of commands waiting to commit).</summary>
    private async Task<int> InModuleTransactionAsync(string path, Func<SqliteConnection, SqliteTransaction, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var transactions = scope.ServiceProvider.GetRequiredService<ModuleTransactions>();
        var transaction = await transactions.BeginAsync(path, cancellationToken);
        int result;
        try
        {
            result = await work(transaction.Connection, transaction.Sql);
        }
        catch
        {
            await transactions.EndAsync(path, commit: false);
            throw;
        }

        await transactions.EndAsync(path, commit: true);
        return result;
    }
}
