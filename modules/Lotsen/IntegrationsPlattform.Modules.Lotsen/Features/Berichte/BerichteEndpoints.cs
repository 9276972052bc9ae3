using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

internal static class BerichteEndpoints
{
    public static void MapApi(RouteGroupBuilder api)
        => api.MapGet("/berichte", (int? jahr, int? quartal, IMediator m, ILocalClock clock, CancellationToken ct)
                => m.Send(new GetLotsenBericht(jahr ?? clock.Today.Year, quartal), ct))
            .RequirePermission(LotsenModule.Berichte);

    /// <summary>The report tables as CSV for the report page (cookie login): <c>/lotsen/berichte/&lt;tabelle&gt;.csv?jahr=…&amp;quartal=…</c>.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/berichte/{tabelle}.csv", async (string tabelle, int? jahr, int? quartal, IMediator m, ILocalClock clock, LotsenSettings settings, DeploymentInfo deployment, IAuditTrail audit, CancellationToken ct) =>
            {
                var bericht = await m.Send(new GetLotsenBericht(jahr ?? clock.Today.Year, quartal), ct);
                var tabellen = BerichtTabellen.Aus(bericht, deployment, settings);
                if (tabellen.FirstOrDefault(t => t.Id == tabelle) is not { } gewaehlt)
                {
                    throw new RecordNotFoundException($"Die Tabelle „{tabelle}“ gibt es nicht.");
                }

                if (gewaehlt.MitPersonen)
                {
                    await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Lotse", null, $"CSV {gewaehlt.Id}, {bericht.Zeitraum.Text}, {gewaehlt.Zeilen.Count} Zeilen"), ct);
                }

                var datei = $"lotsen-{gewaehlt.Id}-{bericht.Zeitraum.Jahr}{(bericht.Zeitraum.Quartal is { } q ? $"-q{q}" : "")}.csv";
                return Results.File(CsvExport.Write(gewaehlt.Kopf, gewaehlt.Zeilen), CsvExport.ContentType, datei);
            })
            .RequirePermission(LotsenModule.Berichte);
}
