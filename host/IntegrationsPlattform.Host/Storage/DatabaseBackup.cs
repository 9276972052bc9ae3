using Dapper;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Modules;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>
/// Consistent copies of the databases with <c>VACUUM INTO</c>, which reads one snapshot and so works
/// while the host keeps writing; <see cref="BackupAll"/> adds the modules' files.
/// </summary>
internal static class DatabaseBackup
{
    public static string BackupAll(PlatformOptions options, ModuleRegistry registry, TimeProvider time)
    {
        var paths = new List<string> { options.HostDatabasePath };
        paths.AddRange(registry.All.Where(m => m.Manifest is not null)
            .Select(m => options.ModuleDatabasePath(m.Manifest!.Id)));
        var target = Backup(paths.Distinct().Where(File.Exists), options, time);
        // After the snapshot of host.db: files are never changed in place, so every file its rows name is
        // copied; only an upload of these milliseconds adds a file without a row, which does no harm.
        // Also the files of a module that is switched off now; an id two plugin folders claim is copied once.
        foreach (var id in registry.All.Where(m => m.Manifest is not null).Select(m => m.Manifest!.Id).Distinct(StringComparer.Ordinal))
        {
            CopyFiles(options.ModuleFilesDirectory(id), options, target);
        }

        return target;
    }

    private static void CopyFiles(string directory, PlatformOptions options, string target)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(options.DataDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            try
            {
                File.Copy(file, destination);
            }
            catch (FileNotFoundException)
            {
                // Deleted since the directory was listed: its row is gone from host.db as well, or goes with the next backup.
            }
        }
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
