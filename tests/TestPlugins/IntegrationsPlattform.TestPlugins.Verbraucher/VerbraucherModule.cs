using Dapper;
using IntegrationsPlattform.Contracts.Beispiel;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
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
    {
        api.Group.MapGet("/beispiel-anzahl/{ags}", async (string ags, IMediator mediator, IModuleCatalog catalog, CancellationToken ct) =>
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
        api.Group.MapGet("/empfangen/{eintragId:guid}", async (Guid eintragId, IMediator mediator, CancellationToken ct) => new Empfangen(eintragId, await mediator.Send(new ZaehleEmpfangen(eintragId), ct)))
            .RequirePermission(Lesen);
    }
}

/// <param name="Mal">How often the notification of the entry was handled: once, however often it was delivered.</param>
internal sealed record Empfangen(Guid EintragId, int Mal);

internal sealed record ZaehleEmpfangen(Guid EintragId) : IQuery<int>;

internal sealed class ZaehleEmpfangenHandler(IModuleDatabase<VerbraucherModule> database) : IRequestHandler<ZaehleEmpfangen, int>
{
    public async Task<int> Handle(ZaehleEmpfangen request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM empfangene_eintraege WHERE eintrag_id = @id", new { id = request.EintragId.ToString() });
    }
}

/// <summary>Records each notification it handles in its own database, in the transaction the host opens for the delivery.</summary>
internal sealed class EintragZaehler(IModuleDatabase<VerbraucherModule> database, TimeProvider time) : INotificationHandler<BeispielEintragAngelegt>
{
    public Task Handle(BeispielEintragAngelegt notification, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        return tx.Connection.ExecuteAsync(
            "INSERT INTO empfangene_eintraege (eintrag_id, empfangen_am) VALUES (@id, @now)",
            new { id = notification.Id.ToString(), now = time.GetUtcNow().ToString("O") },
            tx.Sql);
    }
}
