using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Host.Configuration;

namespace IntegrationsPlattform.Host.Web;

/// <summary>The deployment's wall clock over the injectable <see cref="TimeProvider"/> (tests move time).</summary>
internal sealed class LocalClock(TimeProvider time, PlatformOptions options) : ILocalClock
{
    public TimeZoneInfo Zone => options.TimeZone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateTimeOffset ToUtc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
