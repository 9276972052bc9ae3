using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Host.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace IntegrationsPlattform.Host.Mail;

/// <summary>Builds the MIME message once; where it goes depends on <c>Platform:Mail:Mode</c>.</summary>
internal sealed class MailSender(PlatformOptions options, TimeProvider time, ILogger<MailSender> logger) : IMailSender
{
    public string PickupDirectory => Path.GetFullPath(options.Mail.PickupDirectory ?? Path.Combine(options.DataDirectory, "mail"), options.DataDirectory);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        if (!MailboxAddress.TryParse(mail.To, out var recipient))
        {
            throw Contracts.Messaging.RequestValidationException.For("email", "Die E-Mail-Adresse des Empfängers ist nicht gültig.");
        }

        var message = new MimeMessage { Subject = mail.Subject, Date = time.GetUtcNow() };
        var from = MailboxAddress.Parse(options.Mail.From);
        message.From.Add(from);
        if (mail.Id is { } id)
        {
            message.MessageId = $"{id:N}@{from.Domain}";
        }

        message.To.Add(recipient);
        var body = new BodyBuilder { TextBody = mail.TextBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();

        if (options.Mail.Mode == MailMode.Pickup)
        {
            Directory.CreateDirectory(PickupDirectory);
            var name = (mail.Id ?? Guid.CreateVersion7()).ToString("N");
            if (mail.Id is not null && Directory.EnumerateFiles(PickupDirectory, $"*-{name}.eml").Any())
            {
                logger.LogInformation("E-Mail {MailId} liegt schon im Abholordner", name);
                return;
            }

            // Written beside and then moved: a process that dies while writing leaves no half mail in the folder.
            var path = Path.Combine(PickupDirectory, $"{time.GetUtcNow():yyyyMMddTHHmmssfff}-{name}.eml");
            await message.WriteToAsync(path + ".tmp", cancellationToken);
            File.Move(path + ".tmp", path);
            logger.LogInformation("E-Mail als Datei abgelegt: {Path}", Path.GetFileName(path));
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(options.Mail.SmtpHost!, options.Mail.SmtpPort, options.Mail.SmtpStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(options.Mail.SmtpUserName))
        {
            await client.AuthenticateAsync(options.Mail.SmtpUserName, options.Mail.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
