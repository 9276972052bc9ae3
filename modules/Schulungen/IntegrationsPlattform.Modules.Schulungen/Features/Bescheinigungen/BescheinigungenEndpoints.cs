using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>
/// The JSON API of certificates: issuing, reading, the PDF and withdrawing need <see cref="SchulungenModule.Verwalten"/>;
/// the check of a verification code is public.
/// </summary>
internal static class BescheinigungenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var gruppe = api.MapGroup("").WithTags("Schulungen: Teilnahmebescheinigungen");

        gruppe.MapGet("/termine/{id:guid}/bescheinigungen", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListTerminBescheinigungen(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Teilnehmende eines Termins mit Anteil, ob eine Bescheinigung möglich ist, und den ausgestellten");

        gruppe.MapPost("/termine/{id:guid}/bescheinigungen", async (Guid id, AusstellenEingabe body, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new IssueBescheinigungen(id.ToString(), body.Anmeldungen), ct)))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Bescheinigungen ausstellen {anmeldungen: [Ids]}: alle oder keine (zu wenig anwesend: 409)");

        gruppe.MapGet("/bescheinigungen/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetBescheinigung(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Eine Teilnahmebescheinigung");

        gruppe.MapGet("/bescheinigungen/{id:guid}/pdf", BescheinigungDruck.PdfAsync)
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Die Teilnahmebescheinigung als PDF");

        gruppe.MapPost("/bescheinigungen/{id:guid}/rueckzug", async (Guid id, RueckzugEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new WithdrawBescheinigung(id.ToString(), body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Bescheinigung zurückziehen {grund}");

        gruppe.MapGet("/nachweis/{code}", (string code, IMediator mediator, CancellationToken ct) => mediator.Send(new CheckNachweis(code), ct))
            .AsPublic().WithSummary("Prüfcode einer Bescheinigung prüfen (öffentlich): Kurs, Zeitraum, Initialen, gültig oder zurückgezogen");
    }

    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/bescheinigungen/{id:guid}/bescheinigung.pdf", BescheinigungDruck.PdfAsync).RequirePermission(SchulungenModule.Verwalten);
}
