using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Components;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Messaging.Outbox;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Extensions.Localization;

namespace IntegrationsPlattform.Host.OptIn;

/// <summary>
/// The host's double opt-in (see <see cref="IDoubleOptIn"/>): entries wait unconfirmed in host.db, the link's token is
/// random and stored only as its hash, and confirming claims the entry with one conditional update, so a link works once
/// even when opened twice at the same moment.
/// </summary>
internal sealed class DoubleOptIn(
    HostDatabase database,
    PlatformOptions options,
    TimeProvider time,
    IOutboxWriter outbox,
    OutboxDispatcher delivery,
    IPublicLinks links,
    IHttpContextAccessor http,
    IStringLocalizer<PlatformTexts> texts,
    IEnumerable<IOptInHandler> handlers) : IDoubleOptIn
{
    public async Task<OptInRequestOutcome> RequestAsync(OptInRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var email = request.Email.Trim().ToLowerInvariant();
        var client = http.HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "";
        var language = Languages.Of(CultureInfo.CurrentUICulture);
        var token = SecretTokens.New();
        var expires = now.AddHours(options.OptIn.LinkLifetimeHours);
        var link = links.Absolute($"/bestaetigung/{token}?lang={language.Code}");
        var confirmationMail = new OutgoingMail(request.Email.Trim(), $"Bitte bestätigen: {request.Subject}", MailText(request.Subject, link, language));
        var stored = await database.WriteAsync(async (c, t) =>
        {
            var hourAgo = Stamp(now.AddHours(-1));
            var counts = await c.QuerySingleAsync<(long Address, long Client)>(
                "SELECT (SELECT count(*) FROM opt_in WHERE email = @email AND created_at > @hourAgo), (SELECT count(*) FROM opt_in WHERE client = @client AND created_at > @hourAgo)",
                new { email, client, hourAgo }, t);
            if (counts.Address >= options.OptIn.PerAddressPerHour || counts.Client >= options.OptIn.PerClientPerHour)
            {
                return false;
            }

            await c.ExecuteAsync(
                "INSERT INTO opt_in (id, kind, email, client, language, payload, token_hash, created_at, expires_at) VALUES (@id, @kind, @email, @client, @language, @payload, @hash, @created, @expires)",
                new { id = Guid.CreateVersion7().ToString(), kind = request.Kind, email, client, language = language.Code, payload = request.Payload, hash = SecretTokens.Hash(token), created = Stamp(now), expires = Stamp(expires) }, t);
            // With the entry, in host.db's outbox: the mail goes out even if the host stops right after this commit.
            outbox.Mail(c, t, confirmationMail);
            return true;
        }, cancellationToken);
        if (!stored)
        {
            return OptInRequestOutcome.TooManyRequests;
        }

        delivery.Wake();
        return OptInRequestOutcome.MailSent;
    }

    /// <summary>
    /// Confirms the entry of a link's token and hands it to its module; any other use of the token is refused. When the
    /// module refuses the entry by its own rule (<see cref="DomainRuleException"/>, e.g. a full training session), the
    /// answer carries its German reason and the link stays usable, since nothing was stored.
    /// </summary>
    public async Task<(OptInConfirmation Outcome, string? Refusal)> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var now = Stamp(time.GetUtcNow());
        var hash = SecretTokens.Hash(token);
        var claimed = await database.WriteAsync(async (c, t) =>
        {
            var row = await c.QuerySingleOrDefaultAsync<(string Id, string Kind, string? Payload, string ExpiresAt, string? ConfirmedAt)?>(
                "SELECT id, kind, payload, expires_at, confirmed_at FROM opt_in WHERE token_hash = @hash", new { hash }, t);
            if (row is not { } entry)
            {
                return (OptInConfirmation.Unknown, null);
            }

            if (entry.ConfirmedAt is not null)
            {
                return (OptInConfirmation.AlreadyConfirmed, null);
            }

            if (string.CompareOrdinal(entry.ExpiresAt, now) <= 0)
            {
                return (OptInConfirmation.Expired, null);
            }

            // The module that asked for it is no longer running: the entry cannot be stored, so the link is not used up.
            if (!handlers.Any(h => h.Kind == entry.Kind))
            {
                return (OptInConfirmation.Unknown, null);
            }

            await c.ExecuteAsync("UPDATE opt_in SET confirmed_at = @now WHERE id = @id", new { now, id = entry.Id }, t);
            return (OptInConfirmation.Confirmed, (Entry?)new Entry(entry.Id, entry.Kind, entry.Payload!));
        }, cancellationToken);
        if (claimed.Item2 is not { } confirmed)
        {
            return (claimed.Item1, null);
        }

        // The module stores the entry in its own database, outside the host's transaction: host.db is not held while
        // it writes (its audit entries go to host.db too). Should it fail, the claim is taken back and the link stays usable.
        try
        {
            await handlers.Single(h => h.Kind == confirmed.Kind).ConfirmAsync(confirmed.Payload, cancellationToken);
        }
        catch (DomainRuleException refused)
        {
            await ReleaseClaimAsync(confirmed.Id);
            return (OptInConfirmation.Refused, refused.Message);
        }
        catch
        {
            await ReleaseClaimAsync(confirmed.Id);
            throw;
        }

        await database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE opt_in SET payload = NULL WHERE id = @id", new { id = confirmed.Id }, t), cancellationToken);
        return (OptInConfirmation.Confirmed, null);
    }

    private Task<int> ReleaseClaimAsync(string id)
        => database.WriteAsync((c, t) => c.ExecuteAsync("UPDATE opt_in SET confirmed_at = NULL WHERE id = @id", new { id }, t), CancellationToken.None);

    /// <summary>The mail in the visitor's language, with the German text below it (or German alone).</summary>
    private string MailText(string subject, Uri link, Language language)
    {
        var hours = options.OptIn.LinkLifetimeHours;
        var deleteHours = options.OptIn.DeleteUnconfirmedAfterHours;
        string In(Language l)
        {
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(l.Code);
            try
            {
                return string.Format(CultureInfo.InvariantCulture, texts["OptInMail"].Value, subject, link, hours, deleteHours);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }

        var german = In(Languages.German);
        var visitor = In(language);
        return visitor == german ? german : visitor + "\n\n-----\n\n" + german;
    }


    private static string Stamp(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed record Entry(string Id, string Kind, string Payload);
}
