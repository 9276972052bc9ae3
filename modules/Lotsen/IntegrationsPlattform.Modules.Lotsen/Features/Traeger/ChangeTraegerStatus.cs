using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record ChangeTraegerStatus(string Id, string? Nach, string? Grund) : ICommand<Done>;

internal sealed class ChangeTraegerStatusValidator : IValidator<ChangeTraegerStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeTraegerStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Traeger.CheckChange(errors, "nach", request.Nach, "grund", request.Grund);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ChangeTraegerStatusHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ChangeTraegerStatus, Done>
{
    public async Task<Done> Handle(ChangeTraegerStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var von = await TraegerSchreiben.StatusAsync(tx, request.Id);
        TraegerRegeln.PruefeManuellenWechsel(von, request.Nach!);
        await TraegerSchreiben.SetzeStatusAsync(tx, request.Id, von, request.Nach!, GermanFormat.StoredInstant(clock.UtcNow), TraegerSchreiben.Wer(user), TraegerSchreiben.Sauber(request.Grund));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.Id, $"Status {von} → {request.Nach}"), cancellationToken);
        return Done.Value;
    }
}
