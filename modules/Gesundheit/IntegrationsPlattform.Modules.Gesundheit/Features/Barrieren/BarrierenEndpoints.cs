using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Features;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>
/// The JSON API of barriers and measures under <c>/api/gesundheit/barrieren</c> and <c>/massnahmen</c>, for staff with
/// <see cref="GesundheitModule.Verwalten"/>. Providers see none of it: a barrier often names what families distrust
/// about an offer, which the Kreis discusses with the provider rather than shows it (README).
/// </summary>
internal static class BarrierenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var barrieren = api.MapGroup("/barrieren").WithTags("Gesundheit: Barrieren und Maßnahmen").RequirePermission(GesundheitModule.Verwalten);

        barrieren.MapGet("", (string? art, string? kommune, bool? ohneMassnahme, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListBarrieren(new BarriereFilter(art, kommune, ohneMassnahme ?? false), seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .WithSummary("Barrieren suchen (Art, Kommune, ohne Maßnahme), neueste zuerst, mit Seiten");

        barrieren.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetBarriere(id.ToString()), ct))
            .WithSummary("Eine Barriere mit ihren Maßnahmen und deren möglichen Statuswechseln");

        barrieren.MapPost("", async (BarriereEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateBarriere(body), ct);
                return Results.Created($"/api/gesundheit/barrieren/{id}", new NeueId(id));
            })
            .WithSummary("Barriere erfassen (bei einem Angebot, in einer Kommune oder beidem)");

        barrieren.MapPost("/{id:guid}/massnahmen", async (Guid id, MassnahmeEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var neu = await mediator.Send(new CreateMassnahme(id.ToString(), body), ct);
                return Results.Created($"/api/gesundheit/barrieren/{id}", new NeueId(neu));
            })
            .WithSummary("Maßnahme gegen die Barriere anlegen (Status „geplant“)");

        api.MapPost("/massnahmen/{id:guid}/status", async (Guid id, StatusEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeMassnahmeStatus(id.ToString(), body.Status), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Verwalten).WithTags("Gesundheit: Barrieren und Maßnahmen")
            .WithSummary("Status einer Maßnahme ändern: geplant → läuft → umgesetzt, verworfen bis zur Umsetzung; sonst 409 mit den erlaubten Wechseln");
    }
}
