using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>
/// Asks the Lotsen module (<see cref="GetLotsenVerfuegbarkeit"/>) how many Lotsen could accompany a family in this language
/// and municipality to a health offer. With the Lotsen module off, the host's <c>ModuleNotEnabledException</c> goes to the caller.
/// </summary>
internal sealed record GetBegleitungVerfuegbarkeit(string? Sprache, string? KommuneAgs) : IQuery<BegleitungVerfuegbarkeit>;

internal sealed class GetBegleitungVerfuegbarkeitValidator(DeploymentInfo deployment) : IValidator<GetBegleitungVerfuegbarkeit>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(GetBegleitungVerfuegbarkeit request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        UebergabePruefung.SpracheUndKommune(errors, request.Sprache, request.KommuneAgs, deployment);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class GetBegleitungVerfuegbarkeitHandler(IMediator mediator) : IRequestHandler<GetBegleitungVerfuegbarkeit, BegleitungVerfuegbarkeit>
{
    public async Task<BegleitungVerfuegbarkeit> Handle(GetBegleitungVerfuegbarkeit request, CancellationToken cancellationToken)
    {
        var sprache = Languages.Normalize(request.Sprache!);
        var kommune = request.KommuneAgs!.Trim();
        var antwort = await mediator.Send(new GetLotsenVerfuegbarkeit(sprache, kommune, UebergabePruefung.LotsenThema), cancellationToken);
        return new BegleitungVerfuegbarkeit(sprache, kommune, antwort.AktiveLotsen, antwort.FruehesterTag);
    }
}
