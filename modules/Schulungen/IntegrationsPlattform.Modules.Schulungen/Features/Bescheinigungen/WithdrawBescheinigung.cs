using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>
/// Withdraws a certificate with a reason (e.g. issued by mistake): it stays, the public check then says „zurückgezogen“.
/// Final — a withdrawn certificate is not withdrawn again.
/// </summary>
internal sealed record WithdrawBescheinigung(string Id, string? Grund) : ICommand<Done>;

internal sealed class WithdrawBescheinigungValidator : IValidator<WithdrawBescheinigung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(WithdrawBescheinigung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("grund", request.Grund, BescheinigungsRegeln.GrundMax, "den Grund des Rückzugs");
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class WithdrawBescheinigungHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit, ILocalClock clock) : IRequestHandler<WithdrawBescheinigung, Done>
{
    public async Task<Done> Handle(WithdrawBescheinigung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var zurueckgezogen = await tx.Connection.QuerySingleOrDefaultAsync<(string Id, string? Am)?>(
            "SELECT id, zurueckgezogen_am FROM bescheinigungen WHERE id = @id", new { id = request.Id }, tx.Sql)
            ?? throw new RecordNotFoundException("Diese Bescheinigung gibt es nicht.");
        if (zurueckgezogen.Am is not null)
        {
            throw new DomainRuleException("Diese Bescheinigung ist schon zurückgezogen.");
        }

        await tx.Connection.ExecuteAsync(
            "UPDATE bescheinigungen SET zurueckgezogen_am = @jetzt, rueckzug_grund = @grund WHERE id = @id",
            new { id = request.Id, jetzt = GermanFormat.StoredInstant(clock.UtcNow), grund = request.Grund!.Trim() }, tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Bescheinigung", request.Id, "zurückgezogen"), cancellationToken);
        return Done.Value;
    }
}
