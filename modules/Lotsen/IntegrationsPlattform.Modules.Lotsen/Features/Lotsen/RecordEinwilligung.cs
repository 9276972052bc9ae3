using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record RecordEinwilligung(Guid Id, DateOnly? Am) : ICommand<Done>;

internal sealed class RecordEinwilligungValidator(ILocalClock clock, LotsenSettings settings) : IValidator<RecordEinwilligung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordEinwilligung request, CancellationToken cancellationToken)
    {
        IReadOnlyList<FieldError> fehler = request.Am is not { } am
            ? [new("am", "Bitte das Datum der neuen Einwilligung angeben.")]
            : Einwilligung.PruefeDatum(am, clock.Today, settings.EinwilligungGueltigMonate) is { } grund ? [new("am", grund)] : [];
        return Task.FromResult(fehler);
    }
}

internal sealed class RecordEinwilligungHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock, LotsenSettings settings)
    : IRequestHandler<RecordEinwilligung, Done>
{
    public async Task<Done> Handle(RecordEinwilligung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await LotsenSchreiben.ZumAendernAsync(tx, request.Id, user);
        var am = request.Am!.Value;
        await tx.Connection.ExecuteAsync(
            "UPDATE lotsen SET einwilligung_am = @am, einwilligung_version = @version, einwilligung_bis = @bis, erinnerung_am = NULL, geaendert_am = @jetzt WHERE id = @id",
            new
            {
                id = request.Id.ToString(),
                am = GermanFormat.StoredDay(am),
                version = settings.EinwilligungVersion,
                bis = GermanFormat.StoredDay(Einwilligung.GueltigBis(am, settings.EinwilligungGueltigMonate)),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", request.Id.ToString(), "Einwilligung erneuert"), cancellationToken);
        return Done.Value;
    }
}
