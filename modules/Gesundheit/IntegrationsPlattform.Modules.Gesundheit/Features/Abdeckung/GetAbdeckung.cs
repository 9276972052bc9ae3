using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Abdeckung;

/// <summary>
/// The coverage matrix on the host's today, for one language or every public language of the deployment but German
/// and one municipality or all; read from the published versions of published offers only.
/// </summary>
internal sealed record GetAbdeckung(string? Sprache, string? Kommune) : IQuery<AbdeckungsMatrix>;

internal sealed record AbdeckungsMatrix(string Stichtag, IReadOnlyList<string> Sprachen, IReadOnlyList<string> Kommunen, IReadOnlyList<AbdeckungsZelle> Zellen);

internal sealed class GetAbdeckungValidator(DeploymentInfo deployment) : IValidator<GetAbdeckung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(GetAbdeckung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.LanguageCode("sprache", request.Sprache);
        errors.Municipality("kommune", request.Kommune, deployment, required: false);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class GetAbdeckungHandler(IModuleDatabase<GesundheitModule> database, DeploymentInfo deployment, ILocalClock clock)
    : IRequestHandler<GetAbdeckung, AbdeckungsMatrix>
{
    public async Task<AbdeckungsMatrix> Handle(GetAbdeckung request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var fakten = (await connection.QueryAsync<Fakten>(
            """
            SELECT a.id, f.dolmetscher_auf_anfrage AS Dolmetscher, f.ab_schwangerschaft AS Schwangerschaft,
                   f.alter_von_monate AS VonMonate, f.alter_bis_monate AS BisMonate, f.gueltig_von AS GueltigVon, f.gueltig_bis AS GueltigBis
            FROM angebote a JOIN angebot_fassungen f ON f.angebot_id = a.id AND f.fassung = 'veroeffentlicht'
            WHERE a.status = 'veroeffentlicht'
            """)).ToList();
        var kommunen = (await connection.QueryAsync<(string AngebotId, string Wert)>(
            """
            SELECT ao.angebot_id, o.kommune_ags FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id
            WHERE ao.fassung = 'veroeffentlicht'
            """)).ToLookup(k => k.AngebotId, k => k.Wert);
        var sprachen = (await connection.QueryAsync<(string AngebotId, string Wert)>(
            "SELECT angebot_id, sprache FROM angebot_sprachen WHERE fassung = 'veroeffentlicht'")).ToLookup(s => s.AngebotId, s => s.Wert);

        var angebote = fakten.Select(f => new AngebotReichweite(
            f.Id, kommunen[f.Id].ToList(), sprachen[f.Id].ToList(), f.Dolmetscher, f.Schwangerschaft, (int)f.VonMonate, (int)f.BisMonate,
            f.GueltigVon is null ? null : GermanFormat.ParseStoredDay(f.GueltigVon), f.GueltigBis is null ? null : GermanFormat.ParseStoredDay(f.GueltigBis))).ToList();
        IReadOnlyList<string> gefragteSprachen = string.IsNullOrWhiteSpace(request.Sprache)
            ? deployment.PublicLanguages.Where(l => l != Languages.German).Select(l => l.Code).ToList()
            : [Languages.Normalize(request.Sprache)];
        var gefragteKommunen = string.IsNullOrWhiteSpace(request.Kommune) ? deployment.Municipalities.Select(m => m.Ags).ToList() : [request.Kommune.Trim()];
        var heute = clock.Today;
        return new AbdeckungsMatrix(
            GermanFormat.StoredDay(heute), gefragteSprachen, gefragteKommunen, Domain.Abdeckung.Berechnen(angebote, gefragteKommunen, gefragteSprachen, heute));
    }

    private sealed class Fakten
    {
        public string Id { get; init; } = "";
        public bool Dolmetscher { get; init; }
        public bool Schwangerschaft { get; init; }
        public long VonMonate { get; init; }
        public long BisMonate { get; init; }
        public string? GueltigVon { get; init; }
        public string? GueltigBis { get; init; }
    }
}
