using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Messaging.Outbox;

/// <summary>What admins do with parked messages (page and API alike): each retry and drop goes into the audit trail.</summary>
internal sealed class ParkedMessages(OutboxDispatcher outbox, AuditTrail trail)
{
    public const string RecordType = "Nachricht";

    public Task<IReadOnlyList<ParkedMessage>> ListAsync(CancellationToken cancellationToken) => outbox.ParkedAsync(cancellationToken);

    public Task<ParkedMessage?> FindAsync(string id, CancellationToken cancellationToken) => outbox.FindParkedAsync(id, cancellationToken);

    public async Task<ParkedMessage> RetryAsync(string id, CancellationToken cancellationToken)
    {
        var message = await outbox.RetryAsync(id, cancellationToken) ?? throw Gone();
        await trail.RecordAsync(new AuditEntry(AuditAction.Change, RecordType, id, $"erneut zur Zustellung freigegeben: {Describe(message)}"), OutboxDispatcher.PlatformSender, CancellationToken.None);
        return message;
    }

    public async Task<ParkedMessage> DropAsync(string id, CancellationToken cancellationToken)
    {
        var message = await outbox.DropAsync(id, cancellationToken) ?? throw Gone();
        await trail.RecordAsync(new AuditEntry(AuditAction.Change, RecordType, id, $"verworfen, wird nicht zugestellt: {Describe(message)}"), OutboxDispatcher.PlatformSender, CancellationToken.None);
        return message;
    }

    /// <summary>The type's own name (without its namespace) and who sent it to whom — never the content, which may hold personal data.</summary>
    public static string Describe(ParkedMessage message) => $"{ShortType(message.Type)} von {message.Sender} an {ReceiverName(message.Receiver)}";

    public static string ShortType(string type) => type[(type.LastIndexOf('.') + 1)..];

    public static string ReceiverName(string receiver) => receiver == OutboxTables.MailReceiver ? "E-Mail-Versand" : receiver;

    private static RecordNotFoundException Gone() => new("Diese Nachricht ist nicht (mehr) zurückgestellt: schon zugestellt, verworfen oder nie vorhanden.");
}
