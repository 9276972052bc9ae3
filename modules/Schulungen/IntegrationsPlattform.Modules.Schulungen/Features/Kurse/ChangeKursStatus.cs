using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>Publishes, archives or re-publishes a course (<see cref="Lebenszyklen.Kurs"/>).</summary>
internal sealed record ChangeKursStatus(string Id, string? Nach) : ICommand<Done>;

internal sealed class ChangeKursStatusValidator : IValidator<ChangeKursStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeKursStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Kurs.CheckStatus(errors, "nach", request.Nach, required: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ChangeKursStatusHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<ChangeKursStatus, Done>
{
    public async Task<Done> Handle(ChangeKursStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var von = await KursSchreiben.StatusAsync(tx, request.Id);
        Lebenszyklen.Kurs.EnsureTransition(von, request.Nach!);
        await tx.Connection.ExecuteAsync(
            "UPDATE kurse SET status = @nach, status_seit = @jetzt, geaendert_am = @jetzt WHERE id = @id",
            new { id = request.Id, nach = request.Nach, jetzt = GermanFormat.StoredInstant(clock.UtcNow) }, tx.Sql);
        return Done.Value;
    }
}
