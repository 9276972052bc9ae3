using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// Invented demo data for the deployment's municipalities when the host seeds demo data, written by one bulk command
/// (its own transaction, rolled back as a whole on any error); the benchmark size adds the benchmark set
/// (<see cref="CreateBenchmarkDaten"/>) in a second one.
/// </summary>
internal sealed class GesundheitDemoSeeder(IMediator mediator) : IDemoDataSeeder
{
    public async Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken)
    {
        await mediator.Send(new CreateDemoDaten(deployment), cancellationToken);
        if (size == DemoSize.Benchmark)
        {
            await mediator.Send(new CreateBenchmarkDaten(deployment), cancellationToken);
        }
    }
}
