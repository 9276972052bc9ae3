using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record CreateTraeger(string? Name, string? Ansprechperson, string? Email, string? Telefon, IReadOnlyList<string>? Kommunen, string? Notiz)
    : ICommand<string>, ITraegerStammdaten;

internal sealed class CreateTraegerValidator(DeploymentInfo deployment) : IValidator<CreateTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateTraeger request, CancellationToken cancellationToken) => Task.FromResult(TraegerPruefung.Stammdaten(request, deployment));
}

internal sealed class CreateTraegerHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<CreateTraeger, string>
{
    public async Task<string> Handle(CreateTraeger request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await TraegerSchreiben.PruefeNameFreiAsync(tx, request.Name!.Trim(), ausser: null);
        var id = await TraegerSchreiben.NeuAsync(tx, request, GermanFormat.StoredInstant(clock.UtcNow), TraegerSchreiben.Wer(user), "Träger erfasst");
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Traeger", id), cancellationToken);
        return id;
    }
}
