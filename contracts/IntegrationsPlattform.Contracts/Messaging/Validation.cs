using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Contracts.Messaging;

/// <summary>One message about one input field, in German, shown inline in forms and in problem details.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Checks a request before its handler runs; found by convention in the module assembly. Returns no errors when valid.</summary>
public interface IValidator<in TRequest>
{
    Task<IReadOnlyList<FieldError>> ValidateAsync(TRequest request, CancellationToken cancellationToken);
}

/// <summary>The request was not valid: becomes a 400 problem details with the field errors.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldError> errors)
    : Exception("Die Eingaben sind nicht gültig: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static RequestValidationException For(string field, string message) => new([new FieldError(field, message)]);
}

/// <summary>A domain rule refused the request (e.g. an invalid status change): 409 with the reason.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

/// <summary>The addressed record does not exist: 404.</summary>
public sealed class RecordNotFoundException(string message) : Exception(message);

/// <summary>
/// A create or change would leave a record outside the user's scope (<see cref="RecordScope"/>): 403 with
/// the German reason, in forms at <see cref="Field"/> (the municipality field). The host rolls the command back and
/// then records <see cref="Refusal"/> in the audit trail.
/// </summary>
public sealed class OutOfScopeException(string field, string message, AuditEntry refusal) : Exception(message)
{
    public string Field { get; } = field;

    public AuditEntry Refusal { get; } = refusal;
}
