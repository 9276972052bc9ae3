using Dapper;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Modules;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>
/// Consistent copies of the databases with <c>VACUUM INTO</c>, which reads one snapshot and so works
/// while the host keeps writing.
/// </summary>
internal static class DatabaseBackup
{
    public static string BackupAll(PlatformOptions options, ModuleRegistry registry, TimeProvider time)
    {
        var paths = new List<string> { options.HostDatabasePath };
        paths.AddRange(registry.All.Where(m => m.Manifest is not null)
            .Select(m => options.ModuleDatabasePath(m.Manifest!.Id)));
        return Backup(paths.Distinct().Where(File.Exists), options, time);
    }

    public static string Backup(IEnumerable<string> databasePaths, PlatformOptions options, TimeProvider time)
    {
        var target = Path.Combine(options.BackupsDirectory, time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(target);
        foreach (var path in databasePaths)
        {
            var relative = Path.GetRelativePath(options.DataDirectory, path);
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            using var connection = Sqlite.Open(path);
            connection.Execute("VACUUM INTO @destination", new { destination });
        }

        return target;
    }
}
