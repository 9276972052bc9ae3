using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;
using IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record StatusEingabe(string? Status, string? Grund);

internal sealed record AktivitaetEingabe(string? Art, string? Notiz);

internal sealed record VermittlungEingabe(Guid? LotseId, DateOnly? Tag, string? Beginn, int? DauerMinuten, string? AbweichungGrund);

internal sealed record TerminEingabe(DateOnly? Tag, string? Beginn, int? DauerMinuten, string? AbweichungGrund);

internal static class AnfragenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/anfragen", (string? status, string? kommune, string? thema, string? sprache, int? seite, IMediator m, CancellationToken ct)
                => m.Send(new ListAnfragen(new AnfrageFilter(status, kommune, thema, sprache, seite ?? 1)), ct))
            .RequirePermission(LotsenModule.Lesen);
        api.MapGet("/anfragen/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetAnfrage(id), ct))
            .RequirePermission(LotsenModule.Lesen);
        api.MapPost("/anfragen", async (AnfrageEingabe body, IMediator m, CancellationToken ct) =>
            {
                var id = await m.Send(new CreateAnfrage(body), ct);
                return Results.Created($"/api/lotsen/anfragen/{id}", new { id });
            })
            .RequirePermission(LotsenModule.Bearbeiten);
        api.MapPost("/anfragen/{id:guid}/status", async (Guid id, StatusEingabe body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new ChangeAnfrageStatus(id, body.Status, body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Bearbeiten);
        api.MapPost("/anfragen/{id:guid}/aktivitaeten", async (Guid id, AktivitaetEingabe body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RecordAktivitaet(id, body.Art, body.Notiz), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Bearbeiten);
        api.MapGet("/anfragen/{id:guid}/vorschlaege", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListVorschlaege(id), ct))
            .RequirePermission(LotsenModule.Bearbeiten);
        api.MapPost("/anfragen/{id:guid}/vermittlung", async (Guid id, VermittlungEingabe body, IMediator m, CancellationToken ct) =>
            {
                var einsatzId = await m.Send(new AssignLotse(id, body.LotseId, body.Tag, body.Beginn, body.DauerMinuten, body.AbweichungGrund), ct);
                return Results.Created($"/api/lotsen/einsaetze/{einsatzId}", new { einsatzId });
            })
            .RequirePermission(LotsenModule.Bearbeiten);
        api.MapPost("/anfragen/{id:guid}/einsaetze", async (Guid id, TerminEingabe body, IMediator m, CancellationToken ct) =>
            {
                var einsatzId = await m.Send(new CreateFolgeeinsatz(id, body.Tag, body.Beginn, body.DauerMinuten, body.AbweichungGrund), ct);
                return Results.Created($"/api/lotsen/einsaetze/{einsatzId}", new { einsatzId });
            })
            .RequirePermission(LotsenModule.EinsaetzeErfassen);
    }
}
