using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>The CSV import: JSON API under <c>/api/lotsen/import</c>, and the upload and templates of the import page under <c>/lotsen/import</c>.</summary>
internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var import = api.MapGroup("/import").WithTags("CSV-Import");
        foreach (var art in new[] { ImportArt.Lotsen, ImportArt.Traeger })
        {
            import.MapPost("/" + art.Schluessel(), (bool? probelauf, HttpRequest request, IMediator mediator, CancellationToken ct) => ApiAsync(art, probelauf, request, mediator, ct))
                .RequirePermission(LotsenModule.Import)
                .RequirePermission(art.Berechtigung())
                .Accepts<byte[]>("text/csv", "multipart/form-data")
                .Produces<CsvImportPreview>()
                .ProducesValidationProblem()
                .WithSummary($"{art.Text()} aus CSV (braucht {LotsenModule.Import} und {art.Berechtigung()}): probelauf=true (Standard) zeigt jede Zeile mit ihren Fehlern; probelauf=false importiert alle Zeilen in einer Transaktion oder keine (400 mit den fehlerhaften Zeilen)");
        }
    }

    public static void MapDownloads(RouteGroupBuilder pages)
    {
        foreach (var art in new[] { ImportArt.Lotsen, ImportArt.Traeger })
        {
            pages.MapGet($"/import/vorlage-{art.Schluessel()}.csv", () => Results.File(ImportSpalten.Von(art).Template(), CsvExport.ContentType, $"vorlage-{art.Schluessel()}.csv"))
                .RequirePermission(LotsenModule.Import)
                .RequirePermission(art.Berechtigung());
        }

        // A form post with the page cookie: binding [FromForm] makes ASP.NET Core check the anti-forgery token first.
        pages.MapPost("/import/vorschau", VorschauAsync).RequirePermission(LotsenModule.Import);
    }

    private static async Task<IResult> ApiAsync(ImportArt art, bool? probelauf, HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        var datei = await ImportArten.Grenzen.ReadRequestAsync(request, ct);
        return probelauf == false
            ? Results.Ok(await mediator.Send(new ImportDatei(art, datei), ct))
            : Results.Ok(await mediator.Send(new CheckDateiImport(art, datei), ct));
    }

    /// <summary>
    /// The upload of the import page: checks the file, keeps it with its preview (or the reason it cannot
    /// be read) for the user, and sends the browser to the preview page.
    /// </summary>
    private static async Task<IResult> VorschauAsync([FromForm(Name = "art")] string? artText, IFormFile? datei, HttpRequest request, IMediator mediator, CsvImportUploads<ImportArt> ablage, ICurrentUser user, ILocalClock clock, CancellationToken ct)
    {
        if (ImportArten.Parse(artText) is not { } art)
        {
            return Results.Redirect($"{request.PathBase}/lotsen/import?fehler=art");
        }

        // The kind decides the second permission, so it is checked here and not by the endpoint's metadata; nothing is kept.
        if (!user.DarfImportieren(art))
        {
            return Results.Redirect($"{request.PathBase}/lotsen/import?fehler=berechtigung&art={art.Schluessel()}");
        }

        var id = await ablage.KeepUploadAsync(CsvImportUploads.Owner(user), art, datei, ImportArten.Grenzen, inhalt => mediator.Send(new CheckDateiImport(art, inhalt), ct), clock.UtcNow, ct);
        return Results.Redirect($"{request.PathBase}/lotsen/import/{id}");
    }
}
