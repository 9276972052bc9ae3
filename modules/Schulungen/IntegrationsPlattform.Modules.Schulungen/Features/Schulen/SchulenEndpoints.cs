using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Kurse;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>The JSON API of the schools under <c>/api/schulungen/schulen</c> and the school types; every endpoint needs <see cref="SchulungenModule.Verwalten"/>.</summary>
internal static class SchulenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var schulen = api.MapGroup("/schulen").WithTags("Schulungen: Schulen");

        schulen.MapGet("", (string? kommune, string? schulart, string? suche, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListSchulen(kommune, schulart, suche, seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Schulen nach Kommune, Schulart und Name mit Seiten");

        schulen.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSchule(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Eine Schule");

        schulen.MapPost("", async (SchuleEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateSchule(body), ct);
                return Results.Created($"/api/schulungen/schulen/{id}", new Angelegt(id));
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Schule erfassen (Name, Schulart, Kommune)");

        schulen.MapPut("/{id:guid}", async (Guid id, SchuleEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateSchule(id.ToString(), body), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Schule ändern");

        api.MapGet("/schularten", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListSchularten(), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithTags("Schulungen: Schulen").WithSummary("Die Schularten des Kreises");
    }
}
