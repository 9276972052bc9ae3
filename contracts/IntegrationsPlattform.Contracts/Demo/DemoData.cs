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

/// <summary>
/// A permission the demo role holds, optionally scoped (e.g. a Träger's municipalities, own records, or — with
/// <see cref="Security.ScopeKind.Groups"/> — the ids of groups the module declares, such as the demo council).
/// </summary>
public sealed record DemoGrant(string PermissionKey, Security.ScopeKind Scope = Security.ScopeKind.All, IReadOnlyList<string>? MunicipalityAgs = null, IReadOnlyList<string>? GroupIds = null);

/// <summary>
/// A demo account a module needs to show its workflows (e.g. a Lotse who sees only their own
/// assignments), with its role. The host creates it only when it seeds demo data, never in Production;
/// the module's README section documents user name and password.
/// </summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Password, string RoleName, string RoleDescription, IReadOnlyList<DemoGrant> Grants);
