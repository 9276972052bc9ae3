using System.Globalization;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// The moment the whole suite starts from, never the machine's date: <c>IP_TEST_TODAY=yyyy-MM-dd[THH:mm]</c>
/// in Berlin time (a date alone means 10:00), unset the fixed <see cref="DefaultStart"/>. Every host a test
/// starts runs on a <see cref="MovableClock"/> from here, the process tests pass it to the host as
/// <c>Platform:Clock:Start</c>, and test data that needs "today" takes <see cref="Today"/>.
/// </summary>
public static class TestClock
{
    public const string Variable = "IP_TEST_TODAY";

    /// <summary>A plain working day (a Wednesday), far from month ends and summer-time changes.</summary>
    public const string DefaultStart = "2026-11-18T10:00";

    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private static readonly Lazy<DateTimeOffset> Moment = new(() => Parse(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : DefaultStart));

    /// <summary>The suite's starting moment (UTC offset of Berlin at that moment).</summary>
    public static DateTimeOffset Start => Moment.Value;

    /// <summary>The Berlin date of <see cref="Start"/>.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(Start.DateTime);

    /// <summary>
    /// Reads Berlin wall-clock time. A time in the hour skipped when summer time starts is refused; one in
    /// the repeated hour when it ends means its first occurrence (still summer time).
    /// </summary>
    public static DateTimeOffset Parse(string value)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm"];
        if (!DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ArgumentException($"{Variable}='{value}': erwartet yyyy-MM-dd oder yyyy-MM-ddTHH:mm (Berliner Zeit).");
        }

        if (value.Trim().Length == 10)
        {
            local = local.AddHours(10);
        }

        if (Berlin.IsInvalidTime(local))
        {
            throw new ArgumentException($"{Variable}='{value}': diese Uhrzeit gibt es in Berlin nicht (Umstellung auf Sommerzeit).");
        }

        var offset = Berlin.IsAmbiguousTime(local) ? Berlin.GetAmbiguousTimeOffsets(local).Max() : Berlin.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The moment as the host's <c>Platform:Clock:Start</c> takes it (ISO 8601 with offset).</summary>
    public static string ForHost(DateTimeOffset moment) => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
