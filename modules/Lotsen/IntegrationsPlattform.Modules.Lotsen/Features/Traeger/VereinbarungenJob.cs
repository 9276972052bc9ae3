using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Daily (<c>Lotsen.vereinbarungen</c>): ends the agreements whose planned end has passed and frees their municipalities.</summary>
internal sealed class VereinbarungenJob(IMediator mediator, ILocalClock clock) : IScheduledJob
{
    public const string Key = "vereinbarungen";

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var heute = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
        var anzahl = await mediator.Send(new EndAbgelaufeneVereinbarungen(heute, now), cancellationToken);
        return anzahl == 1 ? "1 Vereinbarung zum geplanten Ende beendet" : $"{anzahl} Vereinbarungen zum geplanten Ende beendet";
    }
}
