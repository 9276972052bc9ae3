using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>
/// The CSV import of an existing offer list: JSON API under <c>/api/gesundheit/import</c>; the template and the upload of the
/// import page under <c>/gesundheit/import</c>.
/// </summary>
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

        // A form post with the page cookie: binding the file from the form makes ASP.NET Core check the anti-forgery token first.
        pages.MapPost("/import/vorschau", VorschauAsync)
            .RequirePermission(GesundheitModule.Verwalten)
            .RequirePermission(GesundheitModule.Angebote);
    }

    /// <summary>The upload of the import page: checks the file, keeps it with its preview (or why it cannot be read) for the user, and sends the browser to the preview.</summary>
    private static async Task<IResult> VorschauAsync(IFormFile? datei, HttpRequest request, IMediator mediator, CsvImportUploads<ImportArt> ablage, ICurrentUser user, ILocalClock clock, CancellationToken ct)
    {
        var id = await ablage.KeepUploadAsync(CsvImportUploads.Owner(user), ImportArt.Angebote, datei, ImportPruefung.Grenzen,
            inhalt => mediator.Send(new CheckAngeboteImport(inhalt), ct), clock.UtcNow, ct);
        return Results.Redirect($"{request.PathBase}/gesundheit/import/{id}");
    }
}
