using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Contracts;

/// <summary>Answers other modules with figures only: how many suitable Lotsen, and from which day one of them is available.</summary>
internal sealed class GetLotsenVerfuegbarkeitHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, LotsenSettings settings, Matchingprofile profile)
    : IRequestHandler<GetLotsenVerfuegbarkeit, LotsenVerfuegbarkeit>
{
    public async Task<LotsenVerfuegbarkeit> Handle(GetLotsenVerfuegbarkeit request, CancellationToken cancellationToken)
    {
        var sprache = Languages.Normalize(request.SpracheCode ?? "");
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var lesen = connection.BeginTransaction(deferred: true);
        var heute = clock.Today;
        var bedarf = new Bedarf([sprache], request.KommuneAgs, request.Thema ?? "", request.Thema is null ? null : settings.ThemenQualifikation.GetValueOrDefault(request.Thema), new Wunschzeitraum(heute, heute.AddDays(13)));
        var passend = (await profile.StandAsync(connection, lesen, cancellationToken)).Sprecher([sprache])
            .Where(k => Matching.IstGeeignet(bedarf, k) && k.Kommunen.Contains(request.KommuneAgs) && (request.Thema is null || k.Themen.Contains(request.Thema)))
            .ToList();
        var fruehester = passend.Select(k => bedarf.Zeitraum.ErsterPassenderTag(k.Verfuegbarkeit, heute)).Where(t => t is not null).Min();
        return new LotsenVerfuegbarkeit(passend.Count, fruehester);
    }
}
