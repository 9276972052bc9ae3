using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>The CSV import of an existing offer list: JSON API under <c>/api/gesundheit/import</c>, the template under <c>/gesundheit/import</c>.</summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
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
            .WithTags("Gesundheit: CSV-Import")
            .WithSummary($"Angebote aus CSV (braucht {GesundheitModule.Verwalten} und {GesundheitModule.Angebote}): probelauf=true (Standard) zeigt jede Zeile mit ihren Fehlern; probelauf=false importiert alle Zeilen als Entwurf in einer Transaktion oder keine (400 mit den fehlerhaften Zeilen)");
    }

    public static void MapDownloads(RouteGroupBuilder pages)
    {
        pages.MapGet("/import/vorlage-angebote.csv", () => Results.File(ImportSpalten.Angebote.Template(), CsvExport.ContentType, "vorlage-angebote.csv"))
            .RequirePermission(GesundheitModule.Verwalten)
            .RequirePermission(GesundheitModule.Angebote);
    }
}
