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
/// host.db: one row per indicator, municipality and month, the month's rows of a provider replaced on
/// each run (a municipality that no longer has a value loses its row). Every indicator gets its Kreis
/// value here, so that no consumer ever adds municipality values.
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

            var rows = provider.Definitions.SelectMany(d => WithKreisValue(d, values.Where(v => v.Key == d.Key).ToList(), source)).ToList();
            await database.WriteAsync(async (c, t) =>
            {
                await c.ExecuteAsync(
                    "DELETE FROM indicator_snapshots WHERE period = @period AND indicator_key IN @keys",
                    new { period = period.Label, keys = provider.Definitions.Select(d => d.Key).ToList() },
                    t);
                foreach (var (definition, value) in rows)
                {
                    await c.ExecuteAsync(
                        """
                        INSERT INTO indicator_snapshots (indicator_key, municipality_ags, period, label, unit, level, kind, municipalities_add_up, value, source, taken_at)
                        VALUES (@key, @ags, @period, @label, @unit, @level, @kind, @addUp, @value, @source, @takenAt)
                        """,
                        new
                        {
                            key = definition.Key,
                            ags = value.MunicipalityAgs ?? "",
                            period = period.Label,
                            label = definition.Label,
                            unit = definition.Unit,
                            level = definition.Level.ToString(),
                            kind = definition.Kind.ToString(),
                            addUp = definition.MunicipalitiesAddUp,
                            value = (double)value.Value,
                            source,
                            takenAt = now.ToString("O"),
                        },
                        t);
                }
            }, cancellationToken);
            stored += rows.Count;
        }

        var summary = string.Create(CultureInfo.GetCultureInfo("de-DE"), $"{stored} Werte für {period.Label} erfasst");
        return failed.Count == 0 ? summary : $"{summary}; fehlgeschlagen: {string.Join(", ", failed)}";
    }

    /// <summary>
    /// The values a module reported for one indicator, with the Kreis value: the module's own, else the
    /// sum of the municipality values where they add up. Where they do not, only the module knows it
    /// (a person counted in every municipality she serves is one person in the Kreis): without it the
    /// indicator has no Kreis value, and the log says which module owes it.
    /// </summary>
    private IEnumerable<(IndicatorDefinition Definition, IndicatorValue Value)> WithKreisValue(IndicatorDefinition definition, IReadOnlyList<IndicatorValue> values, string source)
    {
        var reported = values.Select(v => (definition, v));
        if (values.Any(v => v.MunicipalityAgs is null))
        {
            return reported;
        }

        if (definition.Level == IndicatorLevel.Municipality && definition.MunicipalitiesAddUp)
        {
            return reported.Append((definition, new IndicatorValue(definition.Key, values.Sum(v => v.Value))));
        }

        logger.LogWarning("Kennzahl {Key} von {Source}: kein Wert für den Kreis gemeldet", definition.Key, source);
        return reported;
    }
}
