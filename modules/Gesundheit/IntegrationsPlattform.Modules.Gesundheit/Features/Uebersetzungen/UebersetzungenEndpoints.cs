using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;

/// <summary>An offer's texts in one language (<c>sprache</c>, ISO 639); a field left out or empty has no translation.</summary>
internal sealed record UebersetzungEingabe(string? Sprache, string? Titel, string? Beschreibung, string? Voraussetzungen, string? Anmeldung, string? Kosten)
{
    public IReadOnlyDictionary<string, string?> Texte() => new Dictionary<string, string?>
    {
        ["titel"] = Titel,
        ["beschreibung"] = Beschreibung,
        ["voraussetzungen"] = Voraussetzungen,
        ["anmeldung"] = Anmeldung,
        ["kosten"] = Kosten,
    };
}

/// <summary>The JSON API of the translations; every endpoint needs <see cref="GesundheitModule.Angebote"/> (a provider: its own offers).</summary>
internal static class UebersetzungenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/uebersetzungen", (string? sprache, string? stand, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListUebersetzungsbedarf(sprache, stand, seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(GesundheitModule.Angebote).WithTags("Gesundheit: Übersetzungen")
            .WithSummary("Fehlende und veraltete Übersetzungen je Angebot und Sprache (Filter sprache, stand=fehlt|veraltet)");

        var angebot = api.MapGroup("/angebote/{id:guid}/uebersetzungen").WithTags("Gesundheit: Übersetzungen");
        angebot.MapGet("", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetUebersetzungen(id), ct))
            .RequirePermission(GesundheitModule.Angebote).WithSummary("Die Texte eines Angebots in jeder öffentlichen Sprache neben dem deutschen, mit Stand");

        angebot.MapPut("", async (Guid id, UebersetzungEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RecordUebersetzung(id, body.Sprache, body.Texte()), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Angebote).WithSummary("Übersetzung in eine öffentliche Sprache speichern (leeres Feld: ohne Übersetzung)");
    }
}
