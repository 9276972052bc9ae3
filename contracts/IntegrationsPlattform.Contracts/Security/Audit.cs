namespace IntegrationsPlattform.Contracts.Security;

public enum AuditAction
{
    View,
    List,
    Create,
    Change,
    Export,
    Erase,

    /// <summary>A write the user's scope does not allow, recorded by the host after the rollback.</summary>
    Refused,
}

/// <summary>
/// One access to personal data. For lists and searches write one entry with the filter and the
/// count (<paramref name="Details"/>), not one per row. Never put the personal data itself here.
/// </summary>
public sealed record AuditEntry(AuditAction Action, string RecordType, string? RecordId, string Details = "");

/// <summary>
/// Kept by the host; it adds who, when and through which endpoint. Inside a command the entry is
/// stored when the command commits (and dropped if it rolls back); otherwise at once.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
