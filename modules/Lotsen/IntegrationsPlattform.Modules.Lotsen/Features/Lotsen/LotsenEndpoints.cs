using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record StatusWechselEingabe(string? Status, string? Grund);

internal sealed record QualifikationEingabe(string? Art, DateOnly? Datum, string? Anbieter);

internal sealed record EinwilligungEingabe(DateOnly? Am);

/// <summary>The Lotsen registry's JSON API under <c>/api/lotsen/lotsen</c>.</summary>
internal static class LotsenEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var lotsen = api.MapGroup("/lotsen").WithTags("Lotsen-Register");

        lotsen.MapGet("/", (string? sprache, string? kommune, string? thema, string? status, string? qualifikation, string? name, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new SearchLotsen(new LotsenFilter(sprache, kommune, thema, status, qualifikation, name), seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(LotsenModule.Lesen).WithSummary("Lotsen suchen (Sprache, Kommune, Thema, Status, Qualifikation, Name) mit Seiten");

        lotsen.MapGet("/export.csv", ExportAsync).RequirePermission(LotsenModule.Lesen).WithSummary("Suchergebnis als CSV (UTF-8, Semikolon)");

        lotsen.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetLotse(id), ct))
            .RequirePermission(LotsenModule.Lesen).WithSummary("Ein Lotse mit Sprachen, Themen, Kommunen, Verfügbarkeit, Qualifikationen und Statusverlauf");

        lotsen.MapPost("/", async (LotseDaten body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateLotse(body), ct);
                return Results.Created($"/api/lotsen/lotsen/{id}", new { id });
            })
            .RequirePermission(LotsenModule.Bearbeiten).WithSummary("Lotse registrieren (Einwilligung erforderlich)").ProducesValidationProblem();

        lotsen.MapPut("/{id:guid}", async (Guid id, LotseDaten body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateLotse(id, body), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Bearbeiten).WithSummary("Lotse ändern (ohne Status und Einwilligung)").ProducesValidationProblem();

        lotsen.MapPost("/{id:guid}/status", async (Guid id, StatusWechselEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeLotseStatus(id, body.Status, body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Bearbeiten).WithSummary("Status wechseln (interessiert → in Schulung → aktiv ↔ pausiert → ausgeschieden)").ProducesValidationProblem();

        lotsen.MapPost("/{id:guid}/qualifikationen", async (Guid id, QualifikationEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var qid = await mediator.Send(new RecordQualifikation(id, body.Art, body.Datum, body.Anbieter), ct);
                return Results.Created($"/api/lotsen/lotsen/{id}", new { id = qid });
            })
            .RequirePermission(LotsenModule.Bearbeiten).WithSummary("Besuchte Schulung eintragen").ProducesValidationProblem();

        lotsen.MapPost("/{id:guid}/einwilligung", async (Guid id, EinwilligungEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RecordEinwilligung(id, body.Am), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Bearbeiten).WithSummary("Erneuerte Einwilligung erfassen (aktuelle Textversion)").ProducesValidationProblem();
    }

    /// <summary>The search result as CSV for the search page, with the page cookie: <c>/lotsen/lotsen/export.csv</c>.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/lotsen/export.csv", ExportAsync).RequirePermission(LotsenModule.Lesen);

    private static async Task<IResult> ExportAsync(string? sprache, string? kommune, string? thema, string? status, string? qualifikation, string? name, IMediator mediator, CancellationToken ct)
        => Results.File(await mediator.Send(new ExportLotsen(new LotsenFilter(sprache, kommune, thema, status, qualifikation, name)), ct), CsvExport.ContentType, "lotsen.csv");
}
