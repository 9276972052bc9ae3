using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>One municipality (Kreiskommune), identified by its official key (AGS, 8 digits).</summary>
public sealed record Municipality(string Ags, string Name);

/// <summary>The Kreis this installation serves.</summary>
public sealed record DeploymentInfo(string KreisName, string KreisAgs, string Seat, IReadOnlyList<Municipality> Municipalities)
{
    public Municipality? FindMunicipality(string ags) => Municipalities.FirstOrDefault(m => m.Ags == ags);
}

/// <summary>Any module may ask the host for the deployment's Kreis and municipalities.</summary>
public sealed record GetDeployment : IQuery<DeploymentInfo>;
