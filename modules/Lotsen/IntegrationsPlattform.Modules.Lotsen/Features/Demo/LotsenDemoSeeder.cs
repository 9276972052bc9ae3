using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

/// <summary>
/// Invented demo data for the deployment's municipalities when the host seeds demo data. The writing
/// runs as an internal bulk command, so it gets a transaction of its own from the host (BEGIN IMMEDIATE
/// behind the write gate of the module database, a large page cache, fresh planner statistics after
/// it) and rolls back as a whole on any error.
/// </summary>
internal sealed class LotsenDemoSeeder(IMediator mediator) : IDemoDataSeeder
{
    public Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken)
        => mediator.Send(new CreateDemoDaten(deployment, size), cancellationToken);
}
