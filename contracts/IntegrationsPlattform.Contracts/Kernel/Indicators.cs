using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Contracts.Kernel;

public enum IndicatorLevel
{
    Kreis,
    Municipality,
}

/// <summary>What a figure's value refers to in time; the dashboard names it with the value.</summary>
public enum IndicatorKind
{
    /// <summary>A stock (Bestand): what stands when the value is taken, e.g. the active Lotsen ("Stand 06.12.2026, 10:00 Uhr").</summary>
    Stock,

    /// <summary>A flow (Bewegung): what happened within the period, e.g. the requests of the month ("im Dezember 2026").</summary>
    Flow,
}

/// <summary>A figure a module reports, e.g. "lotsen.active" — key stable, label German.</summary>
public sealed record IndicatorDefinition(string Key, string Label, string Unit, IndicatorLevel Level)
{
    public IndicatorKind Kind { get; init; } = IndicatorKind.Stock;

    /// <summary>
    /// Whether the municipality values add up to the Kreis value: requests taken in per municipality do;
    /// people who serve several municipalities, or the languages they speak, do not. Where they do not,
    /// the module reports the Kreis value itself (an <see cref="IndicatorValue"/> without municipality);
    /// where they do and it reports none, the host adds them up when it takes the snapshot. Consumers
    /// read the Kreis value and never add municipality values themselves.
    /// </summary>
    public bool MunicipalitiesAddUp { get; init; } = true;
}

/// <summary>A calendar period the figures refer to; the host snapshots per month.</summary>
public sealed record IndicatorPeriod(DateOnly From, DateOnly To)
{
    public string Label => From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static IndicatorPeriod MonthOf(DateOnly day)
    {
        var from = new DateOnly(day.Year, day.Month, 1);
        return new IndicatorPeriod(from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>The month a stored <see cref="Label"/> (and <see cref="IndicatorSnapshot.Period"/>) names.</summary>
    public static IndicatorPeriod FromLabel(string label) => MonthOf(DateOnly.ParseExact(label, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>One value; <paramref name="MunicipalityAgs"/> is null for Kreis-level figures.</summary>
public sealed record IndicatorValue(string Key, decimal Value, string? MunicipalityAgs = null);

/// <summary>Implemented by a module to provide its current figures when the host asks (pull).</summary>
public interface IIndicatorProvider
{
    IReadOnlyList<IndicatorDefinition> Definitions { get; }

    Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorPeriod period, CancellationToken cancellationToken);
}

/// <summary>
/// A value as the host stored it: every indicator has one value for the Kreis (<paramref name="MunicipalityAgs"/>
/// null) and, at municipality level, one per municipality. <paramref name="Period"/> is the month as
/// <c>yyyy-MM</c>; <paramref name="Source"/> is the reporting programme's display name (data, not a dependency).
/// </summary>
public sealed record IndicatorSnapshot(
    string Key,
    string Label,
    string Unit,
    IndicatorLevel Level,
    string? MunicipalityAgs,
    string Period,
    decimal Value,
    string Source,
    DateTimeOffset TakenAt)
{
    public IndicatorKind Kind { get; init; } = IndicatorKind.Stock;

    /// <summary>As <see cref="IndicatorDefinition.MunicipalitiesAddUp"/>: whether a sum over some municipalities means anything.</summary>
    public bool MunicipalitiesAddUp { get; init; } = true;
}

/// <summary>The latest snapshot of every indicator (optionally only those whose key starts with <paramref name="KeyPrefix"/>).</summary>
public sealed record GetLatestIndicators(string? KeyPrefix = null) : IQuery<IReadOnlyList<IndicatorSnapshot>>;
