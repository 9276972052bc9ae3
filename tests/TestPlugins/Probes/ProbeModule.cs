using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.TestPlugins.Probe;

public sealed class ProbeModule : PlatformModule
{
    public override ModuleManifest Manifest { get; } = new()
    {
#if VARIANT_DOPPELTEID
        Id = "Beispiel",
#else
        Id = typeof(ProbeModule).Assembly.GetName().Name!.Split('.')[^1],
#endif
        DisplayName = "Probe " + typeof(ProbeModule).Assembly.GetName().Name!.Split('.')[^1],
        Version = new Version(0, 1, 0),
#if VARIANT_FREMDESSDK
        SdkMajor = PlatformSdk.Major + 1,
#else
        SdkMajor = PlatformSdk.Major,
#endif
#if VARIANT_FEHLENDEABHAENGIGKEIT
        Requires = ["Gibtsnicht"],
#endif
    };

    public override IReadOnlyList<NavigationEntry> Navigation => [new(Manifest.DisplayName, "/" + Manifest.RoutePrefix)];

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
#if VARIANT_STARTFEHLER
        throw new InvalidOperationException("Absichtlicher Fehler beim Start.");
#else
        base.ConfigureServices(services, context);
#endif
    }

    public override void MapApi(ModuleApiBuilder api)
        => api.Group.MapGet("/ping", async (IMediator mediator) => await mediator.Send(new ProbePing())).AsPublic();
}

internal sealed record ProbePing : IRequest<string>;

internal sealed class ProbePingHandler : IRequestHandler<ProbePing, string>
{
    public Task<string> Handle(ProbePing request, CancellationToken cancellationToken) => Task.FromResult("pong");
}

[Route(ProbeRoute.Page)]
public sealed class ProbePage : ComponentBase
{
    protected override void BuildRenderTree(RenderTreeBuilder builder) => builder.AddContent(0, "Probe");
}

internal static class ProbeRoute
{
#if VARIANT_DOPPELTEROUTE
    public const string Page = "/beispiel";
#elif VARIANT_RUHEND
    public const string Page = "/ruhend";
#elif VARIANT_STARTFEHLER
    public const string Page = "/startfehler";
#elif VARIANT_MIGRATIONSFEHLER
    public const string Page = "/migrationsfehler";
#elif VARIANT_FEHLENDEABHAENGIGKEIT
    public const string Page = "/fehlendeabhaengigkeit";
#elif VARIANT_FREMDESSDK
    public const string Page = "/fremdessdk";
#else
    public const string Page = "/doppelteid";
#endif
}
