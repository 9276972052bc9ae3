using IntegrationsPlattform.Contracts.Beispiel;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.TestPlugins.Verbraucher;

public sealed class VerbraucherModule : PlatformModule
{
    public const string Lesen = "verbraucher.lesen";

    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "Verbraucher",
        DisplayName = "Verbraucher",
        Version = new Version(0, 3, 0),
        SdkMajor = PlatformSdk.Major,
        Uses = ["Beispiel"],
    };

    public override IReadOnlyList<Contracts.Security.PermissionDefinition> Permissions => [new(Lesen, "Zählungen lesen")];

    public override void MapApi(ModuleApiBuilder api)
        => api.Group.MapGet("/beispiel-anzahl/{ags}", async (string ags, IMediator mediator, IModuleCatalog catalog, CancellationToken ct) =>
            {
                try
                {
                    return Results.Ok(new { verfuegbar = true, anzahl = await mediator.Send(new CountBeispielEintraege(ags), ct) });
                }
                catch (ModuleNotEnabledException)
                {
                    return Results.Ok(new { verfuegbar = catalog.IsEnabled("Beispiel"), anzahl = 0 });
                }
            })
            .RequirePermission(Lesen);
}

/// <summary>Counts the notifications it received, to prove they arrive after the sender's commit.</summary>
internal sealed class EintragZaehler : INotificationHandler<BeispielEintragAngelegt>
{
    public static int Empfangen;

    public Task Handle(BeispielEintragAngelegt notification, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Empfangen);
        return Task.CompletedTask;
    }
}
