using IntegrationsPlattform.Contracts.Jobs;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Aufbewahrung;

/// <summary>The daily retention run (<c>Modules:Lotsen:Settings:AufbewahrungMonate</c>, default 6).</summary>
internal sealed class AufbewahrungJob(IMediator mediator, LotsenSettings settings) : IScheduledJob
{
    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anzahl = await mediator.Send(new AnonymizeAnfragen(null, now.AddMonths(-settings.AufbewahrungMonate)), cancellationToken);
        return $"{anzahl} abgeschlossene Anfragen nach {settings.AufbewahrungMonate} Monaten anonymisiert";
    }
}
