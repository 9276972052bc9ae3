using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Modules;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Messaging.Outbox;

/// <summary>
/// Stores messages in the outbox of the transaction's database, one row per receiver, so that each receiver's
/// deliveries keep their own order and a receiver that keeps failing holds back nothing meant for another.
/// </summary>
internal sealed class OutboxWriter(ModuleRegistry registry, MessageTypes types, TimeProvider time) : IOutboxWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Publish(SqliteConnection connection, SqliteTransaction transaction, INotification notification)
    {
        var type = notification.GetType();
        var name = types.NameOf(type);
        var payload = JsonSerializer.Serialize(notification, type, Json);
        foreach (var receiver in registry.NotificationReceivers(type))
        {
            Insert(connection, transaction, receiver.Id, "Notification", name, payload, null);
        }
    }

    public void Send<TResult>(SqliteConnection connection, SqliteTransaction transaction, ICorrelatedCommand<TResult> command)
    {
        var type = command.GetType();
        registry.EnsureServed(type);
        var receiver = registry.OwnerOfRequest(type) is { IsRunning: true } owner
            ? owner.Id
            : throw new InvalidOperationException($"Kein laufendes Modul bearbeitet {type.Name}.");
        Insert(connection, transaction, receiver, "Command", types.NameOf(type), JsonSerializer.Serialize(command, type, Json), command.CorrelationId.ToString());
    }

    public void Mail(SqliteConnection connection, SqliteTransaction transaction, OutgoingMail mail)
        => Insert(connection, transaction, OutboxTables.MailReceiver, "Mail", nameof(OutgoingMail), JsonSerializer.Serialize(mail, Json), null);

    private void Insert(SqliteConnection connection, SqliteTransaction transaction, string receiver, string kind, string type, string payload, string? correlationId)
    {
        var now = time.GetUtcNow().ToString("O");
        connection.Execute(
            """
            INSERT INTO platform_outbox (id, receiver, kind, type, payload, correlation_id, created_at, next_attempt_at)
            VALUES (@id, @receiver, @kind, @type, @payload, @correlationId, @now, @now)
            """,
            new { id = Guid.CreateVersion7().ToString(), receiver, kind, type, payload, correlationId, now },
            transaction);
    }
}
