using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Verstoss;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Modules.Nachbar;
using MediatR;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IntegrationsPlattform.Modules.Verstoss;

/// <summary>Allowed: the manifest is public.</summary>
public sealed class VerstossModule : PlatformModule
{
    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "Verstoss",
        DisplayName = "Verstoß",
        Version = new Version(0, 1, 0),
        SdkMajor = PlatformSdk.Major,
        Uses = ["Nachbar"],
    };
}

/// <summary>Violation: handlers are internal to their module.</summary>
public sealed class OeffentlicherHandler : IRequestHandler<VeraenderlicheAnfrage, int>
{
    public Task<int> Handle(VeraenderlicheAnfrage request, CancellationToken cancellationToken) => Task.FromResult(0);
}

/// <summary>Violation: a public component without a route is not a page, just a leaked type.</summary>
public sealed class OeffentlicheKomponente : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "Komponente");
}

/// <summary>Allowed: a routable page is public (the host's router finds it).</summary>
[Route("/verstoss")]
public sealed class VerstossSeite : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "Seite");
}

/// <summary>Violation: uses another module directly instead of its contracts.</summary>
internal sealed class NachbarZugriff
{
    public string NachbarId() => new NachbarModule().Manifest.Id;
}

/// <summary>Violation: uses the host, also through <c>Program</c> in the global namespace.</summary>
internal sealed class HostZugriff
{
    public string HostName() => typeof(Program).Assembly.GetName().Name!;

    public string Zustand() => ModuleState.Enabled.German();
}
