using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary><c>GET /hsds/locations</c>: a page of the places where published offers are held, ordered by name.</summary>
internal sealed record ListHsdsOrte(string? Page, string? PerPage) : IQuery<HsdsPage<HsdsLocation>>;

internal sealed class ListHsdsOrteValidator : IValidator<ListHsdsOrte>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListHsdsOrte request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        HsdsSeite.Pruefen(errors, request.Page, request.PerPage);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListHsdsOrteHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser, ILocalClock clock)
    : IRequestHandler<ListHsdsOrte, HsdsPage<HsdsLocation>>
{
    public async Task<HsdsPage<HsdsLocation>> Handle(ListHsdsOrte request, CancellationToken cancellationToken)
    {
        var seite = HsdsSeite.Von(request.Page, request.PerPage);
        var parameter = new { heute = GermanFormat.StoredDay(clock.Today), take = seite.Groesse, skip = seite.Offset };

        await using var connection = await database.OpenAsync(cancellationToken);
        var gesamt = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            $"SELECT count(*) FROM orte o WHERE {HsdsSql.OrtVeroeffentlicht}", parameter, cancellationToken: cancellationToken));
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT o.id FROM orte o WHERE {HsdsSql.OrtVeroeffentlicht} ORDER BY o.name COLLATE NOCASE, o.id LIMIT @take OFFSET @skip",
            parameter, cancellationToken: cancellationToken))).ToList();
        return seite.Antwort(await leser.LocationsAsync(connection, ids, cancellationToken), gesamt);
    }
}
