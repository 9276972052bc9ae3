using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

internal sealed record ErfassungEingabe(string? Status, string? Ergebnis, int? DauerMinuten, decimal? FahrtKm, bool Nachbereitung, string? Bemerkung);

internal static class EinsaetzeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/einsaetze", (string? status, string? monat, int? seite, IMediator m, CancellationToken ct)
                => m.Send(new ListEinsaetze(new EinsatzFilter(status, monat, seite ?? 1)), ct))
            .RequirePermission(LotsenModule.EinsaetzeErfassen);
        api.MapGet("/einsaetze/{id:guid}", (Guid id, IMediator m, CancellationToken ct) => m.Send(new GetEinsatz(id), ct))
            .RequirePermission(LotsenModule.EinsaetzeErfassen);
        api.MapPost("/einsaetze/{id:guid}/erfassung", async (Guid id, ErfassungEingabe body, IMediator m, CancellationToken ct) =>
            {
                await m.Send(new RecordEinsatz(id, body.Status, body.Ergebnis, body.DauerMinuten, body.FahrtKm, body.Nachbereitung, body.Bemerkung), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.EinsaetzeErfassen);
    }
}
