using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>
/// The JSON API of material hand-outs under <c>/api/gesundheit/materialausgaben</c> and their figures per municipality
/// (JSON and CSV), for staff with <see cref="GesundheitModule.Verwalten"/>.
/// </summary>
internal static class MaterialausgabenEndpoints
{
    public const string CsvDatei = "materialausgaben-kommunen.csv";

    public static void Map(RouteGroupBuilder api)
    {
        var ausgaben = api.MapGroup("/materialausgaben").WithTags("Gesundheit: Öffentlichkeitsarbeit").RequirePermission(GesundheitModule.Verwalten);

        ausgaben.MapGet("", (string? kommune, string? einrichtungArt, string? sprache, string? kampagne, string? von, string? bis, int? seite, int? groesse,
                IMediator mediator, CancellationToken ct)
                => mediator.Send(new ListMaterialausgaben(new MaterialausgabeFilter(kommune, einrichtungArt, sprache, kampagne, von, bis), seite ?? 1, groesse ?? Paging.DefaultPageSize), ct))
            .WithSummary("Materialausgaben suchen (Kommune, Art der Einrichtung, Sprache, Kampagne, Zeitraum), neueste zuerst, mit Seiten");

        ausgaben.MapPost("", async (MaterialausgabeEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new RecordMaterialausgabe(body), ct);
                return Results.Created("/api/gesundheit/materialausgaben", new NeueId(id));
            })
            .WithSummary("Materialausgabe erfassen (was, Sprachen, Einrichtung, Kommune, Anzahl, Tag, optional für eine Kampagne)");

        ausgaben.MapGet("/zahlen", (string? von, string? bis, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAusgabenZahlen(von, bis), ct))
            .WithSummary("Zahlen je Kommune: Ausgaben, Stück, Stück je Art der Einrichtung und je Sprache (ein mehrsprachiges Material zählt in jeder seiner Sprachen)");

        ausgaben.MapGet("/zahlen.csv", ExportAsync).WithSummary("Zahlen je Kommune als CSV (UTF-8 mit BOM, Semikolon)");
    }

    /// <summary>The same CSV for the figures page, with the page cookie.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/verwaltung/materialausgaben/zahlen.csv", ExportAsync).RequirePermission(GesundheitModule.Verwalten);

    private static async Task<IResult> ExportAsync(string? von, string? bis, IMediator mediator, CancellationToken ct)
    {
        var zahlen = await mediator.Send(new GetAusgabenZahlen(von, bis), ct);
        var arten = Einrichtungsarten.Alle.Keys.ToList();
        string Zahl(long wert) => wert.ToString(CultureInfo.InvariantCulture);
        var csv = CsvExport.Write(
            [
                "Kommune", "AGS", "Ausgaben", "Stück", .. arten.Select(a => $"Stück an {Einrichtungsarten.Text(a)}"),
                .. zahlen.Sprachen.Select(s => $"Stück auf {Languages.GermanName(s)}"),
            ],
            zahlen.Kommunen.Select(k => (IReadOnlyList<string?>)
            [
                k.Kommune, k.KommuneAgs, Zahl(k.Ausgaben), Zahl(k.Stueck), .. arten.Select(a => Zahl(k.StueckJeEinrichtungArt.GetValueOrDefault(a))),
                .. zahlen.Sprachen.Select(s => Zahl(k.StueckJeSprache.GetValueOrDefault(s))),
            ]));
        return Results.File(csv, CsvExport.ContentType, CsvDatei);
    }
}
