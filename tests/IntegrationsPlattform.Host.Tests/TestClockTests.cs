namespace IntegrationsPlattform.Host.Tests;

/// <summary>How the suite's starting moment is read from IP_TEST_TODAY (Berlin wall-clock time).</summary>
[TestFixture]
public sealed class TestClockTests
{
    [TestCase("2026-12-31", "2026-12-31T10:00:00+01:00", TestName = "a date alone starts at 10:00 (winter time)")]
    [TestCase("2027-07-01", "2027-07-01T10:00:00+02:00", TestName = "summer time")]
    [TestCase("2027-03-28T01:30", "2027-03-28T01:30:00+01:00", TestName = "the hour before summer time starts")]
    [TestCase("2027-10-31T02:30", "2027-10-31T02:30:00+02:00", TestName = "the repeated hour: its first occurrence")]
    [TestCase("2028-02-29", "2028-02-29T10:00:00+01:00", TestName = "29 February")]
    public void AMomentIsReadInBerlinTime(string value, string expected)
        => Assert.That(TestClock.Parse(value), Is.EqualTo(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("2027-03-28T02:30", TestName = "the hour skipped when summer time starts")]
    [TestCase("2027-02-29", TestName = "no 29 February in 2027")]
    [TestCase("31.12.2026", TestName = "German date format")]
    public void AMomentThatDoesNotExistInBerlinIsRefused(string value)
        => Assert.That(() => TestClock.Parse(value), Throws.ArgumentException.With.Message.Contain("IP_TEST_TODAY"));

    [Test]
    public void TheClockRunsOnFromItsStartAndMovesWhenTold()
    {
        var clock = new MovableClock(TestClock.Parse("2027-10-31T02:30"));
        var first = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero)).Within(TimeSpan.FromSeconds(5)));
            Assert.That(clock.LocalNow.Hour, Is.EqualTo(2), "an hour later it is 02:30 again, now in winter time");
            Assert.That(clock.LocalNow.Offset, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(clock.Today, Is.EqualTo(new DateOnly(2027, 10, 31)));
        });
    }
}
