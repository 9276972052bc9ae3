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
/// (<see cref="CreateLotsenAnfrageValidator"/>), not the grants of whoever uses the other module.
/// </summary>
internal sealed class CreateLotsenAnfrageHandler(AnfrageAnlage anlage) : IRequestHandler<CreateLotsenAnfrage, Guid>
{
    public Task<Guid> Handle(CreateLotsenAnfrage request, CancellationToken cancellationToken)
        => anlage.AnlegenAsync(AnfrageAnlage.AusVertrag(request), request.QuelleModul.Trim(), cancellationToken);
}
