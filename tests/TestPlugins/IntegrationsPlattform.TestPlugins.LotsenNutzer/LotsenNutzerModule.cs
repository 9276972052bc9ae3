using System.Collections.Concurrent;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.TestPlugins.LotsenNutzer;

public sealed class LotsenNutzerModule : PlatformModule
{
    public const string Nutzen = "lotsennutzer.nutzen";

    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "LotsenNutzer",
        DisplayName = "Lotsen-Nutzer (Test)",
        Version = new Version(0, 1, 0),
        SdkMajor = PlatformSdk.Major,
        Uses = ["Lotsen"],
    };

    public override IReadOnlyList<PermissionDefinition> Permissions => [new(Nutzen, "Lotsen-Verträge nutzen")];

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddSingleton<EmpfangeneEreignisse>();
    }

    public override void MapApi(ModuleApiBuilder api)
    {
        api.Group.MapGet("/verfuegbarkeit", async (string sprache, string kommune, string? thema, IMediator mediator, CancellationToken ct) =>
            {
                try
                {
                    var antwort = await mediator.Send(new GetLotsenVerfuegbarkeit(sprache, kommune, thema), ct);
                    return Results.Ok(new { lotsenAktiv = true, antwort.AktiveLotsen, antwort.FruehesterTag });
                }
                catch (ModuleNotEnabledException)
                {
                    return Results.Ok(new { lotsenAktiv = false, AktiveLotsen = 0, FruehesterTag = (DateOnly?)null });
                }
            })
            .RequirePermission(Nutzen);
        api.Group.MapPost("/begleitung", async (Begleitbedarf body, IMediator mediator, CancellationToken ct) =>
            {
                try
                {
                    var id = await mediator.Send(new CreateLotsenAnfrage("LotsenNutzer", body.Kennung, [body.Sprache], "gesundheit", "Kinderarzt", body.Kommune, body.Ab, body.Ab.AddDays(14)), ct);
                    return Results.Ok(new { lotsenAktiv = true, anfrageId = id });
                }
                catch (ModuleNotEnabledException)
                {
                    return Results.Ok(new { lotsenAktiv = false, anfrageId = (Guid?)null });
                }
            })
            .RequirePermission(Nutzen);
        // The way a programme module hands over a need in production: through its outbox, in the transaction of its own
        // change, with a correlation id it keeps; the new request's id comes back as a notification with that id.
        api.Group.MapPost("/begleitung-ueber-postausgang", async (Begleitbedarf body, IMediator mediator, CancellationToken ct) =>
            {
                var korrelation = Guid.NewGuid();
                try
                {
                    await mediator.Send(new UebergibBegleitung(body, korrelation), ct);
                    return Results.Ok(new Uebergabe(true, korrelation));
                }
                catch (ModuleNotEnabledException)
                {
                    return Results.Ok(new Uebergabe(false, null));
                }
            })
            .RequirePermission(Nutzen);
        api.Group.MapGet("/ereignisse", (EmpfangeneEreignisse ereignisse) => ereignisse.Alle).RequirePermission(Nutzen);
    }
}

internal sealed record Begleitbedarf(string Kennung, string Sprache, string Kommune, DateOnly Ab);

internal sealed record Uebergabe(bool LotsenAktiv, Guid? KorrelationsId);

internal sealed record UebergibBegleitung(Begleitbedarf Bedarf, Guid Korrelation) : ICommand<Done>;

/// <summary>Writes the hand-over into this module's outbox; with the Lotsen module off it throws at once and nothing is stored.</summary>
internal sealed class UebergibBegleitungHandler(IModuleDatabase<LotsenNutzerModule> database) : IRequestHandler<UebergibBegleitung, Done>
{
    public Task<Done> Handle(UebergibBegleitung request, CancellationToken cancellationToken)
    {
        var bedarf = request.Bedarf;
        database.Transaction.SendAfterCommit(new CreateLotsenAnfrage(
            "LotsenNutzer", bedarf.Kennung, [bedarf.Sprache], "gesundheit", "Kinderarzt", bedarf.Kommune, bedarf.Ab, bedarf.Ab.AddDays(14), KorrelationsId: request.Korrelation));
        return Task.FromResult(Done.Value);
    }
}

/// <summary>What the Lotsen module told this module, in order.</summary>
internal sealed class EmpfangeneEreignisse
{
    private readonly ConcurrentQueue<string> _ereignisse = new();

    public IReadOnlyList<string> Alle => _ereignisse.ToList();

    public void Merke(string ereignis) => _ereignisse.Enqueue(ereignis);
}

/// <summary>Remembers each notification as „what id source [correlation id]“.</summary>
internal sealed class VermitteltEmpfaenger(EmpfangeneEreignisse ereignisse)
    : INotificationHandler<LotsenAnfrageAngelegt>, INotificationHandler<LotsenAnfrageVermittelt>, INotificationHandler<LotsenAnfrageAbgeschlossen>
{
    public Task Handle(LotsenAnfrageAngelegt notification, CancellationToken cancellationToken)
    {
        ereignisse.Merke($"angelegt {notification.AnfrageId} {notification.QuelleModul} {notification.KorrelationsId}");
        return Task.CompletedTask;
    }

    public Task Handle(LotsenAnfrageVermittelt notification, CancellationToken cancellationToken)
    {
        ereignisse.Merke($"vermittelt {notification.AnfrageId} {notification.QuelleModul}{Korrelation(notification.KorrelationsId)}");
        return Task.CompletedTask;
    }

    public Task Handle(LotsenAnfrageAbgeschlossen notification, CancellationToken cancellationToken)
    {
        ereignisse.Merke($"{(notification.Erledigt ? "erledigt" : "abgebrochen")} {notification.AnfrageId} {notification.QuelleModul}{Korrelation(notification.KorrelationsId)}");
        return Task.CompletedTask;
    }

    private static string Korrelation(Guid? id) => id is null ? "" : $" {id}";
}
