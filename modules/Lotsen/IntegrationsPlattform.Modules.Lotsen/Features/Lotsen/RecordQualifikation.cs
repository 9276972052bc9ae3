using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record RecordQualifikation(Guid LotseId, string? Art, DateOnly? Datum, string? Anbieter) : ICommand<Guid>;

internal sealed class RecordQualifikationValidator(ILocalClock clock) : IValidator<RecordQualifikation>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordQualifikation request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Art) || !Qualifikationen.IstBekannt(request.Art.Trim()))
        {
            fehler.Add(new("art", "Bitte die Art der Schulung wählen."));
        }

        fehler.NotInFuture("datum", fehler.Required("datum", request.Datum, "das Datum der Schulung"), clock.Today, "Eine besuchte Schulung");

        fehler.RequiredText("anbieter", request.Anbieter, 200, "den Anbieter der Schulung");

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class RecordQualifikationHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<RecordQualifikation, Guid>
{
    public async Task<Guid> Handle(RecordQualifikation request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await LotsenSchreiben.ZumAendernAsync(tx, request.LotseId, user);
        var id = Guid.CreateVersion7();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO lotse_qualifikationen (id, lotse_id, art, datum, anbieter, angelegt_am) VALUES (@id, @lotse, @art, @datum, @anbieter, @jetzt)",
            new
            {
                id = id.ToString(),
                lotse = request.LotseId.ToString(),
                art = request.Art!.Trim(),
                datum = GermanFormat.StoredDay(request.Datum!.Value),
                anbieter = request.Anbieter!.Trim(),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", request.LotseId.ToString(), $"Qualifikation {request.Art!.Trim()}"), cancellationToken);
        return id;
    }
}
