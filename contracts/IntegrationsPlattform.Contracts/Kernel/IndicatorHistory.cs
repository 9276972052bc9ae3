using System.Globalization;
using System.Text.Json.Serialization;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>The length of the periods an indicator's history is answered in (in JSON by name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HistoryPeriod>))]
public enum HistoryPeriod
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// One period of an indicator's history: <paramref name="Period"/> names it (<c>2026-11</c>, <c>2026-Q4</c>,
/// <c>2026</c>), <paramref name="Value"/> is a stock's value at the period's last month with a snapshot, or a flow's sum
/// over its months; <paramref name="Complete"/> says whether a snapshot exists for every month of the period (the current
/// quarter is not complete before its last month, nor is a period that begins before the history does).
/// </summary>
public sealed record IndicatorHistoryValue(string Period, DateOnly From, DateOnly To, decimal Value, bool Complete);

/// <summary>The history of one indicator for the Kreis (<paramref name="MunicipalityAgs"/> null) or one municipality, oldest period first.</summary>
public sealed record IndicatorHistory(
    string Key,
    string Label,
    string Unit,
    [property: JsonConverter(typeof(JsonStringEnumConverter<IndicatorKind>))] IndicatorKind Kind,
    string? MunicipalityAgs,
    HistoryPeriod Period,
    IReadOnlyList<IndicatorHistoryValue> Values);

/// <summary>
/// The history of an indicator from the host's monthly snapshots, per month, quarter or year, for the Kreis or one
/// municipality, optionally from and to a month (<c>yyyy-MM</c>, inclusive). Answered by the host; an unknown key is
/// a <see cref="RecordNotFoundException"/>.
/// </summary>
public sealed record GetIndicatorHistory(string Key, HistoryPeriod Period = HistoryPeriod.Month, string? MunicipalityAgs = null, string? From = null, string? To = null)
    : IQuery<IndicatorHistory>;

/// <summary>A figure of a past month that a module supplies for its history (<see cref="IIndicatorBackfill"/>).</summary>
public sealed record PastIndicatorValue(IndicatorPeriod Month, IndicatorValue Value);

/// <summary>
/// Implemented beside <see cref="IIndicatorProvider"/> by a module that can tell its figures for months before the
/// platform took snapshots of it (a module added later brings its history). The host asks while the provider's
/// indicators have no history — no snapshot before the current month —, that is at the first snapshot after the module
/// starts, and again only while it had nothing to give; it stores every month before <c>currentMonth</c> like its own
/// snapshots (with the Kreis value where municipality values add up). Supply only what the data really tells: a flow is
/// counted from dated records (a month without any is a 0 worth supplying), a stock only where its past state is kept.
/// </summary>
public interface IIndicatorBackfill
{
    Task<IReadOnlyList<PastIndicatorValue>> GetPastValuesAsync(IndicatorPeriod currentMonth, CancellationToken cancellationToken);
}

/// <summary>How periods of an indicator's history are named and bounded.</summary>
public static class HistoryPeriods
{
    /// <summary>The period of <paramref name="period"/>'s length that contains <paramref name="month"/>.</summary>
    public static (string Label, DateOnly From, DateOnly To) Containing(HistoryPeriod period, DateOnly month) => period switch
    {
        HistoryPeriod.Quarter => Quarter(month),
        HistoryPeriod.Year => (month.Year.ToString(CultureInfo.InvariantCulture), new DateOnly(month.Year, 1, 1), new DateOnly(month.Year, 12, 31)),
        _ => (IndicatorPeriod.MonthOf(month).Label, IndicatorPeriod.MonthOf(month).From, IndicatorPeriod.MonthOf(month).To),
    };

    private static (string, DateOnly, DateOnly) Quarter(DateOnly month)
    {
        var quarter = (month.Month - 1) / 3;
        var from = new DateOnly(month.Year, quarter * 3 + 1, 1);
        return (string.Create(CultureInfo.InvariantCulture, $"{month.Year}-Q{quarter + 1}"), from, from.AddMonths(3).AddDays(-1));
    }
}
