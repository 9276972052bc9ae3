using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

/// <summary>The public directory's downloads: the materials of a published offer, for anyone, through the SDK's file service.</summary>
internal static class VerzeichnisEndpoints
{
    public static string MaterialLink(string angebotId, string materialId) => $"/gesundheit/angebote/{angebotId}/materialien/{materialId}";

    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/angebote/{id:guid}/materialien/{material:guid}", async (Guid id, Guid material, IMediator mediator, IModuleFiles<GesundheitModule> files, CancellationToken ct) =>
            {
                var (owner, datei) = await mediator.Send(new GetVerzeichnisMaterial(id, material), ct);
                return await files.DownloadAsync(owner, datei, ct);
            })
            .AsPublic();
}
