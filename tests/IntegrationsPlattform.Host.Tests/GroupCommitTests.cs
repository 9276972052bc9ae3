using System.Net;
using System.Net.Http.Json;
using Dapper;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Consecutive commands to one database share a transaction (group commit), each in its own
/// savepoint: a command answers only once the group has committed, and a failing command takes
/// nothing but its own changes with it.
/// </summary>
[TestFixture]
public sealed class GroupCommitTests : HostFixture
{
    [Test]
    public async Task ACommandWithAWriterWaitingBehindItCommitsTogetherWithIt_AndARollbackTakesOnlyItsOwnRow()
    {
        var path = Host.ModuleDatabase("Beispiel");
        await using var first = Host.Services.CreateAsyncScope();
        await using var second = Host.Services.CreateAsyncScope();
        var firstCommand = first.ServiceProvider.GetRequiredService<ModuleTransactions>();
        var secondCommand = second.ServiceProvider.GetRequiredService<ModuleTransactions>();

        var transaction = await firstCommand.BeginAsync(path, CancellationToken.None);
        await InsertAsync(transaction, "Gruppe bleibt");
        var secondBegun = secondCommand.BeginAsync(path, CancellationToken.None);
        Assert.That(secondBegun.IsCompleted, Is.False, "the second writer waits for its turn");

        var firstEnded = firstCommand.EndAsync(path, commit: true);
        var joined = await secondBegun;
        Assert.Multiple(() =>
        {
            Assert.That(joined.Sql, Is.SameAs(transaction.Sql), "the second command joins the open transaction");
            Assert.That(firstEnded.IsCompleted, Is.False, "the first command answers only after the group's commit");
            Assert.That(CountTitled("Gruppe bleibt"), Is.Zero, "nothing is visible before the commit");
        });

        await InsertAsync(joined, "Gruppe zurückgerollt");
        await secondCommand.EndAsync(path, commit: false);
        await firstEnded;
        Assert.Multiple(() =>
        {
            Assert.That(CountTitled("Gruppe bleibt"), Is.EqualTo(1));
            Assert.That(CountTitled("Gruppe zurückgerollt"), Is.Zero);
        });
    }

    [Test]
    public async Task ABulkCommandRunsAloneWithALargePageCache_AndItsConnectionGoesBackWithItsOwnSettings()
    {
        var path = Host.ModuleDatabase("Beispiel");
        await using var first = Host.Services.CreateAsyncScope();
        await using var bulk = Host.Services.CreateAsyncScope();
        await using var next = Host.Services.CreateAsyncScope();
        var firstCommand = first.ServiceProvider.GetRequiredService<ModuleTransactions>();
        var bulkCommand = bulk.ServiceProvider.GetRequiredService<ModuleTransactions>();
        var nextCommand = next.ServiceProvider.GetRequiredService<ModuleTransactions>();

        var transaction = await firstCommand.BeginAsync(path, CancellationToken.None);
        await InsertAsync(transaction, "Vor der Massenanlage");
        var bulkBegun = bulkCommand.BeginAsync(path, CancellationToken.None, bulk: true);
        await firstCommand.EndAsync(path, commit: true);
        var bulkTransaction = await bulkBegun;
        Assert.Multiple(() =>
        {
            Assert.That(bulkTransaction.Sql, Is.Not.SameAs(transaction.Sql), "a bulk command never joins an open group");
            Assert.That(CountTitled("Vor der Massenanlage"), Is.EqualTo(1), "the command before it has committed on its own");
            Assert.That(CacheSize(bulkTransaction), Is.EqualTo(-262144));
        });

        await InsertAsync(bulkTransaction, "Massenanlage");
        var nextBegun = nextCommand.BeginAsync(path, CancellationToken.None);
        await bulkCommand.EndAsync(path, commit: true);
        var nextTransaction = await nextBegun;
        // The pool hands out the connection given back last: the bulk command's.
        await using var reused = await Host.Services.GetRequiredService<ConnectionPool>().OpenAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(nextTransaction.Sql, Is.Not.SameAs(bulkTransaction.Sql), "nobody joins a bulk command's group");
            Assert.That(CountTitled("Massenanlage"), Is.EqualTo(1), "committed before the next writer's turn");
            Assert.That(reused.ExecuteScalar<long>("PRAGMA cache_size"), Is.EqualTo(-2000), "the connection came back with SQLite's default page cache");
        });
        await nextCommand.EndAsync(path, commit: false);
    }

    private static long CacheSize(IntegrationsPlattform.Contracts.Data.ModuleTransaction transaction)
        => transaction.Connection.ExecuteScalar<long>("PRAGMA cache_size", transaction: transaction.Sql);

    [Test]
    public async Task ACommandNestedInAnotherModulesCommandCommitsAtOnce_EvenWithAWriterWaiting()
    {
        // The outer command holds the Beispiel database's turn; the nested one writes to a second file.
        var (outerPath, nestedPath) = (Host.ModuleDatabase("Beispiel"), Path.Combine(Host.DataDirectory, "zweites-modul.db"));
        await using var command = Host.Services.CreateAsyncScope();
        await using var other = Host.Services.CreateAsyncScope();
        var transactions = command.ServiceProvider.GetRequiredService<ModuleTransactions>();
        var otherTransactions = other.ServiceProvider.GetRequiredService<ModuleTransactions>();

        await transactions.BeginAsync(outerPath, CancellationToken.None);
        await transactions.BeginAsync(nestedPath, CancellationToken.None);
        var otherBegun = otherTransactions.BeginAsync(nestedPath, CancellationToken.None);
        var nestedEnded = transactions.EndAsync(nestedPath, commit: true);

        // Waiting for the other writer's group would never end if that writer needed the outer module next.
        Assert.That(await Task.WhenAny(nestedEnded, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(nestedEnded));
        await otherBegun;
        await otherTransactions.EndAsync(nestedPath, commit: false);
        await transactions.EndAsync(outerPath, commit: false);
    }

    [Test]
    public async Task ConcurrentCommandsOfWhichSomeFailStoreExactlyTheSucceededOnes()
    {
        var writes = Enumerable.Range(0, 40).Select(async i =>
        {
            // Every fourth one fails after its insert and its audit entry (an e-mail address without a name).
            var failing = i % 4 == 0;
            using var response = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege",
                new { titel = $"Gemischt {i}", kommuneAgs = "06437003", personEmail = failing ? "ohne.namen@demo.invalid" : null });
            return (failing, response.StatusCode);
        });
        var results = await Task.WhenAll(writes);

        using var connection = new SqliteConnection($"Data Source={Host.ModuleDatabase("Beispiel")};Mode=ReadOnly");
        var stored = connection.Query<string>("SELECT titel FROM eintraege WHERE titel LIKE 'Gemischt %'").Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Where(r => !r.failing).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Created));
            Assert.That(results.Where(r => r.failing).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Conflict));
            Assert.That(stored, Is.EqualTo(Enumerable.Range(0, 40).Where(i => i % 4 != 0).Select(i => $"Gemischt {i}").Order().ToList()));
        });
    }

    private static Task<int> InsertAsync(IntegrationsPlattform.Contracts.Data.ModuleTransaction transaction, string titel)
        => transaction.Connection.ExecuteAsync(
            "INSERT INTO eintraege (id, titel, kommune_ags, created_at) VALUES (@id, @titel, '06437003', @now)",
            new { id = Guid.NewGuid().ToString(), titel, now = TestClock.Start.ToUniversalTime().ToString("O") },
            transaction.Sql);

    private long CountTitled(string titel)
    {
        using var connection = new SqliteConnection($"Data Source={Host.ModuleDatabase("Beispiel")};Mode=ReadOnly");
        return connection.ExecuteScalar<long>("SELECT count(*) FROM eintraege WHERE titel = @titel", new { titel });
    }
}
