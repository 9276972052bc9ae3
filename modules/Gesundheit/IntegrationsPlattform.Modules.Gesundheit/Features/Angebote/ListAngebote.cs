using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>The staff list of offers with filters and paging; a provider's account sees only its provider's offers.</summary>
internal sealed record ListAngebote(AngebotFilter Filter, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<AngebotZeile>>;

internal sealed class ListAngeboteValidator(GesundheitSettings settings, DeploymentInfo deployment) : IValidator<ListAngebote>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListAngebote request, CancellationToken cancellationToken)
        => Task.FromResult(AngebotPruefung.Filter(request.Filter, settings, deployment));
}

internal sealed class ListAngeboteHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, GesundheitSettings settings, ILocalClock clock)
    : IRequestHandler<ListAngebote, PagedList<AngebotZeile>>
{
    public async Task<PagedList<AngebotZeile>> Handle(ListAngebote request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var (where, parameter) = AngeboteSql.Bedingungen(request.Filter, RecordScope.Of(user, GesundheitModule.Angebote), clock.Today);
        parameter.Add("take", groesse);
        parameter.Add("skip", Paging.Offset(seite, groesse));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"{AngeboteSql.Zaehlen} {where}", parameter);
        var rows = await AngeboteSql.ZeilenAsync(connection, $"{where} ORDER BY Titel COLLATE NOCASE, a.id LIMIT @take OFFSET @skip", parameter, settings, clock);
        return new PagedList<AngebotZeile>(rows, total, seite, groesse);
    }
}
