using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>The JSON API of the provider organisations under <c>/api/gesundheit/anbieter</c>.</summary>
internal static class AnbieterEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var anbieter = api.MapGroup("/anbieter").WithTags("Gesundheit: Anbieter");

        anbieter.MapGet("", (string? suche, IMediator mediator, CancellationToken ct) => mediator.Send(new ListAnbieter(suche), ct))
            .RequirePermission(GesundheitModule.Angebote).WithSummary("Anbieter, für die der Benutzer Angebote pflegen darf (suche: Teil von Name, E-Mail oder Website)");

        anbieter.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAnbieter(id.ToString()), ct))
            .RequirePermission(GesundheitModule.Verwalten).WithSummary("Ein Anbieter");

        anbieter.MapPut("/{id:guid}", async (Guid id, AnbieterEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateAnbieter(id.ToString(), body), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Verwalten).WithSummary("Anbieter ändern (Name, Beschreibung, E-Mail, Telefon, Website, Kommune)");

        anbieter.MapPost("", async (AnbieterEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateAnbieter(body), ct);
                return Results.Created($"/api/gesundheit/anbieter/{id}", new NeueId(id));
            })
            .RequirePermission(GesundheitModule.Verwalten).WithSummary("Anbieter anlegen (Name, Beschreibung, E-Mail, Telefon, Website, Kommune)");
    }
}
