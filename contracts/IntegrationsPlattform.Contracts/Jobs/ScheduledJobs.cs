namespace IntegrationsPlattform.Contracts.Jobs;

/// <summary>
/// Recurring work of a module. <paramref name="JobType"/> implements <see cref="IScheduledJob"/> and is
/// resolved from the container for each run; the host records the last run and its result.
/// </summary>
public sealed record ScheduledJobDefinition(string Key, string DisplayName, TimeSpan Interval, Type JobType);

public interface IScheduledJob
{
    /// <summary>Does the work and returns a one-line German summary for the admin page.</summary>
    Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
