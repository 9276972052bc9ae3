using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>
/// The JSON API of the accompaniment by Lotsen under <c>/api/gesundheit/begleitung</c>, for staff with
/// <see cref="GesundheitModule.Verwalten"/>. With the Lotsen module off, asking and handing over answer 503 (problem
/// details from the host) and write nothing; the list of earlier hand-overs stays readable.
/// </summary>
internal static class BegleitungEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var begleitung = api.MapGroup("/begleitung").WithTags("Gesundheit: Begleitung durch Lotsen").RequirePermission(GesundheitModule.Verwalten);

        begleitung.MapGet("/verfuegbarkeit", (string? sprache, string? kommune, IMediator mediator, CancellationToken ct)
                => mediator.Send(new GetBegleitungVerfuegbarkeit(sprache, kommune), ct))
            .WithSummary("Wie viele Lotsinnen und Lotsen die Sprache in der Kommune sprechen und ab wann (Zahlen, keine Namen)");

        begleitung.MapGet("/uebergaben", (string? status, string? kommune, string? angebot, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListLotsenUebergaben(new UebergabeFilter(status, kommune, angebot), seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .WithSummary("Übergaben an die Lotsen mit ihrem Stand (übergeben, angelegt, vermittelt, erledigt, abgebrochen), neueste zuerst");

        begleitung.MapPost("/uebergaben", async (UebergabeEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateLotsenUebergabe(body), ct);
                return Results.Created($"/api/gesundheit/begleitung/uebergaben?angebot={body.AngebotId}", new NeueUebergabe(id));
            })
            .WithSummary("Begleitung einer Familie zu einem veröffentlichten Angebot an die Lotsen übergeben (die Initialen gehen nur an die Lotsen)");
    }
}
