namespace IntegrationsPlattform.Testing;

/// <summary>
/// A clock a test moves forward. Timers run on real time, unless <see cref="StillTimers"/> is set: then
/// they never fire, so the host's scheduler runs a job only when the test asks for it (and never races a
/// test that has just moved the clock past a job's interval).
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public bool StillTimers { get; init; }

    public override DateTimeOffset GetUtcNow() => Now;

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
