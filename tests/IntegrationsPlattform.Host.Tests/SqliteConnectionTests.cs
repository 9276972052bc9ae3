using Dapper;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The per-connection pragmas are set once per native connection; every connection handed out must still carry them.</summary>
[TestFixture]
public sealed class SqliteConnectionTests
{
    [Test]
    public async Task NewReusedAndReopenedConnectionsAllHaveForeignKeysBusyTimeoutAndSynchronousNormal()
    {
        var path = Path.Combine(Path.GetTempPath(), "ip-tests", Guid.NewGuid().ToString("N"), "pragmas.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var seen = new List<(long ForeignKeys, long BusyTimeout, long Synchronous)>();
        try
        {
            // Round 1: new native connections; round 2: the same ones from the pool; round 3: new ones after the pool was emptied.
            for (var round = 1; round <= 3; round++)
            {
                var open = new List<SqliteConnection>();
                for (var i = 0; i < 3; i++)
                {
                    open.Add(await Sqlite.OpenAsync(path));
                }

                foreach (var connection in open)
                {
                    seen.Add((
                        await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"),
                        await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"),
                        await connection.ExecuteScalarAsync<long>("PRAGMA synchronous")));
                }

                if (round == 2)
                {
                    SqliteConnection.ClearPool(open[0]);
                }

                foreach (var connection in open)
                {
                    await connection.DisposeAsync();
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        // synchronous = 1 is NORMAL.
        Assert.That(seen, Has.Count.EqualTo(9).And.All.EqualTo((1L, (long)Sqlite.BusyTimeoutMilliseconds, 1L)));
    }
}
