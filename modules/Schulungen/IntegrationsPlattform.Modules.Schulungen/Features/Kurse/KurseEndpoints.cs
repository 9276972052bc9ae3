using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>The JSON API of the catalogue under <c>/api/schulungen/kurse</c>; every endpoint needs <see cref="SchulungenModule.Verwalten"/>.</summary>
internal static class KurseEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var kurse = api.MapGroup("/kurse").WithTags("Schulungen: Kurskatalog");

        kurse.MapGet("", (string? status, string? suche, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListKurse(status, suche, seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Kurse suchen (Status, Titel) mit Seiten");

        kurse.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetKurs(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Ein Kurs mit den möglichen Statuswechseln");

        kurse.MapPost("", async (KursEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateKurs(body.Titel, body.Beschreibung, body.Lernziele, body.Zielgruppe, body.Format, body.Unterrichtseinheiten, body.Stunden, body.Voraussetzungen), ct);
                return Results.Created($"/api/schulungen/kurse/{id}", new Angelegt(id));
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Kurs anlegen (als Entwurf)");

        kurse.MapPut("/{id:guid}", async (Guid id, KursEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateKurs(id.ToString(), body.Titel, body.Beschreibung, body.Lernziele, body.Zielgruppe, body.Format, body.Unterrichtseinheiten, body.Stunden, body.Voraussetzungen), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Kurs ändern (nicht, solange er archiviert ist)");

        kurse.MapPost("/{id:guid}/status", async (Guid id, KursStatusEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeKursStatus(id.ToString(), body.Nach), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Status wechseln (Entwurf → veröffentlicht → archiviert, archiviert → veröffentlicht)");
    }
}
