using System.Net;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Testing;

/// <summary>A module's figures as the monitor and the dashboard read them: one snapshot of the host.</summary>
public sealed class IndicatorReadings(IReadOnlyList<IndicatorSnapshot> snapshots)
{
    public IReadOnlyList<IndicatorSnapshot> Snapshots => snapshots;

    /// <summary>The value of <paramref name="key"/> in a municipality, or the Kreis value (null); 0 when the snapshot has none.</summary>
    public decimal Value(string key, string? municipalityAgs = null)
        => snapshots.Where(s => s.Key == key && s.MunicipalityAgs == municipalityAgs).Select(s => s.Value).SingleOrDefault();
}

/// <summary>Reads a module's indicators after acting through its API, the way the platform takes them.</summary>
public static class Indicators
{
    /// <summary>
    /// Runs the host's snapshot job through the admin API (as the scheduler would) and reads what the monitor reads
    /// (<see cref="GetLatestIndicators"/>) for the keys starting with <paramref name="keyPrefix"/>, e.g. <c>lotsen.</c>.
    /// </summary>
    public static async Task<IndicatorReadings> SnapshotAsync(PlatformHost host, string keyPrefix)
    {
        using var admin = await host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var run = await admin.PostAsync("/api/admin/jobs/platform.indicators/run", null);
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), await run.Content.ReadAsStringAsync());
        using var scope = host.Services.CreateScope();
        return new IndicatorReadings(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetLatestIndicators(keyPrefix)));
    }

    /// <summary>How much <paramref name="key"/> (in a municipality, or for the Kreis with null) changes while <paramref name="act"/> runs.</summary>
    public static async Task<decimal> ChangeAsync(PlatformHost host, string key, string? municipalityAgs, Func<Task> act)
    {
        var before = await SnapshotAsync(host, key);
        await act();
        var after = await SnapshotAsync(host, key);
        return after.Value(key, municipalityAgs) - before.Value(key, municipalityAgs);
    }
}
