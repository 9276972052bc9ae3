using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record ChangeLotseStatus(Guid Id, string? Status, string? Grund) : ICommand<Done>;

internal sealed class ChangeLotseStatusValidator : IValidator<ChangeLotseStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeLotseStatus request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        Lebenszyklen.Lotse.CheckChange(fehler, "status", request.Status, "grund", request.Grund);

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class ChangeLotseStatusHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<ChangeLotseStatus, Done>
{
    public async Task<Done> Handle(ChangeLotseStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToString();
        var von = await LotsenSchreiben.ZumAendernAsync(tx, request.Id, user);
        var basis = await tx.Connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM lotse_qualifikationen WHERE lotse_id = @id AND art = @art", new { id, art = Qualifikationen.Basisqualifizierung }, tx.Sql) > 0;
        LotsenStatusRegel.PruefeWechsel(von, request.Status!, basis);

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        // Conditional on the status read above: inside BEGIN IMMEDIATE nobody else writes, and the condition keeps it honest anyway.
        var geaendert = await tx.Connection.ExecuteAsync(
            "UPDATE lotsen SET status = @nach, status_seit = @jetzt, geaendert_am = @jetzt WHERE id = @id AND status = @von",
            new { id, nach = request.Status, von, jetzt }, tx.Sql);
        if (geaendert != 1)
        {
            throw new DomainRuleException("Der Status wurde gerade von jemand anderem geändert. Bitte die Seite neu laden.");
        }

        await tx.Connection.ExecuteAsync(
            "INSERT INTO lotse_status_verlauf (id, lotse_id, von, nach, am, durch, grund) VALUES (@vid, @id, @von, @nach, @jetzt, @durch, @grund)",
            new { vid = Guid.CreateVersion7().ToString(), id, von, nach = request.Status, jetzt, durch = user.UserName ?? "System", grund = LotsenSchreiben.Leer(request.Grund) },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", id, $"Status {von} → {request.Status}"), cancellationToken);
        return Done.Value;
    }
}
