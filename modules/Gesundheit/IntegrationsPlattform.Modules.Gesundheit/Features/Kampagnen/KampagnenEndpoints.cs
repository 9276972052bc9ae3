using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>The JSON API of outreach campaigns under <c>/api/gesundheit/kampagnen</c>, for staff with <see cref="GesundheitModule.Verwalten"/>.</summary>
internal static class KampagnenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var kampagnen = api.MapGroup("/kampagnen").WithTags("Gesundheit: Öffentlichkeitsarbeit").RequirePermission(GesundheitModule.Verwalten);

        kampagnen.MapGet("", (string? status, string? kommune, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListKampagnen(new KampagneFilter(status, kommune), seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .WithSummary("Kampagnen suchen (Status, Kommune), späteste zuerst, mit Seiten");

        kampagnen.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetKampagne(id.ToString()), ct))
            .WithSummary("Eine Kampagne mit Statusverlauf und verknüpften Materialausgaben");

        kampagnen.MapPost("", async (KampagneEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateKampagne(body), ct);
                return Results.Created($"/api/gesundheit/kampagnen/{id}", new NeueId(id));
            })
            .WithSummary("Kampagne anlegen (Status „geplant“)");

        kampagnen.MapPost("/{id:guid}/status", async (Guid id, KampagneStatusEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeKampagneStatus(id.ToString(), body), ct);
                return Results.NoContent();
            })
            .WithSummary("Status einer Kampagne ändern: geplant → läuft → abgeschlossen, abgesagt (mit Grund) bis zum Abschluss; sonst 409 mit den erlaubten Wechseln");
    }
}
