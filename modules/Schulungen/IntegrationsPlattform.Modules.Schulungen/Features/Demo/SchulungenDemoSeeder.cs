using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>
/// Invented demo data for the deployment's municipalities when the host seeds demo data, written by an internal bulk
/// command in one transaction of the module database (rolled back as a whole on any error).
/// </summary>
internal sealed class SchulungenDemoSeeder(IMediator mediator) : IDemoDataSeeder
{
    public Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken)
        => mediator.Send(new CreateDemoDaten(deployment, size), cancellationToken);
}
