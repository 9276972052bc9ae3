namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// An entry of a public form that counts only once its sender confirms it from their mailbox.
/// <paramref name="Kind"/> names the module's <see cref="IOptInHandler"/> (<c>&lt;ModuleId&gt;.&lt;name&gt;</c>, e.g.
/// <c>Schulungen.anmeldung</c>); <paramref name="Payload"/> is what the module wants stored (e.g. JSON), held by the host
/// until confirmation; <paramref name="Subject"/> names the form in the mail, in German
/// (e.g. „Anmeldung zur Schulung Antidiskriminierung“).
/// </summary>
public sealed record OptInRequest(string Kind, string Email, string Payload, string Subject);

public enum OptInRequestOutcome
{
    /// <summary>Stored unconfirmed; the confirmation link is in the mail.</summary>
    MailSent,

    /// <summary>Too many entries for this e-mail address or from this client within the hour: nothing stored, no mail.</summary>
    TooManyRequests,
}

public enum OptInConfirmation
{
    Confirmed,
    AlreadyConfirmed,
    Expired,
    Unknown,

    /// <summary>The module's <see cref="IOptInHandler"/> refused the entry by its rule: nothing stored, the link stays usable.</summary>
    Refused,
}

/// <summary>
/// Double opt-in for public forms, run by the host: <see cref="RequestAsync"/> stores the entry unconfirmed and mails
/// a single-use link (valid <c>Platform:OptIn:LinkLifetimeHours</c>, in the visitor's language and German); opening
/// it hands the payload to the module's <see cref="IOptInHandler"/>. Tokens are stored only as hashes; unconfirmed
/// entries are deleted by the host job <c>platform.optin</c>.
/// </summary>
public interface IDoubleOptIn
{
    Task<OptInRequestOutcome> RequestAsync(OptInRequest request, CancellationToken cancellationToken = default);
}

/// <summary>
/// What a module does when one of its public entries is confirmed — usually sending its own command that stores it
/// (found by convention like the other handlers). Runs once per entry; when it throws, the link stays usable. A
/// <see cref="Messaging.DomainRuleException"/> refuses the entry by the module's rule (a training session full, its
/// registration closed): the confirmation page shows its German message instead of an error.
/// </summary>
public interface IOptInHandler
{
    /// <summary>The <see cref="OptInRequest.Kind"/> it handles.</summary>
    string Kind { get; }

    Task ConfirmAsync(string payload, CancellationToken cancellationToken);
}
