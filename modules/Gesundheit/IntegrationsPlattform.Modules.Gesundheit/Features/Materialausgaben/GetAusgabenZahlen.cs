using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>The outreach figures per municipality in a period (both days optional and included): hand-outs, pieces, pieces per kind of institution and per language.</summary>
internal sealed record GetAusgabenZahlen(string? Von, string? Bis) : IQuery<AusgabenZahlen>;

internal sealed class GetAusgabenZahlenValidator : IValidator<GetAusgabenZahlen>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(GetAusgabenZahlen request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        AusgabenZeitraum.Pruefen(errors, request.Von, request.Bis);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class GetAusgabenZahlenHandler(IModuleDatabase<GesundheitModule> database, DeploymentInfo deployment) : IRequestHandler<GetAusgabenZahlen, AusgabenZahlen>
{
    private const string Zeitraum = "(@von IS NULL OR m.datum >= @von) AND (@bis IS NULL OR m.datum <= @bis)";

    public async Task<AusgabenZahlen> Handle(GetAusgabenZahlen request, CancellationToken cancellationToken)
    {
        var parameter = new { von = Tag(request.Von), bis = Tag(request.Bis) };
        await using var connection = await database.OpenAsync(cancellationToken);
        var gesamt = (await connection.QueryAsync<(string Kommune, long Ausgaben, long Stueck)>(
            $"SELECT m.kommune_ags, count(*), sum(m.anzahl) FROM materialausgaben m WHERE {Zeitraum} GROUP BY m.kommune_ags", parameter))
            .ToDictionary(z => z.Kommune);
        var jeArt = (await connection.QueryAsync<(string Kommune, string Art, long Stueck)>(
            $"SELECT m.kommune_ags, m.einrichtung_art, sum(m.anzahl) FROM materialausgaben m WHERE {Zeitraum} GROUP BY m.kommune_ags, m.einrichtung_art", parameter))
            .ToLookup(z => z.Kommune);
        var jeSprache = (await connection.QueryAsync<(string Kommune, string Sprache, long Stueck)>(
            $"""
            SELECT m.kommune_ags, s.sprache, sum(m.anzahl) FROM materialausgaben m JOIN materialausgabe_sprachen s ON s.ausgabe_id = m.id
            WHERE {Zeitraum} GROUP BY m.kommune_ags, s.sprache
            """, parameter)).ToLookup(z => z.Kommune);

        var sprachen = jeSprache.SelectMany(g => g).Select(z => z.Sprache).Distinct().OrderBy(Languages.GermanName, StringComparer.Create(GermanFormat.Culture, false)).ToList();
        var kommunen = deployment.Municipalities.Select(k =>
        {
            var (ausgaben, stueck) = gesamt.TryGetValue(k.Ags, out var z) ? (z.Ausgaben, z.Stueck) : (0, 0);
            return new AusgabenJeKommune(
                k.Ags, k.Name, (int)ausgaben, stueck,
                jeArt[k.Ags].ToDictionary(a => a.Art, a => a.Stueck),
                jeSprache[k.Ags].ToDictionary(s => s.Sprache, s => s.Stueck));
        }).ToList();
        return new AusgabenZahlen(parameter.von, parameter.bis, sprachen, kommunen);
    }

    private static string? Tag(string? tag) => string.IsNullOrWhiteSpace(tag) ? null : tag.Trim();
}
