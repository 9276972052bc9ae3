using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Host.Calendar;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The month grid of <c>/kalender</c> and the days an entry falls on, at month ends, in a leap year and across both changes
/// of summer time: an entry is on the Berlin day it happens, not on the UTC one.
/// </summary>
[TestFixture]
public sealed class CalendarMonthTests
{
    private static readonly TimeZoneInfo Berlin = TestClock.Berlin;

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Berlin.GetUtcOffset(local));
    }

    [Test]
    public void AMonthIsShownInWholeWeeksFromMondayToSunday()
    {
        var february = CalendarMonth.Parse("2028-02", TestClock.Today);
        var june = CalendarMonth.Parse("2026-06", TestClock.Today);
        Assert.Multiple(() =>
        {
            Assert.That(february.Last, Is.EqualTo(new DateOnly(2028, 2, 29)), "leap year");
            Assert.That(february.GridStart, Is.EqualTo(new DateOnly(2028, 1, 31)));
            Assert.That(february.GridEnd, Is.EqualTo(new DateOnly(2028, 3, 5)));
            Assert.That(february.Weeks().Select(w => w.Count), Is.EqualTo(new[] { 7, 7, 7, 7, 7 }));
            Assert.That(february.Name, Is.EqualTo("Februar 2028"));
            Assert.That(june.GridStart, Is.EqualTo(new DateOnly(2026, 6, 1)), "a month that starts on a Monday starts the grid");
            Assert.That(june.Previous.Key, Is.EqualTo("2026-05"));
            Assert.That(CalendarMonth.Parse("2026-12", TestClock.Today).Next.Key, Is.EqualTo("2027-01"));
        });
    }

    [TestCase(null)]
    [TestCase("2026-13")]
    [TestCase("Dezember")]
    public void WithoutAValidMonthThePageShowsTodaysMonth(string? query)
        => Assert.That(CalendarMonth.Parse(query, TestClock.Today).First, Is.EqualTo(new DateOnly(TestClock.Today.Year, TestClock.Today.Month, 1)));

    [Test]
    public void AnEntryFallsOnItsBerlinDays()
    {
        // 00:30 on New Year's Day in Berlin is still the old year in UTC.
        var newYear = CalendarTime.Between(Local(2027, 1, 1, 0, 30), Local(2027, 1, 1, 2));
        // Across the skipped hour in March and the repeated one in October.
        var march = CalendarTime.Between(Local(2027, 3, 28, 1, 30), Local(2027, 3, 28, 4));
        var october = CalendarTime.Between(Local(2027, 10, 30, 23), Local(2027, 10, 31, 2, 30));
        var untilMidnight = CalendarTime.Between(Local(2027, 3, 27, 22), Local(2027, 3, 28, 0));
        Assert.Multiple(() =>
        {
            Assert.That(newYear.Days(Berlin), Is.EqualTo((new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1))));
            Assert.That(newYear.Touches(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), Berlin), Is.False, "not in December");
            Assert.That(march.Days(Berlin), Is.EqualTo((new DateOnly(2027, 3, 28), new DateOnly(2027, 3, 28))));
            Assert.That(march.End - march.Start, Is.EqualTo(TimeSpan.FromHours(1.5)), "the skipped hour is not counted");
            Assert.That(october.Days(Berlin), Is.EqualTo((new DateOnly(2027, 10, 30), new DateOnly(2027, 10, 31))));
            Assert.That(untilMidnight.Days(Berlin), Is.EqualTo((new DateOnly(2027, 3, 27), new DateOnly(2027, 3, 27))), "ending at midnight does not reach the next day");
        });
    }

    [Test]
    public void AnAllDayEntryKeepsItsDays()
    {
        var week = CalendarTime.AllDay(new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 3));
        Assert.Multiple(() =>
        {
            Assert.That(week.Touches(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31), Berlin), Is.True);
            Assert.That(week.Touches(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 31), Berlin), Is.False);
            Assert.That(() => CalendarTime.AllDay(new DateOnly(2027, 1, 3), new DateOnly(2026, 12, 28)), Throws.ArgumentException);
            Assert.That(() => CalendarTime.Between(Local(2027, 1, 3, 10), Local(2027, 1, 3, 10)), Throws.ArgumentException);
        });
    }
}
