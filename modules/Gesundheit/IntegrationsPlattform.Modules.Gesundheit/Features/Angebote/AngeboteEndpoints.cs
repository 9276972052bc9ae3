using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

internal sealed record PruefungEingabe(string? Entscheidung, string? Grund);

internal sealed record ArchivEingabe(string? Grund);

/// <summary>
/// The JSON API of the offers under <c>/api/gesundheit/angebote</c>. Maintaining needs <see cref="GesundheitModule.Angebote"/>
/// (scoped: a provider's account reaches its provider's offers), reviewing and archiving <see cref="GesundheitModule.Pruefen"/>.
/// </summary>
internal static class AngeboteEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var angebote = api.MapGroup("/angebote").WithTags("Gesundheit: Angebote");

        angebote.MapGet("", (string? suche, string? kategorie, string? status, string? kommune, string? sprache, string? anbieter, bool? faellig, int? seite, int? groesse,
                IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListAngebote(new AngebotFilter(suche, kategorie, status, kommune, sprache, anbieter, faellig ?? false), seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(GesundheitModule.Angebote)
            .WithSummary("Angebote suchen (Titel, Kategorie, Status, Kommune, Sprache, Anbieter, Prüfung fällig) mit Seiten");

        angebote.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAngebot(id.ToString()), ct))
            .RequirePermission(GesundheitModule.Angebote).WithSummary("Ein Angebot mit Arbeits- und veröffentlichter Fassung und Verlauf");

        angebote.MapPost("", async (AngebotEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateAngebot(body), ct);
                return Results.Created($"/api/gesundheit/angebote/{id}", new NeueId(id));
            })
            .RequirePermission(GesundheitModule.Angebote).WithSummary("Angebot als Entwurf anlegen");

        angebote.MapPut("/{id:guid}", async (Guid id, AngebotEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateAngebot(id.ToString(), body), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Angebote)
            .WithSummary("Angebot ändern; bei einem veröffentlichten wartet die Änderung auf Prüfung, die Öffentlichkeit sieht weiter die geprüfte Fassung");

        angebote.MapPost("/{id:guid}/einreichen", async (Guid id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SubmitAngebot(id.ToString()), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Angebote).WithSummary("Entwurf zur Prüfung einreichen (braucht deutschen Titel, Beschreibung und einen Ort)");

        angebote.MapPost("/{id:guid}/pruefung", async (Guid id, PruefungEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ReviewAngebot(id.ToString(), body.Entscheidung, body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Pruefen)
            .WithSummary($"Prüfen: „{Lebenszyklen.Freigeben}“ veröffentlicht das Angebot oder seine Änderung, „{Lebenszyklen.Zurueckweisen}“ (mit Grund) gibt es zurück");

        angebote.MapPost("/{id:guid}/archivieren", async (Guid id, ArchivEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ArchiveAngebot(id.ToString(), body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(GesundheitModule.Pruefen).WithSummary("Veröffentlichtes Angebot archivieren (mit Grund)");

        api.MapGet("/angebote.csv", ExportAsync)
            .RequirePermission(GesundheitModule.Angebote).WithTags("Gesundheit: Angebote").WithSummary("Angebotsliste als CSV (UTF-8 mit BOM, Semikolon)");
    }

    /// <summary>The same CSV for the list page, with the page cookie: <c>/gesundheit/verwaltung/angebote/export.csv</c>.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/verwaltung/angebote/export.csv", ExportAsync).RequirePermission(GesundheitModule.Angebote);

    private static async Task<IResult> ExportAsync(
        string? suche, string? kategorie, string? status, string? kommune, string? sprache, string? anbieter, bool? faellig,
        IMediator mediator, DeploymentInfo deployment, ILocalClock clock, CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportAngebote(new AngebotFilter(suche, kategorie, status, kommune, sprache, anbieter, faellig ?? false)), ct);
        var csv = CsvExport.Write(
            ["Angebot", "Anbieter", "Kategorie", "Status", "Änderung wartet", "Kommunen", "Zuletzt geprüft", "Prüfung fällig"],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Titel, r.AnbieterName, r.KategorieText, r.StatusText, r.AenderungStatus is null ? "" : "ja",
                string.Join(", ", r.Kommunen.Select(deployment.MunicipalityName)),
                r.GeprueftAm is null ? "" : GermanFormat.Day(DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(r.GeprueftAm)).DateTime)),
                r.PruefungFaellig ? "ja" : "",
            ]));
        return Results.File(csv, CsvExport.ContentType, "angebote.csv");
    }
}
