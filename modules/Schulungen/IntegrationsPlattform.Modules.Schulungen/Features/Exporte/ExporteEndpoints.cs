using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Exporte;

/// <summary>
/// The CSV downloads the list pages link (UTF-8 with BOM, „;“, through the SDK's <see cref="CsvExport"/>), with the page
/// cookie like the pages: the session list with its filters, a session's registrations (staff only) and attendance,
/// the course catalogue.
/// </summary>
internal static class ExporteEndpoints
{
    public static void MapDownloads(RouteGroupBuilder pages)
    {
        pages.MapGet("/termine/export.csv", async (string? kurs, string? kommune, string? status, int? schuljahr, IMediator mediator, CancellationToken ct)
                => Results.File(await mediator.Send(new ExportTermine(kurs, kommune, status, schuljahr), ct), CsvExport.ContentType, "schulungstermine.csv"))
            .RequirePermission(SchulungenModule.Anwesenheit);
        pages.MapGet("/termine/{id:guid}/anmeldungen.csv", async (Guid id, IMediator mediator, CancellationToken ct)
                => Results.File(await mediator.Send(new ExportAnmeldungen(id), ct), CsvExport.ContentType, "anmeldungen.csv"))
            .RequirePermission(SchulungenModule.Verwalten);
        pages.MapGet("/termine/{id:guid}/anwesenheit.csv", async (Guid id, IMediator mediator, CancellationToken ct)
                => Results.File(await mediator.Send(new ExportAnwesenheit(id.ToString()), ct), CsvExport.ContentType, "anwesenheit.csv"))
            .RequirePermission(SchulungenModule.Anwesenheit);
        pages.MapGet("/kurse/export.csv", async (string? status, string? suche, IMediator mediator, CancellationToken ct)
                => Results.File(await mediator.Send(new ExportKurse(status, suche), ct), CsvExport.ContentType, "kurse.csv"))
            .RequirePermission(SchulungenModule.Verwalten);
    }
}
