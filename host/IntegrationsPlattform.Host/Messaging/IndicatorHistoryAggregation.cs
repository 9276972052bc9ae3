using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Host.Messaging;

/// <summary>
/// Monthly snapshots into months, quarters or years: a stock is what stood at the period's end (its last month with a
/// snapshot), a flow what happened within it (the sum of its months).
/// </summary>
internal static class IndicatorHistoryAggregation
{
    public static IReadOnlyList<IndicatorHistoryValue> Aggregate(IndicatorKind kind, HistoryPeriod period, IEnumerable<(IndicatorPeriod Month, decimal Value)> months)
        => months
            .GroupBy(m => HistoryPeriods.Containing(period, m.Month.From))
            .OrderBy(g => g.Key.From)
            .Select(g =>
            {
                var ordered = g.OrderBy(m => m.Month.From).ToList();
                var value = kind == IndicatorKind.Flow ? ordered.Sum(m => m.Value) : ordered[^1].Value;
                var monthsInPeriod = ((g.Key.To.Year - g.Key.From.Year) * 12) + g.Key.To.Month - g.Key.From.Month + 1;
                return new IndicatorHistoryValue(g.Key.Label, g.Key.From, g.Key.To, value, ordered.Select(m => m.Month.From).Distinct().Count() == monthsInPeriod);
            })
            .ToList();
}
