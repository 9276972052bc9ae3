using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>The barriers, newest first, filtered by kind, municipality and „ohne Maßnahme“, with paging.</summary>
internal sealed record ListBarrieren(BarriereFilter Filter, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<BarriereZeile>>;

internal sealed class ListBarrierenValidator(DeploymentInfo deployment) : IValidator<ListBarrieren>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListBarrieren request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Barrierenarten.Pruefen(errors, "art", request.Filter.Art, Barrierenarten.Barrieren, "Barriere", required: false);

        errors.Municipality("kommune", request.Filter.Kommune, deployment, required: false);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListBarrierenHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<ListBarrieren, PagedList<BarriereZeile>>
{
    public async Task<PagedList<BarriereZeile>> Handle(ListBarrieren request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var (where, parameter) = BarrierenSql.Bedingungen(request.Filter);
        parameter.Add("take", groesse);
        parameter.Add("skip", Paging.Offset(seite, groesse));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"{BarrierenSql.Zaehlen} {where}", parameter);
        var rows = await BarrierenSql.ZeilenAsync(connection, $"{where} ORDER BY b.erfasst_am DESC, b.id LIMIT @take OFFSET @skip", parameter);
        return new PagedList<BarriereZeile>(rows.Select(r => r.Zeile).ToList(), total, seite, groesse);
    }
}
