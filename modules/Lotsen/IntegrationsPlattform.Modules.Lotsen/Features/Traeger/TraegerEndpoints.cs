using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record TraegerEingabe(string? Name, string? Ansprechperson, string? Email, string? Telefon, IReadOnlyList<string>? Kommunen, string? Notiz);

internal sealed record StatusEingabe(string? Nach, string? Grund);

internal sealed record KontaktEingabe(string? Datum, string? Kanal, string? Notiz);

internal sealed record VereinbarungEingabe(string? Beginn, string? Ende, IReadOnlyList<string>? Kommunen, string? Foerderung);

internal sealed record BeendenEingabe(string? Ende);

/// <summary>The JSON API of the Träger search under <c>/api/lotsen/traeger</c>; every endpoint needs <see cref="LotsenModule.Traeger"/>.</summary>
internal static class TraegerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var traeger = api.MapGroup("/traeger").WithTags("Integrationslotsen: Trägersuche");

        traeger.MapGet("", (string? status, string? kommune, string? suche, int? seite, int? groesse, IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListTraeger(status, kommune, suche, seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .RequirePermission(LotsenModule.Traeger).WithSummary("Träger suchen (Status, Kommune, Name) mit Seiten");

        traeger.MapGet("/abdeckung", (IMediator mediator, CancellationToken ct) => mediator.Send(new GetAbdeckung(), ct))
            .RequirePermission(LotsenModule.Traeger).WithSummary("Aktiver Träger je Kommune");

        traeger.MapGet("/{id:guid}", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetTraeger(id.ToString()), ct))
            .RequirePermission(LotsenModule.Traeger).WithSummary("Ein Träger mit Kontakten, Statusverlauf und Vereinbarungen");

        traeger.MapPost("", async (TraegerEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateTraeger(body.Name, body.Ansprechperson, body.Email, body.Telefon, body.Kommunen, body.Notiz), ct);
                return Results.Created($"/api/lotsen/traeger/{id}", new { id });
            })
            .RequirePermission(LotsenModule.Traeger).WithSummary("Träger-Kandidaten erfassen");

        traeger.MapPut("/{id:guid}", async (Guid id, TraegerEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new UpdateTraeger(id.ToString(), body.Name, body.Ansprechperson, body.Email, body.Telefon, body.Kommunen, body.Notiz), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Traeger).WithSummary("Träger ändern");

        traeger.MapPost("/{id:guid}/status", async (Guid id, StatusEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new ChangeTraegerStatus(id.ToString(), body.Nach, body.Grund), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Traeger).WithSummary("Status wechseln (identifiziert → kontaktiert → interessiert, oder abgelehnt)");

        traeger.MapGet("/{id:guid}/kontakte", (Guid id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListKontakte(id.ToString()), ct))
            .RequirePermission(LotsenModule.Traeger).WithSummary("Kontaktprotokoll, neueste zuerst");

        traeger.MapPost("/{id:guid}/kontakte", async (Guid id, KontaktEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var kontakt = await mediator.Send(new RecordKontakt(id.ToString(), body.Datum, body.Kanal, body.Notiz), ct);
                return Results.Created($"/api/lotsen/traeger/{id}/kontakte", new { id = kontakt });
            })
            .RequirePermission(LotsenModule.Traeger).WithSummary("Kontakt erfassen (Datum, Weg, Notiz)");

        traeger.MapPost("/{id:guid}/vereinbarungen", async (Guid id, VereinbarungEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var vereinbarung = await mediator.Send(new RecordVereinbarung(id.ToString(), body.Beginn, body.Ende, body.Kommunen, body.Foerderung), ct);
                return Results.Created($"/api/lotsen/traeger/{id}", new { id = vereinbarung });
            })
            .RequirePermission(LotsenModule.Traeger).WithSummary("Vereinbarung erfassen: setzt den Status „Vereinbarung unterzeichnet“");

        traeger.MapPost("/{id:guid}/vereinbarungen/{vereinbarung:guid}/beenden", async (Guid id, Guid vereinbarung, BeendenEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new EndVereinbarung(id.ToString(), vereinbarung.ToString(), body.Ende), ct);
                return Results.NoContent();
            })
            .RequirePermission(LotsenModule.Traeger).WithSummary("Vereinbarung beenden: gibt ihre Kommunen frei");

        api.MapGet("/traeger.csv", ExportAsync)
            .RequirePermission(LotsenModule.Traeger).WithTags("Integrationslotsen: Trägersuche").WithSummary("Trägerliste als CSV (UTF-8 mit BOM, Semikolon)");
    }

    /// <summary>The same CSV for the list page, with the page cookie: <c>/lotsen/traeger/export.csv</c>.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/traeger/export.csv", ExportAsync).RequirePermission(LotsenModule.Traeger);

    private static async Task<IResult> ExportAsync(string? status, string? kommune, string? suche, IMediator mediator, ILocalClock clock, DeploymentInfo deployment, CancellationToken ct)
    {
        var rows = await mediator.Send(new ExportTraeger(status, kommune, suche), ct);
        string Namen(IEnumerable<string> ags) => string.Join(", ", ags.Select(a => deployment.MunicipalityName(a)));
        var csv = CsvExport.Write(
            ["Träger", "Status", "Status seit", "Kommunen (möglich)", "Kommunen (aktive Vereinbarung)", "Ansprechperson", "E-Mail", "Telefon", "Notiz"],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Name, Lebenszyklen.Traeger.Label(r.Status), GermanFormat.Day(DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(r.StatusSeit)).DateTime)),
                Namen(r.Kommunen), Namen(r.AktiveKommunen), r.Ansprechperson, r.Email, r.Telefon, r.Notiz,
            ]));
        return Results.File(csv, CsvExport.ContentType, "traeger.csv");
    }
}
