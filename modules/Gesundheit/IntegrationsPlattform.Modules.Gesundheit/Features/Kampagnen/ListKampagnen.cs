using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>The campaigns, latest start first, filtered by status and municipality, with paging.</summary>
internal sealed record ListKampagnen(KampagneFilter Filter, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<KampagneZeile>>;

internal sealed class ListKampagnenValidator(DeploymentInfo deployment) : IValidator<ListKampagnen>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListKampagnen request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Kampagne.CheckStatus(errors, "status", request.Filter.Status, required: false);
        errors.Municipality("kommune", request.Filter.Kommune, deployment, required: false);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListKampagnenHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<ListKampagnen, PagedList<KampagneZeile>>
{
    public Task<PagedList<KampagneZeile>> Handle(ListKampagnen request, CancellationToken cancellationToken)
        => Seitenweise.LesenAsync(
            database, KampagnenSql.Zaehlen, KampagnenSql.Bedingungen(request.Filter), "k.beginn DESC, k.id", request.Seite, request.SeitenGroesse,
            KampagnenSql.ZeilenAsync, cancellationToken);
}
