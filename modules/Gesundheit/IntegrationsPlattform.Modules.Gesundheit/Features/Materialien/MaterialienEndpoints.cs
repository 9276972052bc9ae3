using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialien;

/// <summary>
/// The translated materials of an offer under <c>/api/gesundheit/angebote/{id}/materialien</c>, for whoever may maintain
/// the offer (<see cref="GesundheitModule.Angebote"/>, scoped to a provider's own offers). The public downloads of the
/// published ones are the directory's (<c>VerzeichnisEndpoints</c>).
/// </summary>
internal static class MaterialienEndpoints
{
    private const string Pfad = "/angebote/{id:guid}/materialien";

    public static string Download(string angebotId, string materialId) => $"/gesundheit/verwaltung/angebote/{angebotId}/materialien/{materialId}";

    public static void Map(RouteGroupBuilder api)
    {
        var materialien = api.MapGroup(Pfad).WithTags("Gesundheit: Angebote").RequirePermission(GesundheitModule.Angebote);

        materialien.MapGet("", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new GetAngebot(id.ToString()), ct);
                return await mediator.Send(new ListMaterialien(id.ToString()), ct);
            })
            .WithSummary("Materialien der Arbeitsfassung eines Angebots (Sprache, Titel, schon veröffentlicht)");

        materialien.MapPost("", async (Guid id, HttpRequest request, IMediator mediator, IModuleFiles<GesundheitModule> files, CancellationToken ct) =>
            {
                var form = await request.ReadFormAsync(ct);
                var eingabe = new MaterialEingabe(form["sprache"].FirstOrDefault(), form["titel"].FirstOrDefault());
                var neu = await mediator.Send(new RecordMaterial(id.ToString(), eingabe, (use, owner, c) => files.SaveAsync(use, owner, request, c)), ct);
                return Results.Created($"/api/gesundheit/angebote/{id}/materialien/{neu}", new NeueId(neu));
            })
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .WithSummary("Material hochladen (multipart: datei — PDF, PNG oder JPEG, am Inhalt erkannt —, sprache, titel); bei einem veröffentlichten Angebot wartet es mit der Änderung auf Prüfung");

        materialien.MapGet("/{material:guid}", DownloadAsync).WithSummary("Ein Material herunterladen");

        materialien.MapDelete("/{material:guid}", async (Guid id, Guid material, IMediator mediator, IModuleFiles<GesundheitModule> files, CancellationToken ct) =>
            {
                var datei = await mediator.Send(new DeleteMaterial(id.ToString(), material.ToString()), ct);
                await files.DeleteAsync(AngebotMaterialien.Von(id.ToString()), datei, ct);
                return Results.NoContent();
            })
            .WithSummary("Material entfernen, aus beiden Fassungen zugleich (die Öffentlichkeit sieht es sofort nicht mehr)");
    }

    /// <summary>The staff page's download link, signed in by the page cookie.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/verwaltung" + Pfad + "/{material:guid}", DownloadAsync).RequirePermission(GesundheitModule.Angebote);

    private static async Task<IResult> DownloadAsync(Guid id, Guid material, IMediator mediator, IModuleFiles<GesundheitModule> files, CancellationToken ct)
    {
        await mediator.Send(new GetAngebot(id.ToString()), ct);
        var zeile = (await mediator.Send(new ListMaterialien(id.ToString()), ct)).FirstOrDefault(m => m.Id == material.ToString())
            ?? throw new RecordNotFoundException("Material nicht gefunden.");
        return await files.DownloadAsync(AngebotMaterialien.Von(id.ToString()), Guid.Parse(zeile.DateiId), ct);
    }
}
