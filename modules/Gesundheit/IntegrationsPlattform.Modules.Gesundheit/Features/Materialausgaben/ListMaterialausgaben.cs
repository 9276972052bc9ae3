using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>The hand-outs, newest first, filtered by municipality, kind of institution, language, campaign and period, with paging.</summary>
internal sealed record ListMaterialausgaben(MaterialausgabeFilter Filter, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize)
    : IQuery<PagedList<MaterialausgabeZeile>>;

internal sealed class ListMaterialausgabenValidator(DeploymentInfo deployment) : IValidator<ListMaterialausgaben>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListMaterialausgaben request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        var errors = new List<FieldError>();
        errors.Municipality("kommune", f.Kommune, deployment, required: false);
        Barrierenarten.Pruefen(errors, "einrichtungArt", f.EinrichtungArt, Einrichtungsarten.Alle, "Einrichtung", required: false);
        errors.LanguageCode("sprache", f.Sprache);
        if (!string.IsNullOrWhiteSpace(f.Kampagne) && !Guid.TryParse(f.Kampagne, out _))
        {
            errors.Add(new FieldError("kampagne", "Die Kampagne ist nicht gültig."));
        }

        AusgabenZeitraum.Pruefen(errors, f.Von, f.Bis);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListMaterialausgabenHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<ListMaterialausgaben, PagedList<MaterialausgabeZeile>>
{
    public Task<PagedList<MaterialausgabeZeile>> Handle(ListMaterialausgaben request, CancellationToken cancellationToken)
        => Seitenweise.LesenAsync(
            database, MaterialausgabenSql.Zaehlen, MaterialausgabenSql.Bedingungen(request.Filter), "m.datum DESC, m.id DESC", request.Seite, request.SeitenGroesse,
            MaterialausgabenSql.ZeilenAsync, cancellationToken);
}
