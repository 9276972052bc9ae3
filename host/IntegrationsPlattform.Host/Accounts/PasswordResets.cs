using Dapper;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Messaging.Outbox;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Accounts;

/// <summary>
/// „Passwort vergessen“: a single-use, expiring link by e-mail to every active account of the address. The answer
/// is the same whether or not the address has an account — the request stores a row either way (which the rate limit
/// per address counts) — and only the mail differs, which goes to the owner of the address.
/// </summary>
internal sealed class PasswordResets(
    HostDatabase database,
    PlatformOptions options,
    TimeProvider time,
    IOutboxWriter outbox,
    OutboxDispatcher delivery,
    IPublicLinks links,
    AccountStore accounts,
    PermissionCache cache,
    AuditTrail audit)
{
    private const string RecordType = "Benutzerkonto";

    /// <summary>Mails reset links for the address's accounts, unless the address asked too often within the hour; says nothing about either.</summary>
    public async Task RequestAsync(string? email, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var checkedEmail = string.IsNullOrWhiteSpace(email) ? null : errors.Email("email", email);
        if (checkedEmail is null)
        {
            throw new RequestValidationException(errors.Count > 0 ? errors : [new FieldError("email", "Bitte die E-Mail-Adresse Ihres Kontos angeben.")]);
        }

        var address = AccountLinks.Normalize(checkedEmail);
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.AccountLinks.ResetLifetimeMinutes);
        var resets = await database.WriteAsync(async (c, t) =>
        {
            var recent = await c.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM password_resets WHERE email = @address AND created_at > @hourAgo", new { address, hourAgo = AccountLinks.Stamp(now.AddHours(-1)) }, t);
            if (recent >= options.AccountLinks.MailsPerAddressPerHour)
            {
                return [];
            }

            var owners = (await c.QueryAsync<(string Id, string UserName)>(
                "SELECT id, user_name FROM users WHERE lower(trim(email)) = @address AND is_active = 1 ORDER BY user_name", new { address }, t)).ToList();
            var issued = new List<string>();
            foreach (var owner in owners.DefaultIfEmpty())
            {
                // No account: a row without user and token, so that the rate limit counts the request all the same.
                var token = owner.Id is null ? null : SecretTokens.New();
                await c.ExecuteAsync(
                    "INSERT INTO password_resets (id, email, user_id, token_hash, created_at, expires_at) VALUES (@id, @address, @userId, @hash, @created, @expires)",
                    new { id = Guid.CreateVersion7().ToString(), address, userId = owner.Id, hash = token is null ? null : SecretTokens.Hash(token), created = AccountLinks.Stamp(now), expires = AccountLinks.Stamp(expires) },
                    t);
                if (token is not null)
                {
                    // With the reset row, in host.db's outbox: nothing is lost in a crash, and the answer does not wait for the mail server.
                    outbox.Mail(c, t, ResetMail(checkedEmail, owner.UserName, token));
                    issued.Add(owner.Id!);
                }
            }

            return issued;
        }, cancellationToken);

        delivery.Wake();

        foreach (var userId in resets)
        {
            await audit.RecordAsync(new AuditEntry(AuditAction.Change, RecordType, userId, "Link zum Zurücksetzen des Passworts verschickt"), "Plattform", cancellationToken);
        }
    }

    private OutgoingMail ResetMail(string email, string userName, string token) => new(email, "Passwort zurücksetzen – IntegrationsPlattform", $"""
        Guten Tag,

        für das Konto „{userName}“ der IntegrationsPlattform des {options.Deployment.KreisName} wurde ein neues Passwort angefordert.

        Über diesen Link legen Sie es fest:
        {links.Absolute($"/passwort-zuruecksetzen/{token}")}

        Der Link gilt {options.AccountLinks.ResetLifetimeMinutes} Minuten und nur einmal. Haben Sie nichts angefordert, können Sie diese E-Mail löschen; Ihr Passwort bleibt dann, wie es ist.
        """);

    /// <summary>Whether the link of <paramref name="token"/> can still set a password.</summary>
    public async Task<LinkState> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return StateOf(await FindAsync(connection, null, token));
    }

    /// <summary>Sets the new password once: the link is used up in the same transaction, with every other open link of the account.</summary>
    public async Task ResetAsync(string token, string? password, string? passwordRepeat, CancellationToken cancellationToken = default)
    {
        var errors = AccountStore.ValidatePassword(password).ToList();
        if (password is not null && password != passwordRepeat)
        {
            errors.Add(new FieldError("passwordRepeat", "Die beiden Passwörter stimmen nicht überein."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = AccountLinks.Stamp(time.GetUtcNow());
        var userId = await database.WriteAsync(async (c, t) =>
        {
            var row = await FindAsync(c, t, token);
            var state = StateOf(row);
            if (state != LinkState.Valid)
            {
                throw new DomainRuleException(Refusal(state));
            }

            await accounts.SetPasswordAsync(c, t, row!.UserId, password!);
            await c.ExecuteAsync("UPDATE password_resets SET used_at = @now WHERE user_id = @userId AND used_at IS NULL", new { now, userId = row.UserId }, t);
            return row.UserId;
        }, cancellationToken);
        cache.Clear();
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, RecordType, userId, "Passwort über den Link aus der E-Mail neu gesetzt"), "Plattform", cancellationToken);
    }

    public static string Refusal(LinkState state) => state switch
    {
        LinkState.Used => "Dieser Link wurde bereits verwendet. Bitte fordern Sie bei Bedarf einen neuen an.",
        LinkState.Expired => "Dieser Link ist abgelaufen. Bitte fordern Sie einen neuen an.",
        _ => "Diesen Link gibt es nicht (mehr). Bitte fordern Sie einen neuen an.",
    };

    private sealed record Row(string UserId, string ExpiresAt, string? UsedAt);

    private LinkState StateOf(Row? row) => AccountLinks.StateOf(row?.UsedAt, row?.ExpiresAt, time.GetUtcNow());

    private static Task<Row?> FindAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction, string token)
        => connection.QuerySingleOrDefaultAsync<Row?>(
            "SELECT user_id AS UserId, expires_at AS ExpiresAt, used_at AS UsedAt FROM password_resets WHERE token_hash = @hash AND user_id IS NOT NULL",
            new { hash = SecretTokens.Hash(token) },
            transaction);
}
