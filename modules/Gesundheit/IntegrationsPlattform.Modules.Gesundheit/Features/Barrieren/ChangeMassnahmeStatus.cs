using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>Moves a measure along its lifecycle (<see cref="Lebenszyklen.Massnahme"/>); a change it does not allow is refused with 409 and the allowed ones.</summary>
internal sealed record ChangeMassnahmeStatus(string Id, string? Status) : ICommand<Done>;

internal sealed class ChangeMassnahmeStatusValidator : IValidator<ChangeMassnahmeStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeMassnahmeStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Massnahme.CheckStatus(errors, "status", request.Status, required: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ChangeMassnahmeStatusHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<ChangeMassnahmeStatus, Done>
{
    public async Task<Done> Handle(ChangeMassnahmeStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToLowerInvariant();
        var (status, titel, barriereId) = await tx.Connection.QuerySingleOrDefaultAsync<(string, string, string)?>(
            "SELECT status, titel, barriere_id FROM massnahmen WHERE id = @id", new { id }, tx.Sql)
            ?? throw new RecordNotFoundException("Maßnahme nicht gefunden.");
        var nach = request.Status!.Trim();
        Lebenszyklen.Massnahme.EnsureTransition(status, nach);
        await tx.Connection.ExecuteAsync(
            "UPDATE massnahmen SET status = @nach, status_seit = @jetzt WHERE id = @id",
            new { id, nach, jetzt = GermanFormat.StoredInstant(clock.UtcNow) },
            tx.Sql);
        // Whatever points at the measure (Konzept's measures) follows its status, through the outbox with this change.
        tx.PublishAfterCommit(new LinkableRecordChanged(
            GesundheitModule.ModulId, MassnahmenVerknuepfbar.Art, id, titel, Lebenszyklen.Massnahme.Label(nach), MassnahmenVerknuepfbar.Link(barriereId)));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Massnahme", id, $"Status {status} → {nach}"), cancellationToken);
        return Done.Value;
    }
}
