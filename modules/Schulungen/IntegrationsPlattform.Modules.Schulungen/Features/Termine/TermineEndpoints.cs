using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Kurse;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// The JSON API of the sessions under <c>/api/schulungen/termine</c>: reading needs <see cref="SchulungenModule.Anwesenheit"/>
/// (staff: every session; a trainer: the sessions she leads), every change <see cref="SchulungenModule.Verwalten"/>.
/// </summary>
internal static class TermineEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var termine = api.MapGroup("/termine").WithTags("Schulungen: Termine");

        termine.MapGet("", (string? kurs, string? kommune, string? status, int? schuljahr, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListTermine(kurs, kommune, status, schuljahr, seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(SchulungenModule.Anwesenheit).WithSummary("Termine nach Kurs, Kommune, Status und Schuljahr (erstes Jahr, z. B. 2026) mit Seiten");

        termine.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTermin(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Anwesenheit).WithSummary("Ein Termin mit Termintagen, Trainerinnen und Belegung");

        termine.MapPost("", async (TerminEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateTermin(body.KursId, body.Kommune, body.Kapazitaet, body.MaxWarteliste, body.Anmeldeschluss, body.Notiz, body.Zeiten, body.Trainer), ct);
                return Results.Created($"/api/schulungen/termine/{id}", new Angelegt(id));
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Termin eines veröffentlichten Kurses anlegen (mit mindestens einem Termintag)");

        termine.MapPut("/{id:guid}", async (Guid id, TerminAenderung body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateTermin(id.ToString(), body.Kommune, body.Kapazitaet, body.MaxWarteliste, body.Anmeldeschluss, body.Notiz, body.Trainer), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Kommune, Plätze, Warteliste, Anmeldeschluss, Notiz und Trainerinnen ändern");

        termine.MapPost("/{id:guid}/status", async (Guid id, TerminStatusEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeTerminStatus(id.ToString(), body.Nach, body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Status wechseln (geplant → offen → ausgebucht → durchgeführt → ausgewertet, oder abgesagt mit Grund)");

        termine.MapPost("/{id:guid}/zeiten", async (Guid id, ZeitEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var zeit = await mediator.Send(new CreateTerminZeit(id.ToString(), body), ct);
                return Results.Created($"/api/schulungen/termine/{id}", new Angelegt(zeit));
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Termintag hinzufügen");

        termine.MapPut("/{id:guid}/zeiten/{zeit:guid}", async (Guid id, Guid zeit, ZeitEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateTerminZeit(id.ToString(), zeit.ToString(), body), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Termintag verschieben (Tag, Uhrzeit, Ort oder Link)");

        termine.MapDelete("/{id:guid}/zeiten/{zeit:guid}", async (Guid id, Guid zeit, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteTerminZeit(id.ToString(), zeit.ToString()), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Termintag entfernen (einer bleibt)");
    }
}
