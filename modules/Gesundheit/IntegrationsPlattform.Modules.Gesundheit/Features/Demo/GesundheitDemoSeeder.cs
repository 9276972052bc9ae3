using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// Invented demo data for the deployment's municipalities when the host seeds demo data, written by one bulk command
/// (its own transaction, rolled back as a whole on any error). The benchmark set (5,000 offers × 10 languages) is not
/// built yet: both sizes seed the showcase set.
/// </summary>
internal sealed class GesundheitDemoSeeder(IMediator mediator) : IDemoDataSeeder
{
    public Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken)
        => mediator.Send(new CreateDemoDaten(deployment), cancellationToken);
}
