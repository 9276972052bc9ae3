using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Host.Web;

/// <summary><c>GET /api/kennzahlen/{key}/verlauf</c>: an indicator's history per month, quarter or year (no personal data; any signed-in user, like the dashboard).</summary>
internal static class IndicatorApi
{
    public static void MapIndicatorApi(this WebApplication app)
        => app.MapGet("/api/kennzahlen/{key}/verlauf", (string key, string? zeitraum, string? kommune, string? von, string? bis, IMediator mediator, CancellationToken ct)
                => mediator.Send(new GetIndicatorHistory(key, Period(zeitraum), string.IsNullOrWhiteSpace(kommune) ? null : kommune.Trim(), von, bis), ct))
            .WithTags("Kennzahlen")
            .RequireAuthorization()
            .WithSummary("Verlauf einer Kennzahl je Monat, Quartal oder Jahr (zeitraum=monat|quartal|jahr), für den Kreis oder eine Kommune (kommune=AGS), von/bis als JJJJ-MM")
            .ProducesValidationProblem();

    private static HistoryPeriod Period(string? zeitraum) => zeitraum?.Trim().ToLowerInvariant() switch
    {
        null or "" or "monat" => HistoryPeriod.Month,
        "quartal" => HistoryPeriod.Quarter,
        "jahr" => HistoryPeriod.Year,
        _ => throw RequestValidationException.For("zeitraum", "Zeitraum: monat, quartal oder jahr."),
    };
}
