using Dapper;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Accounts;

/// <summary>
/// Deletes invitations and password-reset requests a week after their link expired, with the e-mail address and name
/// they hold: by then they only served the rate limit and the refusal of a late click. Who invited whom stays in the
/// audit trail, the accepted invitation's person in the account.
/// </summary>
internal sealed class AccountLinkCleanupJob(HostDatabase database) : IScheduledJob
{
    public const string Key = "platform.kontolinks";

    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(7);

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = AccountLinks.Stamp(now - KeptAfterExpiry);
        var (invitations, resets) = await database.WriteAsync(async (c, t) => (
            await c.ExecuteAsync("DELETE FROM invitations WHERE expires_at < @before", new { before }, t),
            await c.ExecuteAsync("DELETE FROM password_resets WHERE expires_at < @before", new { before }, t)), cancellationToken);
        return $"{invitations} Einladungen und {resets} Anforderungen neuer Passwörter gelöscht.";
    }
}
