using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record CreateAnfrage(AnfrageEingabe Eingabe) : ICommand<Guid>;

internal sealed class CreateAnfrageValidator(DeploymentInfo deployment, LotsenSettings settings) : IValidator<CreateAnfrage>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateAnfrage request, CancellationToken cancellationToken)
        => AnfrageRegeln.Pruefe(request.Eingabe, deployment, settings, vonModul: false);
}

internal sealed class CreateAnfrageHandler(AnfrageAnlage anlage, IModuleDatabase<LotsenModule> database, ICurrentUser user) : IRequestHandler<CreateAnfrage, Guid>
{
    public async Task<Guid> Handle(CreateAnfrage request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        // A new request has no Lotse yet, so it belongs to nobody: only the municipality decides.
        var sicht = await AnfragenReichweite.FuerAsync(user, LotsenModule.Bearbeiten, tx.Connection, tx.Sql);
        sicht.EnsureWritable([request.Eingabe.KommuneAgs!], null, "Anfrage", null, "kommuneAgs");
        return await anlage.AnlegenAsync(request.Eingabe, null, cancellationToken);
    }
}
