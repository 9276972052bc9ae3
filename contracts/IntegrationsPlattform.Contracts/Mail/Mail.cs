namespace IntegrationsPlattform.Contracts.Mail;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record OutgoingMail(string To, string Subject, string TextBody)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// Set by the outbox to its message id: a mail with an id is sent once however often it is handed over
    /// (the pickup file is named by it; SMTP gets it as the Message-ID, by which mail servers drop a repeat).
    /// </summary>
    public Guid? Id { get; init; }
}

/// <summary>Sends mail by SMTP or, in the demo and in tests, as .eml files in the pickup folder.</summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
