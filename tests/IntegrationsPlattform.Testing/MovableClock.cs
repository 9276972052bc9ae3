namespace IntegrationsPlattform.Testing;

/// <summary>A clock a test moves forward; timers still run on real time.</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
