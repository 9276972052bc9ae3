using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// The entries' history for the host's back-fill: every month from the first entry up to the last month, the new
/// entries (a flow, 0 in a month without any) and all entries at its end (a stock — entries are never taken back, so
/// their creation dates tell it), per municipality and, explicitly, for the Kreis.
/// </summary>
internal sealed partial class EintraegeIndicators
{
    public async Task<IReadOnlyList<PastIndicatorValue>> GetPastValuesAsync(IndicatorPeriod currentMonth, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var created = (await connection.QueryAsync<(string Ags, string CreatedAt)>("SELECT kommune_ags, created_at FROM eintraege"))
            .Select(r => (r.Ags, Month: IndicatorPeriod.MonthOf(DateOnly.FromDateTime(clock.ToLocal(DateTimeOffset.Parse(r.CreatedAt, CultureInfo.InvariantCulture)).DateTime))))
            .ToList();
        var values = new List<PastIndicatorValue>();
        for (var month = created.Count == 0 ? currentMonth : created.MinBy(c => c.Month.From).Month; month.From < currentMonth.From; month = IndicatorPeriod.MonthOf(month.From.AddMonths(1)))
        {
            var inMonth = created.Where(c => c.Month == month).ToList();
            var untilEnd = created.Where(c => c.Month.From <= month.From).ToList();
            values.Add(new PastIndicatorValue(month, new IndicatorValue("beispiel.neu", inMonth.Count)));
            values.Add(new PastIndicatorValue(month, new IndicatorValue("beispiel.eintraege", untilEnd.Count)));
            values.AddRange(inMonth.GroupBy(c => c.Ags).Select(g => new PastIndicatorValue(month, new IndicatorValue("beispiel.neu", g.Count(), g.Key))));
            values.AddRange(untilEnd.GroupBy(c => c.Ags).Select(g => new PastIndicatorValue(month, new IndicatorValue("beispiel.eintraege", g.Count(), g.Key))));
        }

        return values;
    }
}
