using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using IntegrationsPlattform.Contracts.Data;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>
/// Applies the forward-only SQL migrations embedded in an assembly to one database file, and gives it the
/// platform's outbox and inbox (outside its migration history, see <see cref="Messaging.Outbox.OutboxTables"/>). All pending
/// migrations run in one transaction: a failure leaves the database exactly as it was (a database
/// created for the attempt is removed again).
/// </summary>
internal static partial class MigrationRunner
{
    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> FindMigrations(Assembly assembly)
    {
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var marker = resource.IndexOf(MigrationConventions.ResourceMarker, StringComparison.Ordinal);
            if (marker < 0 || !resource.EndsWith(".sql", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fileName = resource[(marker + MigrationConventions.ResourceMarker.Length)..];
            var match = MigrationName().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Migration '{fileName}' folgt nicht dem Muster NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migrationsnummer {duplicate.Key} ist doppelt vergeben.");
        }

        return migrations.OrderBy(m => m.Version).ToList();
    }

    /// <summary>Brings the database to the newest version and returns it.</summary>
    public static int Migrate(string databasePath, Assembly assembly, TimeProvider time)
    {
        var migrations = FindMigrations(assembly);
        var existed = File.Exists(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        try
        {
            using var connection = Sqlite.Open(databasePath);
            connection.Execute("PRAGMA journal_mode = WAL;");
            connection.Execute($"CREATE TABLE IF NOT EXISTS {MigrationConventions.HistoryTable} (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            var current = CurrentVersion(connection);
            var pending = migrations.Where(m => m.Version > current).ToList();

            // The platform's tables come with the migrations, in their transaction: a failing migration leaves the database as it was.
            using var transaction = connection.BeginTransaction();
            Messaging.Outbox.OutboxTables.Ensure(connection, transaction);
            foreach (var migration in pending)
            {
                try
                {
                    connection.Execute(migration.Sql, transaction: transaction);
                }
                catch (Exception ex)
                {
                    throw new MigrationFailedException($"Migration {migration.Version:0000}_{migration.Name} fehlgeschlagen: {ex.Message}", ex);
                }

                connection.Execute(
                    $"INSERT INTO {MigrationConventions.HistoryTable} (version, name, applied_at) VALUES (@Version, @Name, @At)",
                    new { migration.Version, migration.Name, At = time.GetUtcNow().ToString("O") },
                    transaction);
            }

            transaction.Commit();
            return pending.Count == 0 ? current : pending[^1].Version;
        }
        catch when (!existed)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }

            throw;
        }
    }

    public static int CurrentVersion(Microsoft.Data.Sqlite.SqliteConnection connection)
        => connection.ExecuteScalar<int?>($"SELECT MAX(version) FROM {MigrationConventions.HistoryTable}") ?? 0;

    [GeneratedRegex(@"^(\d{4})_([A-Za-z0-9_\-]+)\.sql$")]
    private static partial Regex MigrationName();
}

internal sealed class MigrationFailedException(string message, Exception inner) : Exception(message, inner);
