using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>
/// Moves a campaign along its lifecycle (<see cref="Lebenszyklen.Kampagne"/>) and announces the new status to whatever
/// links to it (<see cref="LinkableRecordChanged"/> through the outbox, in the same transaction); a change the lifecycle
/// does not allow is refused with 409 and the allowed ones.
/// </summary>
internal sealed record ChangeKampagneStatus(string Id, KampagneStatusEingabe Eingabe) : ICommand<Done>;

internal sealed class ChangeKampagneStatusValidator : IValidator<ChangeKampagneStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeKampagneStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Kampagne.CheckChange(errors, "status", request.Eingabe.Status, "grund", request.Eingabe.Grund);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ChangeKampagneStatusHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<ChangeKampagneStatus, Done>
{
    public async Task<Done> Handle(ChangeKampagneStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToLowerInvariant();
        var kampagne = await tx.Connection.QuerySingleOrDefaultAsync<(string Status, string Titel)?>(
            "SELECT status, titel FROM kampagnen WHERE id = @id", new { id }, tx.Sql)
            ?? throw new RecordNotFoundException("Kampagne nicht gefunden.");
        var nach = request.Eingabe.Status!.Trim();
        Lebenszyklen.Kampagne.EnsureTransition(kampagne.Status, nach);
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            """
            UPDATE kampagnen SET status = @nach, status_seit = @jetzt WHERE id = @id;
            INSERT INTO kampagne_status_verlauf (id, kampagne_id, von, nach, grund, am, durch) VALUES (@verlaufId, @id, @von, @nach, @grund, @jetzt, @wer);
            """,
            new { id, von = kampagne.Status, nach, grund = AngebotSchreiben.Sauber(request.Eingabe.Grund), jetzt, wer = AngebotSchreiben.Wer(user), verlaufId = Guid.CreateVersion7().ToString() },
            tx.Sql);
        tx.PublishAfterCommit(KampagnenVerknuepfbar.Geaendert(id, kampagne.Titel, nach));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Kampagne", id, $"Status {kampagne.Status} → {nach}"), cancellationToken);
        return Done.Value;
    }
}
