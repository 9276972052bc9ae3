using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

internal static class AnmeldungenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/termine/{id:guid}/anmeldungen", (Guid id, IMediator m, CancellationToken ct) => m.Send(new ListAnmeldungen(id), ct))
            .RequirePermission(SchulungenModule.Verwalten);
        api.MapPost("/termine/{id:guid}/anmeldungen", async (Guid id, AnmeldungEingabe body, IMediator m, CancellationToken ct) =>
            {
                var ergebnis = await m.Send(new RecordAnmeldung(id, body, Oeffentlich: false), ct);
                return Results.Created($"/api/schulungen/anmeldungen/{ergebnis.AnmeldungId}", ergebnis);
            })
            .RequirePermission(SchulungenModule.Verwalten);
        api.MapPost("/anmeldungen/{id:guid}/abmeldung", (Guid id, IMediator m, CancellationToken ct) => m.Send(new CancelAnmeldung(id), ct))
            .RequirePermission(SchulungenModule.Verwalten);
        api.MapGet("/anmeldungen/{id:guid}/kalender/{nummer}.ics", (Guid id, int nummer, IMediator m, CancellationToken ct) => KalenderdateiAsync(m, id.ToString(), nummer, ct))
            .RequirePermission(SchulungenModule.Verwalten);
    }

    /// <summary>The participant's calendar files behind her personal link (no login: the link is the key).</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/anmeldung/{token}/kalender/{nummer}.ics", async (string token, int nummer, IMediator m, CancellationToken ct) =>
            {
                var anmeldung = await m.Send(new GetAnmeldungPerLink(token), ct);
                return await KalenderdateiAsync(m, anmeldung.AnmeldungId, nummer, ct);
            })
            .AsPublic();

    private static async Task<IResult> KalenderdateiAsync(IMediator m, string anmeldungId, int nummer, CancellationToken ct)
    {
        var datei = await m.Send(new GetAnmeldungKalender(anmeldungId, nummer), ct);
        return Results.File(datei.Content, datei.ContentType, datei.FileName);
    }
}
