using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>
/// One status of a <see cref="Lifecycle"/>: its stored key (the value of the table's CHECK constraint), its German
/// label, the statuses it may change to, and whether a change to it needs a reason (a refusal, a reopening).
/// </summary>
public sealed record LifecycleStatus(string Key, string Label, params string[] Next)
{
    public bool ReasonRequired { get; init; }

    public bool IsFinal => Next.Length == 0;
}

/// <summary>
/// The statuses of one kind of record and the changes allowed between them, declared once per record kind by the
/// module. Validators check a wanted status and its reason with <see cref="CheckChange"/> (400 at the field); the
/// command checks the change from the stored status with <see cref="EnsureTransition"/> (409 with the reason).
/// The first status is where a new record starts.
/// </summary>
public sealed class Lifecycle
{
    public const int ReasonMaxLength = 500;

    private readonly Dictionary<string, LifecycleStatus> byKey;

    /// <param name="subject">What changes its status, at the start of every refusal, e.g. „Träger“.</param>
    public Lifecycle(string subject, params LifecycleStatus[] statuses)
    {
        if (statuses.Length == 0)
        {
            throw new ArgumentException("A lifecycle needs at least one status.", nameof(statuses));
        }

        Subject = subject;
        All = statuses;
        byKey = statuses.ToDictionary(s => s.Key, StringComparer.Ordinal);
        if (statuses.SelectMany(s => s.Next).FirstOrDefault(next => !byKey.ContainsKey(next)) is { } unknown)
        {
            throw new ArgumentException($"Lifecycle '{subject}': status '{unknown}' is named as a next status but not declared.", nameof(statuses));
        }
    }

    public string Subject { get; }

    public IReadOnlyList<LifecycleStatus> All { get; }

    public LifecycleStatus Start => All[0];

    public LifecycleStatus? Find(string? key) => key is not null && byKey.TryGetValue(key, out var status) ? status : null;

    /// <summary>A status read from the database; an unknown key there is a programming error, not bad input.</summary>
    public LifecycleStatus Get(string key) => Find(key) ?? throw new InvalidOperationException($"Unknown status '{key}' ({Subject}).");

    /// <summary>The German label; an unknown key is shown as it is.</summary>
    public string Label(string key) => Find(key)?.Label ?? key;

    public IReadOnlyList<LifecycleStatus> Successors(string key) => Get(key).Next.Select(Get).ToList();

    /// <summary>
    /// Checks a wanted status (<paramref name="statusField"/>) and the reason given for it: the status must be declared,
    /// a reason is required where the status says so, and it is at most <see cref="ReasonMaxLength"/> characters.
    /// Returns the status, or null with the errors added.
    /// </summary>
    public LifecycleStatus? CheckChange(ICollection<FieldError> errors, string statusField, string? to, string reasonField, string? reason)
    {
        var target = CheckStatus(errors, statusField, to, required: true);
        if (target is { ReasonRequired: true })
        {
            errors.RequiredText(reasonField, reason, ReasonMaxLength, $"einen Grund für „{target.Label}“");
        }
        else
        {
            errors.OptionalText(reasonField, reason, ReasonMaxLength);
        }

        return target;
    }

    /// <summary>Throws <see cref="DomainRuleException"/> (409) naming the allowed changes when <paramref name="to"/> may not follow <paramref name="from"/>.</summary>
    public void EnsureTransition(string from, string to)
    {
        var current = Get(from);
        var target = Find(to) ?? throw RequestValidationException.For("status", $"Unbekannter Status „{FieldRules.Echo(to)}“.");
        if (!current.Next.Contains(target.Key))
        {
            var allowed = current.IsFinal ? "keiner – der Status ist endgültig" : string.Join(", ", current.Next.Select(Label));
            throw new DomainRuleException($"{Subject}: Wechsel von „{current.Label}“ zu „{target.Label}“ ist nicht möglich (erlaubt: {allowed}).");
        }
    }

    /// <summary>A status key of this lifecycle: a list filter (not required) or a wanted status (required).</summary>
    public LifecycleStatus? CheckStatus(ICollection<FieldError> errors, string field, string? key, bool required)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            if (required)
            {
                errors.Add(new FieldError(field, "Bitte den neuen Status wählen."));
            }

            return null;
        }

        var status = Find(key.Trim());
        if (status is null)
        {
            errors.Add(new FieldError(field, $"Unbekannter Status „{FieldRules.Echo(key)}“."));
        }

        return status;
    }
}
