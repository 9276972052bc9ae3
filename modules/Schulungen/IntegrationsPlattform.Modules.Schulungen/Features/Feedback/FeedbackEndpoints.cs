using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>The JSON body of an answer: scores 1–5 (only <c>gesamt</c> required) and free text.</summary>
internal sealed record FeedbackEingabe(int? Gesamt, int? Inhalte, int? Praxisnutzen, int? Methoden, int? Organisation, string? Freitext);

/// <summary>
/// The JSON API of feedback: requesting it and the evaluation need <see cref="SchulungenModule.Verwalten"/>; the form
/// behind a personal link is public (the link is the key).
/// </summary>
internal static class FeedbackEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var gruppe = api.MapGroup("").WithTags("Schulungen: Feedback");

        gruppe.MapPost("/termine/{id:guid}/feedback/anforderung", async (Guid id, IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new RequestFeedback(id.ToString()), ct)))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Feedback anfordern: jede teilnehmende Person bekommt einen persönlichen Link (einmal je Termin, nach dem letzten Termintag)");

        gruppe.MapGet("/termine/{id:guid}/feedback", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetFeedbackAuswertung(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Auswertung eines Termins: Durchschnitt und Verteilung je Frage, Freitexte — erst ab 5 Antworten");

        gruppe.MapGet("/kurse/{id:guid}/feedback", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetKursFeedback(id.ToString()), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Auswertung eines Kurses über alle Termine mit mindestens 5 Antworten: Durchschnitt und Verteilung je Frage, Freitexte");

        gruppe.MapGet("/feedback/{token}", (string token, IMediator mediator, CancellationToken ct) => mediator.Send(new GetFeedbackFormular(token), ct))
            .AsPublic().WithSummary("Zu welchem Kurs ein Feedback-Link gehört (öffentlich; benutzt oder abgelaufen: 409)");

        gruppe.MapPost("/feedback/{token}", async (string token, FeedbackEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SubmitFeedback(token, body.Gesamt, body.Inhalte, body.Praxisnutzen, body.Methoden, body.Organisation, body.Freitext), ct);
                return Results.NoContent();
            })
            .AsPublic().WithSummary("Feedback abgeben (öffentlich, einmal je Link)");
    }
}
