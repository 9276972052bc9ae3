using System.Text.Json;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationsPlattform.Host.Web;

/// <summary>
/// <c>/health</c>: the host database plus one check per discovered module. A failed module makes the
/// platform "Degraded", not "Unhealthy": the rest still serves and must not be restarted for it.
/// </summary>
internal static class HealthEndpoints
{
    public static IHealthChecksBuilder AddPlatformChecks(this IHealthChecksBuilder builder, ModuleRegistry registry)
    {
        builder.AddCheck<HostDatabaseCheck>("host-db");
        foreach (var module in registry.All)
        {
            builder.Add(new HealthCheckRegistration("modul:" + module.FolderName, services => new ModuleCheck(module, services.GetRequiredService<ConnectionPool>()), HealthStatus.Degraded, ["modul"]));
        }

        return builder;
    }

    public static void MapPlatformHealth(this WebApplication app)
        => app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteAsync }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }

    private sealed class HostDatabaseCheck(HostDatabase database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy("host.db erreichbar");
            }
            catch (Exception ex)
            {
                return HealthCheckResult.Unhealthy("host.db nicht erreichbar: " + ex.Message);
            }
        }
    }

    private sealed class ModuleCheck(InstalledModule module, ConnectionPool connections) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            switch (module.State)
            {
                case ModuleState.Disabled:
                    return HealthCheckResult.Healthy("deaktiviert");
                case ModuleState.Refused or ModuleState.Failed:
                    return new HealthCheckResult(context.Registration.FailureStatus, $"{module.State.German()}: {module.Reason}");
            }

            try
            {
                await using var connection = await connections.OpenAsync(module.DatabasePath!, cancellationToken);
                // Reads the file: a connection from the pool was opened earlier.
                await using var read = connection.CreateCommand();
                read.CommandText = "SELECT count(*) FROM sqlite_master";
                await read.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy($"aktiv, Schema {module.SchemaVersion}");
            }
            catch (Exception ex)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Datenbank nicht erreichbar: " + ex.Message);
            }
        }
    }
}
