using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record RecordKontakt(string TraegerId, string? Datum, string? Kanal, string? Notiz) : ICommand<string>;

internal sealed class RecordKontaktValidator(ILocalClock clock) : IValidator<RecordKontakt>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordKontakt request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.NotInFuture("datum", errors.Day("datum", request.Datum, required: true), clock.Today, "Ein Kontakt");

        if (!Kontaktkanaele.Gibt(request.Kanal))
        {
            errors.Add(new FieldError("kanal", "Bitte den Weg des Kontakts wählen (Telefon, E-Mail, Treffen, Brief, Sonstiges)."));
        }

        errors.RequiredText("notiz", request.Notiz, TraegerRegeln.NotizMax, "eine Notiz zum Kontakt");
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class RecordKontaktHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<RecordKontakt, string>
{
    public async Task<string> Handle(RecordKontakt request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await TraegerSchreiben.StatusAsync(tx, request.TraegerId);
        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO traeger_kontakte (id, traeger_id, datum, kanal, notiz, erfasst_von, erfasst_am)
            VALUES (@id, @traegerId, @datum, @kanal, @notiz, @durch, @jetzt)
            """,
            new
            {
                id, traegerId = request.TraegerId, datum = request.Datum!.Trim(), kanal = request.Kanal, notiz = request.Notiz!.Trim(),
                durch = TraegerSchreiben.Wer(user), jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.TraegerId, "Kontakt erfasst"), cancellationToken);
        return id;
    }
}
