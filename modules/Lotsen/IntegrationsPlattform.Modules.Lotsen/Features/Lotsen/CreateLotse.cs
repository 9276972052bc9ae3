using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record CreateLotse(LotseDaten Daten) : ICommand<Guid>;

internal sealed class CreateLotseValidator(LotseDatenPruefung pruefung) : IValidator<CreateLotse>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateLotse request, CancellationToken cancellationToken)
        => await pruefung.PruefeAsync(request.Daten, null, neu: true, cancellationToken);
}

internal sealed class CreateLotseHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock, LotsenSettings settings)
    : IRequestHandler<CreateLotse, Guid>
{
    public async Task<Guid> Handle(CreateLotse request, CancellationToken cancellationToken)
    {
        LotsenSchreiben.DarfSchreiben(RecordScope.Of(user, LotsenModule.Bearbeiten), request.Daten, id: null);
        await LotsenSchreiben.PruefeNichtErfasstAsync(database.Transaction, request.Daten, ausser: null);
        var id = await LotsenSchreiben.NeuAsync(database.Transaction, request.Daten, "interessiert", "Registrierung", user.UserName ?? "System", clock, settings);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Lotse", id.ToString()), cancellationToken);
        return id;
    }
}
