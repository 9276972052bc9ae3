using Dapper;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.OptIn;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Jobs;

internal sealed record JobDescriptor(string Key, string DisplayName, string Source, TimeSpan Interval, Type JobType);

internal sealed record JobRun(string JobKey, string StartedAt, string? FinishedAt, long? Succeeded, string? Result);

/// <summary>
/// Runs the host's and the modules' scheduled jobs. Time comes from <see cref="TimeProvider"/>, so
/// tests drive it with a fake clock; each run is recorded in host.db for the admin page.
/// </summary>
internal sealed class JobScheduler(ModuleRegistry registry, IServiceScopeFactory scopes, HostDatabase database, TimeProvider time, ILogger<JobScheduler> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(30);

    public IReadOnlyList<JobDescriptor> Jobs { get; } =
        [
            new(IndicatorSnapshotJob.Key, "Kennzahlen der Module erfassen", "Plattform", TimeSpan.FromHours(1), typeof(IndicatorSnapshotJob)),
            new(OptInCleanupJob.Key, "Unbestätigte Einträge öffentlicher Formulare löschen", "Plattform", TimeSpan.FromHours(1), typeof(OptInCleanupJob)),
            new(Accounts.AccountLinkCleanupJob.Key, "Abgelaufene Einladungen und Passwort-Links löschen", "Plattform", TimeSpan.FromDays(1), typeof(Accounts.AccountLinkCleanupJob)),
            .. registry.Running.SelectMany(m => m.Instance!.Jobs.Select(j => new JobDescriptor($"{m.Id}.{j.Key}", j.DisplayName, m.DisplayName, j.Interval, j.JobType))),
        ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        do
        {
            await RunDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Runs every job whose interval has passed since its last start.</summary>
    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var lastStarts = await LastStartsAsync(cancellationToken);
        foreach (var job in Jobs)
        {
            var now = time.GetUtcNow();
            if (lastStarts.TryGetValue(job.Key, out var last) && now - last < job.Interval)
            {
                continue;
            }

            await RunAsync(job, cancellationToken);
        }
    }

    public async Task<JobRun> RunAsync(JobDescriptor job, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7().ToString();
        var started = time.GetUtcNow();
        await database.WriteAsync((c, t) => c.ExecuteAsync(
            "INSERT INTO job_runs (id, job_key, started_at) VALUES (@id, @key, @started)", new { id, key = job.Key, started = started.ToString("O") }, t), cancellationToken);

        bool succeeded;
        string result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var instance = (IScheduledJob)scope.ServiceProvider.GetRequiredService(job.JobType);
            result = await instance.RunAsync(started, cancellationToken);
            succeeded = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Auftrag {JobKey} fehlgeschlagen", job.Key);
            result = "Fehler: " + ex.Message;
            succeeded = false;
        }

        var finished = time.GetUtcNow().ToString("O");
        await database.WriteAsync((c, t) => c.ExecuteAsync(
            "UPDATE job_runs SET finished_at = @finished, succeeded = @succeeded, result = @result WHERE id = @id",
            new { id, finished, succeeded = succeeded ? 1 : 0, result }, t), CancellationToken.None);
        return new JobRun(job.Key, started.ToString("O"), finished, succeeded ? 1 : 0, result);
    }

    public async Task<IReadOnlyDictionary<string, JobRun>> LastRunsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRun>(
            """
            SELECT job_key AS JobKey, started_at AS StartedAt, finished_at AS FinishedAt, succeeded AS Succeeded, result AS Result
            FROM job_runs r WHERE started_at = (SELECT MAX(started_at) FROM job_runs WHERE job_key = r.job_key)
            """);
        return rows.ToDictionary(r => r.JobKey);
    }

    private async Task<Dictionary<string, DateTimeOffset>> LastStartsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, string Started)>("SELECT job_key, MAX(started_at) FROM job_runs GROUP BY job_key");
        return rows.ToDictionary(r => r.Key, r => DateTimeOffset.Parse(r.Started, System.Globalization.CultureInfo.InvariantCulture));
    }
}
