using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Abdeckung;

/// <summary>The coverage matrix under <c>/api/gesundheit/abdeckung</c> (JSON and CSV), for staff with <see cref="GesundheitModule.Verwalten"/>.</summary>
internal static class AbdeckungEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/abdeckung", (string? sprache, string? kommune, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAbdeckung(sprache, kommune), ct))
            .RequirePermission(GesundheitModule.Verwalten).WithTags("Gesundheit: Abdeckung")
            .WithSummary("Abdeckung Kommune × Sprache × Altersgruppe am heutigen Tag: veröffentlichte, gültige Angebote mit der Sprache vor Ort und nur mit Dolmetschen auf Anfrage");

        api.MapGet("/abdeckung.csv", ExportAsync)
            .RequirePermission(GesundheitModule.Verwalten).WithTags("Gesundheit: Abdeckung").WithSummary("Abdeckung als CSV (UTF-8 mit BOM, Semikolon)");
    }

    /// <summary>The same CSV for the matrix page, with the page cookie: <c>/gesundheit/verwaltung/abdeckung/export.csv</c>.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/verwaltung/abdeckung/export.csv", ExportAsync).RequirePermission(GesundheitModule.Verwalten);

    /// <summary>What a cell says in words, the same on the page and in the CSV: the page gives no meaning by colour alone.</summary>
    public static string Bewertung(AbdeckungsZelle zelle) => (zelle.VorOrt, zelle.NurMitDolmetschen) switch
    {
        (> 0, _) => "erreichbar",
        (0, > 0) => "nur mit Dolmetschen",
        _ => "kein Angebot",
    };

    private static async Task<IResult> ExportAsync(string? sprache, string? kommune, IMediator mediator, DeploymentInfo deployment, CancellationToken ct)
    {
        var matrix = await mediator.Send(new GetAbdeckung(sprache, kommune), ct);
        var gruppen = Domain.Abdeckung.Altersgruppen.ToDictionary(g => g.Key, g => g.Label);
        var csv = CsvExport.Write(
            ["Kommune", "Sprache", "Altersgruppe", "Bewertung", "Angebote mit der Sprache vor Ort", "Angebote nur mit Dolmetschen auf Anfrage", "Stichtag"],
            matrix.Zellen.Select(z => (IReadOnlyList<string?>)
            [
                deployment.MunicipalityName(z.KommuneAgs), Languages.GermanName(z.Sprache), gruppen[z.Altersgruppe], Bewertung(z),
                z.VorOrt.ToString(System.Globalization.CultureInfo.InvariantCulture), z.NurMitDolmetschen.ToString(System.Globalization.CultureInfo.InvariantCulture),
                GermanFormat.Day(GermanFormat.ParseStoredDay(matrix.Stichtag)),
            ]));
        return Results.File(csv, CsvExport.ContentType, "abdeckung.csv");
    }
}
