using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Modules.Nachbar;
using MediatR;

namespace IntegrationsPlattform.Contracts.Verstoss;

/// <summary>Violation: a request with a public setter can be changed on its way through the pipeline.</summary>
public sealed record VeraenderlicheAnfrage : IQuery<int>
{
    public string? Name { get; set; }
}

/// <summary>Violation: an unsealed notification invites subclasses with extra, unversioned data.</summary>
public record OffeneMeldung(Guid Id) : INotification;

/// <summary>Allowed: sealed, init-only — must not be reported.</summary>
public sealed record ErlaubteAnfrage(string Name) : ICommand<Done>
{
    public int Anzahl { get; init; }
}

/// <summary>Violation: contracts with logic that reaches into a module.</summary>
public static class NachbarVertrag
{
    public static string NachbarId() => new NachbarModule().Manifest.Id;
}

/// <summary>Violation: contracts that reach into the host.</summary>
public static class HostVertrag
{
    public static string Zustand() => ModuleState.Enabled.German();
}
