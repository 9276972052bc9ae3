using System.Diagnostics;

namespace IntegrationsPlattform.Host.Configuration;

/// <summary>
/// The machine's clock moved to another starting moment (<c>Platform:Clock:Start</c>): from there it runs
/// on in real time, so a test or a demonstration sees the platform on a chosen day. Refused in Production.
/// </summary>
internal sealed class StartedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start.ToUniversalTime() + Stopwatch.GetElapsedTime(_startTimestamp);
}
