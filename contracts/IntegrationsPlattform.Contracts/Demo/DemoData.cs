using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Contracts.Demo;

/// <summary>How much invented data to create: enough to see every page, or the large set for benchmarks.</summary>
public enum DemoSize
{
    Showcase,
    Benchmark,
}

/// <summary>
/// Fills the module with believable, invented data for the deployment's municipalities when the host
/// seeds demo data (empty data directory with <c>Platform:Demo:Seed</c>, or the <c>seed-demo</c> command).
/// Must be idempotent: a second call adds nothing.
/// </summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken);
}
