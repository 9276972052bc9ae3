using IntegrationsPlattform.Contracts.Kernel;
using MediatR;

namespace IntegrationsPlattform.Host.Web;

/// <summary><c>GET /api/verknuepfungen?q=</c>: the linkable records of every running module the user may see.</summary>
internal static class LinkableRecordApi
{
    public static void MapLinkableRecordApi(this WebApplication app)
        => app.MapGet("/api/verknuepfungen", (string? q, int? limit, IMediator mediator, CancellationToken ct) => mediator.Send(new SearchLinkableRecords(q ?? "", limit), ct))
            .WithTags("Verknüpfungen")
            .RequireAuthorization()
            .WithSummary("Verknüpfbare Datensätze aller laufenden Module suchen (Modul, Art, Titel, Datum, Kommune, Status, Link)")
            .ProducesValidationProblem();
}
