using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>
/// The offer list as a file: the CSV export for staff and the CSV import of an existing list (JSON API under
/// <c>/api/gesundheit</c>; the downloads under <c>/gesundheit</c> with the page cookie).
/// </summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/angebote.csv", ExportAsync)
            .RequirePermission(GesundheitModule.Verwalten).WithTags("Gesundheit: Import und Export")
            .WithSummary("Alle Angebote (Arbeitsfassung) als CSV (UTF-8 mit BOM, Semikolon)");

        api.MapPost("/import/angebote", async (bool? probelauf, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var datei = await ImportPruefung.Grenzen.ReadRequestAsync(request, ct);
                return probelauf == false
                    ? Results.Ok(await mediator.Send(new ImportAngebote(datei), ct))
                    : Results.Ok(await mediator.Send(new CheckAngeboteImport(datei), ct));
            })
            .RequirePermission(GesundheitModule.Verwalten)
            .RequirePermission(GesundheitModule.Angebote)
            .Accepts<byte[]>("text/csv", "multipart/form-data")
            .Produces<CsvImportPreview>()
            .ProducesValidationProblem()
            .WithTags("Gesundheit: Import und Export")
            .WithSummary($"Angebote aus CSV (braucht {GesundheitModule.Verwalten} und {GesundheitModule.Angebote}): probelauf=true (Standard) zeigt jede Zeile mit ihren Fehlern; probelauf=false importiert alle Zeilen als Entwurf in einer Transaktion oder keine (400 mit den fehlerhaften Zeilen)");
    }

    public static void MapDownloads(RouteGroupBuilder pages)
    {
        pages.MapGet("/angebote.csv", ExportAsync).RequirePermission(GesundheitModule.Verwalten);
        pages.MapGet("/import/vorlage-angebote.csv", () => Results.File(ImportSpalten.Angebote.Template(), CsvExport.ContentType, "vorlage-angebote.csv"))
            .RequirePermission(GesundheitModule.Verwalten)
            .RequirePermission(GesundheitModule.Angebote);
    }

    private static async Task<IResult> ExportAsync(IMediator mediator, CancellationToken ct)
        => Results.File(await mediator.Send(new ExportAngebote(), ct), CsvExport.ContentType, "angebote.csv");
}
