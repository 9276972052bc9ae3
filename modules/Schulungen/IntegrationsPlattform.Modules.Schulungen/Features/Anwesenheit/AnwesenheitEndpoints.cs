using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>
/// The JSON API of attendance; every endpoint needs <see cref="SchulungenModule.Anwesenheit"/> — a trainer holds it for
/// the sessions she leads (own records), staff for all.
/// </summary>
internal static class AnwesenheitEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var gruppe = api.MapGroup("").WithTags("Schulungen: Anwesenheit");

        gruppe.MapGet("/anwesenheit", (int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListAnwesenheitsTermine(seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(SchulungenModule.Anwesenheit).WithSummary("Termine, deren Anwesenheit der Nutzer erfasst (Trainer·innen: die eigenen)");

        gruppe.MapGet("/termine/{id:guid}/anwesenheit", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTerminAnwesenheit(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Anwesenheit).WithSummary("Anwesenheitsliste eines Termins: Termintage, Teilnehmende, Anteil und Status");

        gruppe.MapPut("/termine/{id:guid}/anwesenheit", async (Guid id, AnwesenheitEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RecordAnwesenheit(id.ToString(), body.ZeitId, body.Anwesend), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Anwesenheit).WithSummary("Anwesenheit eines Termintags erfassen {zeitId, anwesend: [Anmeldungs-Ids]}; alle anderen gelten als abwesend");
    }
}
