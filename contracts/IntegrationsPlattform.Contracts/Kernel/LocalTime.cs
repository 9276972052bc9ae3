using System.Globalization;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>
/// The deployment's wall clock (Europe/Berlin unless configured otherwise). Modules store UTC instants
/// and ask this clock when a person's local day or time is meant: "Tuesday 09:00" is a different
/// instant in winter than in summer.
/// </summary>
public interface ILocalClock
{
    TimeZoneInfo Zone { get; }

    DateTimeOffset UtcNow { get; }

    /// <summary>Today in the deployment's time zone.</summary>
    DateOnly Today { get; }

    DateTimeOffset ToLocal(DateTimeOffset instant);

    /// <summary>The instant of a local day and time; a time skipped by the change to summer time counts as one hour later.</summary>
    DateTimeOffset ToUtc(DateOnly day, TimeOnly time);
}

/// <summary>How stored values are written and how Germans read them, in one place for every module.</summary>
public static class GermanFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>UTC instant as stored in module databases: fixed width, so text order is time order.</summary>
    public static string StoredInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseStoredInstant(string stored) => DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string StoredDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseStoredDay(string stored) => DateOnly.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"01.12.2026"</summary>
    public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", Culture);

    /// <summary>"Di., 01.12.2026"</summary>
    public static string DayWithWeekday(DateOnly day) => day.ToString("ddd, dd.MM.yyyy", Culture);

    /// <summary>"01.12.2026, 09:30 Uhr" in the zone of <paramref name="clock"/>.</summary>
    public static string LocalTime(DateTimeOffset instant, ILocalClock clock) => clock.ToLocal(instant).ToString("dd.MM.yyyy, HH:mm 'Uhr'", Culture);

    /// <summary>
    /// Rounds as German users expect (kaufmännisch: 1,25 → 1,3). Every figure a module shows or exports is
    /// rounded with this, never with a bare <see cref="Math.Round(decimal, int)"/>, which rounds a
    /// midpoint to the even digit (1,25 → 1,2).
    /// </summary>
    public static decimal Round(decimal value, int decimals = 1) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>Minutes as hours with one decimal: 75 min → 1,3 h.</summary>
    public static decimal Hours(long minutes) => Round(minutes / 60m);

    /// <summary>"1.234,5"</summary>
    public static string Number(decimal value, int decimals = 1) => value.ToString("#,##0." + new string('#', decimals), Culture);
}
