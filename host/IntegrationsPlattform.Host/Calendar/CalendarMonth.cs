using System.Globalization;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Host.Calendar;

/// <summary>
/// The month the calendar page shows (query <c>monat=yyyy-MM</c>; anything else: the month of today) and its grid of
/// whole weeks, Monday to Sunday, as German calendars have them.
/// </summary>
internal sealed record CalendarMonth(DateOnly First)
{
    public static CalendarMonth Parse(string? monat, DateOnly today)
        => DateOnly.TryParseExact(monat + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? new(first)
            : new(new DateOnly(today.Year, today.Month, 1));

    public DateOnly Last => First.AddMonths(1).AddDays(-1);

    public string Key => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>„Dezember 2026“</summary>
    public string Name => First.ToString("MMMM yyyy", GermanFormat.Culture);

    public CalendarMonth Previous => new(First.AddMonths(-1));

    public CalendarMonth Next => new(First.AddMonths(1));

    /// <summary>The Monday on or before the first of the month.</summary>
    public DateOnly GridStart => First.AddDays(-DaysSinceMonday(First));

    /// <summary>The Sunday on or after the last of the month.</summary>
    public DateOnly GridEnd => Last.AddDays(6 - DaysSinceMonday(Last));

    public CalendarWindow GridWindow => new(GridStart, GridEnd);

    public IEnumerable<IReadOnlyList<DateOnly>> Weeks()
    {
        for (var monday = GridStart; monday <= GridEnd; monday = monday.AddDays(7))
        {
            var week = monday;
            yield return Enumerable.Range(0, 7).Select(week.AddDays).ToList();
        }
    }

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    private static int DaysSinceMonday(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;
}
