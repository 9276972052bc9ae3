using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Reichweite;

/// <summary>The reach of a school year, for staff (<see cref="SchulungenModule.Verwalten"/>): JSON under the API, the table as CSV for the page.</summary>
internal static class ReichweiteEndpoints
{
    public static void Map(RouteGroupBuilder api)
        => api.MapGet("/reichweite", (int? schuljahr, IMediator mediator, CancellationToken ct) => mediator.Send(new GetReichweite(schuljahr), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithTags("Schulungen: Reichweite")
            .WithSummary("Reichweite eines Schuljahres (erstes Jahr, z. B. 2026; ohne: das laufende) je Kommune: Termine, Teilnehmende, Schulen, Warteliste");

    /// <summary><c>/schulungen/reichweite.csv?schuljahr=…</c> for the page (cookie login): UTF-8 with BOM, „;“ as German Excel opens it.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/reichweite.csv", async (int? schuljahr, IMediator mediator, CancellationToken ct) =>
            {
                var bericht = await mediator.Send(new GetReichweite(schuljahr), ct);
                return Results.File(CsvExport.Write(ReichweiteBericht.Kopf, bericht.Zeilen()), CsvExport.ContentType, $"schulungen-reichweite-{bericht.Schuljahr}.csv");
            })
            .RequirePermission(SchulungenModule.Verwalten);
}
