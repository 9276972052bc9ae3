using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>The Träger list with filters (status, municipality it could cover, name search) and paging.</summary>
internal sealed record ListTraeger(string? Status, string? Kommune, string? Suche, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<TraegerZeile>>;

internal sealed class ListTraegerValidator(DeploymentInfo deployment) : IValidator<ListTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListTraeger request, CancellationToken cancellationToken)
        => Task.FromResult(TraegerPruefung.Filter(request.Status, request.Kommune, request.Suche, deployment));
}

internal sealed class ListTraegerHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ListTraeger, PagedList<TraegerZeile>>
{
    private sealed record Zeile(string Id, string Name, string Status, string StatusSeit);

    public async Task<PagedList<TraegerZeile>> Handle(ListTraeger request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var parameter = new DynamicParameters(TraegerFilter.Parameter(request.Status, request.Kommune, request.Suche));
        parameter.Add("take", groesse);
        parameter.Add("skip", Paging.Offset(seite, groesse));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM traeger t {TraegerFilter.Where}", parameter);
        var rows = (await connection.QueryAsync<Zeile>(
            $"SELECT t.id, t.name, t.status, t.status_seit AS StatusSeit FROM traeger t {TraegerFilter.Where} ORDER BY t.name COLLATE NOCASE LIMIT @take OFFSET @skip",
            parameter)).ToList();
        var (kommunen, aktiv) = await TraegerFilter.KommunenAsync(connection, rows.Select(r => r.Id).ToList(), Vereinbarungsende.Heute(clock));

        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Traeger", null, TraegerFilter.Beschreibung(request.Status, request.Kommune, request.Suche, total)), cancellationToken);
        return new PagedList<TraegerZeile>(
            rows.Select(r => new TraegerZeile(r.Id, r.Name, r.Status, Lebenszyklen.Traeger.Label(r.Status), r.StatusSeit, kommunen[r.Id].ToList(), aktiv[r.Id].ToList())).ToList(),
            total, seite, groesse);
    }
}
