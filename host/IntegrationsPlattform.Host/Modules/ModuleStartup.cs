using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Host.Files;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Modules;

/// <summary>
/// Starts the enabled modules in dependency order: migrates each module's own database, then lets it
/// register its services into a private collection that joins the host's only when nothing threw.
/// A module that throws is marked failed; modules requiring it are refused.
/// </summary>
internal sealed class ModuleStartup(PlatformOptions options, IConfiguration configuration, TimeProvider time, ILogger logger)
{
    public void Start(ModuleRegistry registry, IServiceCollection services)
    {
        foreach (var module in InDependencyOrder(registry))
        {
            var unavailable = module.Manifest!.Requires.FirstOrDefault(r => registry.Find(r)?.IsRunning != true);
            if (unavailable is not null)
            {
                module.Refuse($"Benötigt das Modul '{unavailable}', das nicht gestartet werden konnte.");
                logger.LogError("Modul {ModuleId} (Ordner {Folder}) abgelehnt: {Reason}", module.Id, module.FolderName, module.Reason);
                continue;
            }

            try
            {
                Migrate(module);
                var own = new ServiceCollection();
                var filesDirectory = options.ModuleFilesDirectory(module.Manifest.Id);
                module.Instance!.ConfigureServices(own, new ModuleContext(module.Manifest, configuration.GetSection($"Modules:{module.Manifest.Id}:Settings"), filesDirectory));
                foreach (var descriptor in own)
                {
                    services.Add(descriptor);
                    RecordMessageHandler(registry, module, descriptor);
                }

                // Closed for this module, so that its endpoints and pages get the file store injected like any service.
                var moduleType = module.Instance.GetType();
                services.AddScoped(typeof(IModuleFiles<>).MakeGenericType(moduleType), typeof(ModuleFiles<>).MakeGenericType(moduleType));
                foreach (var job in module.Instance.Jobs)
                {
                    services.AddTransient(job.JobType);
                }

                Directory.CreateDirectory(filesDirectory);
                module.FilesDirectory = filesDirectory;
                logger.LogInformation("Modul {ModuleId} {Version} gestartet (Schema {SchemaVersion}).", module.Id, module.Manifest.Version, module.SchemaVersion);
            }
            catch (Exception ex)
            {
                module.Fail($"Start fehlgeschlagen: {ex.Message}");
                logger.LogError(ex, "Modul {ModuleId} (Ordner {Folder}) fehlgeschlagen: {Reason}", module.Id, module.FolderName, module.Reason);
            }
        }
    }

    /// <summary>Brings a module database to its newest schema; an existing database with pending migrations is backed up first.</summary>
    public void Migrate(InstalledModule module)
    {
        var path = options.ModuleDatabasePath(module.Manifest!.Id);
        module.DatabasePath = path;
        if (File.Exists(path) && HasPendingMigrations(path, module))
        {
            var backup = DatabaseBackup.Backup([path], options, time);
            logger.LogInformation("Sicherung von {ModuleId} vor der Migration: {Backup}", module.Id, backup);
        }

        module.SchemaVersion = MigrationRunner.Migrate(path, module.Assembly!, time);
    }

    private static bool HasPendingMigrations(string path, InstalledModule module)
    {
        using var connection = Sqlite.Open(path);
        var current = HistoryExists(connection) ? MigrationRunner.CurrentVersion(connection) : 0;
        return MigrationRunner.FindMigrations(module.Assembly!).Any(m => m.Version > current);
    }

    private static bool HistoryExists(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", Contracts.Data.MigrationConventions.HistoryTable);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>Which module serves a request (for its transaction) and which receive a notification (for the outbox).</summary>
    private static void RecordMessageHandler(ModuleRegistry registry, InstalledModule module, ServiceDescriptor descriptor)
    {
        var serviceType = descriptor.ServiceType;
        if (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
        {
            registry.RegisterRequestOwner(serviceType.GetGenericArguments()[0], module);
        }
        else if (serviceType.IsGenericType && serviceType.GetGenericTypeDefinition() == typeof(INotificationHandler<>))
        {
            registry.RegisterNotificationReceiver(serviceType.GetGenericArguments()[0], module);
        }
    }

    private static List<InstalledModule> InDependencyOrder(ModuleRegistry registry)
    {
        var ordered = new List<InstalledModule>();
        var visiting = new HashSet<InstalledModule>();
        void Visit(InstalledModule module)
        {
            if (ordered.Contains(module) || !visiting.Add(module))
            {
                return;
            }

            foreach (var dependency in module.Manifest!.Requires.Concat(module.Manifest.Uses))
            {
                if (registry.Find(dependency) is { IsRunning: true } running)
                {
                    Visit(running);
                }
            }

            ordered.Add(module);
        }

        foreach (var module in registry.Running.ToList())
        {
            Visit(module);
        }

        return ordered;
    }
}
