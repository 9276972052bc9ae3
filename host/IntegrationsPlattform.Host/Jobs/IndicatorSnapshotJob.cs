using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Jobs;

/// <summary>
/// Asks every running module's indicator providers for the current month and stores the values in
/// host.db (one row per indicator, municipality and month, replaced on each run).
/// </summary>
internal sealed class IndicatorSnapshotJob(IEnumerable<IIndicatorProvider> providers, ModuleRegistry registry, HostDatabase database, PlatformOptions options, ILogger<IndicatorSnapshotJob> logger)
    : IScheduledJob
{
    public const string Key = "platform.indicators";

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, options.TimeZone).DateTime);
        var period = IndicatorPeriod.MonthOf(today);
        var stored = 0;
        var failed = new List<string>();
        foreach (var provider in providers)
        {
            var source = registry.OfAssembly(provider.GetType().Assembly)?.DisplayName ?? "Plattform";
            IReadOnlyList<IndicatorValue> values;
            try
            {
                values = await provider.GetValuesAsync(period, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Kennzahlen von {Source} konnten nicht erfasst werden", source);
                failed.Add(source);
                continue;
            }

            var definitions = provider.Definitions.ToDictionary(d => d.Key);
            await database.WriteAsync(async (c, t) =>
            {
                foreach (var value in values.Where(v => definitions.ContainsKey(v.Key)))
                {
                    var definition = definitions[value.Key];
                    await c.ExecuteAsync(
                        """
                        INSERT INTO indicator_snapshots (indicator_key, municipality_ags, period, label, unit, level, value, source, taken_at)
                        VALUES (@key, @ags, @period, @label, @unit, @level, @value, @source, @takenAt)
                        ON CONFLICT (indicator_key, municipality_ags, period) DO UPDATE SET
                          label = excluded.label, unit = excluded.unit, level = excluded.level, value = excluded.value, source = excluded.source, taken_at = excluded.taken_at
                        """,
                        new
                        {
                            key = value.Key,
                            ags = value.MunicipalityAgs ?? "",
                            period = period.Label,
                            label = definition.Label,
                            unit = definition.Unit,
                            level = definition.Level.ToString(),
                            value = (double)value.Value,
                            source,
                            takenAt = now.ToString("O"),
                        },
                        t);
                    stored++;
                }
            }, cancellationToken);
        }

        var summary = string.Create(CultureInfo.GetCultureInfo("de-DE"), $"{stored} Werte für {period.Label} erfasst");
        return failed.Count == 0 ? summary : $"{summary}; fehlgeschlagen: {string.Join(", ", failed)}";
    }
}
