using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Aufbewahrung;

/// <summary>The daily retention run: participants' data goes two years after their last session (certificates keep the initials).</summary>
internal sealed class AufbewahrungJob(IMediator mediator, ILocalClock clock) : IScheduledJob
{
    public const string Key = "aufbewahrung";

    public const int Jahre = 2;

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anzahl = await mediator.Send(new DeleteTeilnehmende(null, clock.ToLocal(now).DateTime.AddYears(-Jahre)), cancellationToken);
        return $"{anzahl} Teilnehmende {Jahre} Jahre nach ihrem letzten Schulungstermin gelöscht";
    }
}
