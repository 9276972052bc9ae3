using System.Diagnostics;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// The one clock of the tests. It starts at a moment the test chooses (by default <see cref="TestClock.Start"/>)
/// and runs on with real elapsed time, so a host on it behaves as in production; a test moves it with
/// <see cref="Now"/> or <see cref="Advance"/>. Timers run on real time, unless <see cref="StillTimers"/> is
/// set: then they never fire, so the host's scheduler runs a job only when the test asks for it (and never
/// races a test that has just moved the clock past a job's interval).
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private DateTimeOffset _start = start.ToUniversalTime();

    /// <summary>A clock from the moment the suite starts at (<c>IP_TEST_TODAY</c>).</summary>
    public MovableClock()
        : this(TestClock.Start)
    {
    }

    public DateTimeOffset Now
    {
        get => _start + Stopwatch.GetElapsedTime(_startTimestamp);
        set => _start = value.ToUniversalTime() - Stopwatch.GetElapsedTime(_startTimestamp);
    }

    /// <summary>The deployment's local time (Europe/Berlin) now.</summary>
    public DateTimeOffset LocalNow => TimeZoneInfo.ConvertTime(Now, TestClock.Berlin);

    /// <summary>Today in Europe/Berlin, as the host's pages and rules see it.</summary>
    public DateOnly Today => DateOnly.FromDateTime(LocalNow.DateTime);

    public bool StillTimers { get; init; }

    public override TimeZoneInfo LocalTimeZone => TestClock.Berlin;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        => StillTimers ? new StillTimer() : base.CreateTimer(callback, state, dueTime, period);

    private sealed class StillTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
