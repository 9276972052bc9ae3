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
/// each run (a municipality that no longer has a value loses its row), the past months kept as the
/// indicators' history. Every indicator gets its Kreis value here, so that no consumer ever adds
/// municipality values. A provider that can tell its past months gives them once (back-fill).
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
                await StoreAsync(c, t, period, rows, source, now);
            }, cancellationToken);
            stored += rows.Count;
        }

        var backfilled = 0;
        foreach (var provider in providers.Where(p => p is IIndicatorBackfill))
        {
            backfilled += await BackfillAsync(provider, period, now, cancellationToken);
        }

        var summary = string.Create(CultureInfo.GetCultureInfo("de-DE"), $"{stored} Werte für {period.Label} erfasst{(backfilled > 0 ? $", {backfilled} frühere Werte übernommen" : "")}");
        return failed.Count == 0 ? summary : $"{summary}; fehlgeschlagen: {string.Join(", ", failed)}";
    }

    /// <summary>
    /// Takes in a provider's past months (<see cref="IIndicatorBackfill"/>) while its indicators have no history yet — no
    /// snapshot before the current month —, so once in effect: at the first run after the module starts, and again only
    /// while it had nothing to give. Months are stored with the Kreis values as the job's own; a failure is logged.
    /// </summary>
    private async Task<int> BackfillAsync(IIndicatorProvider provider, IndicatorPeriod current, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var source = registry.OfAssembly(provider.GetType().Assembly)?.DisplayName ?? "Plattform";
        var keys = provider.Definitions.Select(d => d.Key).ToList();
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM indicator_snapshots WHERE indicator_key IN @keys AND period < @current)", new { keys, current = current.Label }))
            {
                return 0;
            }
        }

        IReadOnlyList<PastIndicatorValue> past;
        try
        {
            past = await ((IIndicatorBackfill)provider).GetPastValuesAsync(current, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Frühere Kennzahlen von {Source} konnten nicht übernommen werden", source);
            return 0;
        }

        return await database.WriteAsync(async (c, t) =>
        {
            var stored = 0;
            var months = past.Where(p => p.Month.From < current.From).GroupBy(p => p.Month.Label).ToList();
            foreach (var month in months)
            {
                var values = month.Select(p => p.Value).ToList();
                var rows = provider.Definitions.Where(d => values.Any(v => v.Key == d.Key))
                    .SelectMany(d => WithKreisValue(d, values.Where(v => v.Key == d.Key).ToList(), source)).ToList();
                await StoreAsync(c, t, month.First().Month, rows, source, now);
                stored += rows.Count;
            }

            return stored;
        }, cancellationToken);
    }

    private static async Task StoreAsync(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction t, IndicatorPeriod period, IEnumerable<(IndicatorDefinition Definition, IndicatorValue Value)> rows, string source, DateTimeOffset takenAt)
    {
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
                    takenAt = takenAt.ToString("O"),
                },
                t);
        }
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
