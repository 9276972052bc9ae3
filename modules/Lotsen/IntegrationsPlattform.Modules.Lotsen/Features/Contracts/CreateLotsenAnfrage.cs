using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Contracts;

internal sealed class CreateLotsenAnfrageValidator(DeploymentInfo deployment, LotsenSettings settings) : IValidator<CreateLotsenAnfrage>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateLotsenAnfrage request, CancellationToken cancellationToken)
    {
        var fehler = AnfrageRegeln.Pruefe(AnfrageAnlage.AusVertrag(request), deployment, settings, vonModul: true);
        if (string.IsNullOrWhiteSpace(request.QuelleModul))
        {
            fehler.Add(new FieldError("quelleModul", "Das anfragende Modul fehlt."));
        }

        return fehler;
    }
}

/// <summary>
/// Another module hands over a need for accompaniment (contract). The receiving module's own rules decide
/// (<see cref="CreateLotsenAnfrageValidator"/>), not the grants of whoever uses the other module. Handed over
/// through the sender's outbox (with a correlation id), the answer with the new id goes back the same way.
/// </summary>
internal sealed class CreateLotsenAnfrageHandler(AnfrageAnlage anlage, IModuleDatabase<LotsenModule> database) : IRequestHandler<CreateLotsenAnfrage, Guid>
{
    public async Task<Guid> Handle(CreateLotsenAnfrage request, CancellationToken cancellationToken)
    {
        var quelle = request.QuelleModul.Trim();
        var korrelation = request.KorrelationsId == Guid.Empty ? (Guid?)null : request.KorrelationsId;
        var id = await anlage.AnlegenAsync(AnfrageAnlage.AusVertrag(request), quelle, cancellationToken, korrelation);
        if (korrelation is { } k)
        {
            database.Transaction.PublishAfterCommit(new LotsenAnfrageAngelegt(id, quelle, k));
        }

        return id;
    }
}
