using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// <c>GET /hsds/services</c>: a page of published offers as HSDS list entries (one-to-one fields and the provider),
/// ordered by German title; <c>search</c> looks in titles and descriptions in any language, <c>organization_id</c>
/// keeps one provider's offers.
/// </summary>
internal sealed record ListHsdsAngebote(string? Page, string? PerPage, string? Search, string? OrganizationId, string Sprache) : IQuery<HsdsPage<HsdsService>>;

internal sealed class ListHsdsAngeboteValidator : IValidator<ListHsdsAngebote>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListHsdsAngebote request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        HsdsSeite.Pruefen(errors, request.Page, request.PerPage);
        errors.OptionalText("search", request.Search, 200);
        if (!string.IsNullOrWhiteSpace(request.OrganizationId) && !Guid.TryParse(request.OrganizationId, out _))
        {
            errors.Add(new FieldError("organization_id", "Die Kennung des Anbieters (organization_id) muss eine UUID sein."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListHsdsAngeboteHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser, ILocalClock clock)
    : IRequestHandler<ListHsdsAngebote, HsdsPage<HsdsService>>
{
    private const string Filter = $"""
        {HsdsSql.Veroeffentlicht}
          AND (@anbieter IS NULL OR a.anbieter_id = @anbieter)
          AND (@suche IS NULL OR EXISTS (
                SELECT 1 FROM angebot_texte s
                WHERE s.angebot_id = a.id AND s.fassung = 'veroeffentlicht' AND s.feld IN ('titel', 'beschreibung')
                  AND instr(lower(s.text), lower(@suche)) > 0))
        """;

    public async Task<HsdsPage<HsdsService>> Handle(ListHsdsAngebote request, CancellationToken cancellationToken)
    {
        var seite = HsdsSeite.Von(request.Page, request.PerPage);
        var parameter = new
        {
            heute = GermanFormat.StoredDay(clock.Today),
            anbieter = string.IsNullOrWhiteSpace(request.OrganizationId) ? null : Guid.Parse(request.OrganizationId).ToString(),
            suche = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim(),
            take = seite.Groesse,
            skip = seite.Offset,
        };

        await using var connection = await database.OpenAsync(cancellationToken);
        var gesamt = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) {Filter}", parameter, cancellationToken: cancellationToken));
        var ids = (await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT a.id {Filter}
            ORDER BY (SELECT t.text FROM angebot_texte t
                      WHERE t.angebot_id = a.id AND t.fassung = 'veroeffentlicht' AND t.sprache = 'de' AND t.feld = 'titel') COLLATE NOCASE, a.id
            LIMIT @take OFFSET @skip
            """, parameter, cancellationToken: cancellationToken))).ToList();
        var services = await leser.ServicesAsync(connection, ids, request.Sprache, verschachtelt: false, mitAnbieter: true, cancellationToken);
        return seite.Antwort(services, gesamt);
    }
}
