using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// <c>GET /hsds/organizations</c>: a page of the providers that have at least one published offer (others are not public),
/// ordered by name; <c>search</c> looks in the name.
/// </summary>
internal sealed record ListHsdsAnbieter(string? Page, string? PerPage, string? Search) : IQuery<HsdsPage<HsdsOrganization>>;

internal sealed class ListHsdsAnbieterValidator : IValidator<ListHsdsAnbieter>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListHsdsAnbieter request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        HsdsSeite.Pruefen(errors, request.Page, request.PerPage);
        errors.OptionalText("search", request.Search, 200);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListHsdsAnbieterHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser, ILocalClock clock)
    : IRequestHandler<ListHsdsAnbieter, HsdsPage<HsdsOrganization>>
{
    private const string Filter = $"""
        FROM anbieter n
        WHERE EXISTS (SELECT 1 {HsdsSql.Veroeffentlicht} AND a.anbieter_id = n.id)
          AND (@suche IS NULL OR instr(lower(n.name), lower(@suche)) > 0)
        """;

    public async Task<HsdsPage<HsdsOrganization>> Handle(ListHsdsAnbieter request, CancellationToken cancellationToken)
    {
        var seite = HsdsSeite.Von(request.Page, request.PerPage);
        var parameter = new
        {
            heute = GermanFormat.StoredDay(clock.Today),
            suche = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim(),
            take = seite.Groesse,
            skip = seite.Offset,
        };

        await using var connection = await database.OpenAsync(cancellationToken);
        var gesamt = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) {Filter}", parameter, cancellationToken: cancellationToken));
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT n.id {Filter} ORDER BY n.name COLLATE NOCASE, n.id LIMIT @take OFFSET @skip", parameter, cancellationToken: cancellationToken))).ToList();
        return seite.Antwort(await leser.OrganizationsAsync(connection, ids, vollstaendig: false, cancellationToken), gesamt);
    }
}
