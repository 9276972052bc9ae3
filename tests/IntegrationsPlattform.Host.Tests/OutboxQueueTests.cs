using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Messaging.Outbox;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The delivery rules of one outbox on a real SQLite file, with a receiver the test makes fail: commit order per
/// receiver, a failing or parked message holding back only its own receiver, back-off on the host's clock, parking
/// after the last try, and what an admin's retry and drop do.
/// </summary>
[TestFixture]
public sealed class OutboxQueueTests
{
    private static readonly OutboxRetries ThreeTries = new(3);

    private string _path = null!;
    private MovableClock _clock = null!;
    private OutboxQueue _queue = null!;
    private readonly List<string> _delivered = [];
    private readonly HashSet<string> _failing = [];
    private readonly HashSet<string> _refused = [];

    [SetUp]
    public void CreateDatabase()
    {
        _path = Path.Combine(Path.GetTempPath(), $"ip-outbox-{Guid.NewGuid():N}.db");
        _clock = new MovableClock();
        using (var connection = Open())
        {
            using var transaction = connection.BeginTransaction();
            OutboxTables.Ensure(connection, transaction);
            transaction.Commit();
        }

        _queue = new OutboxQueue("Sender", _ => Task.FromResult(Open()), async (work, cancellationToken) =>
        {
            await using var connection = Open();
            await using var transaction = connection.BeginTransaction();
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        });
        _delivered.Clear();
        _failing.Clear();
        _refused.Clear();
    }

    [TearDown]
    public void DeleteDatabase()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    [Test]
    public async Task EachReceiverGetsItsMessagesInCommitOrder()
    {
        Store("A", "a1");
        Store("B", "b1");
        Store("A", "a2");
        Store("A", "a3");

        var count = await DeliverAsync();

        Assert.Multiple(() =>
        {
            Assert.That(count, Is.EqualTo(4));
            Assert.That(_delivered.Where(d => d.StartsWith('a')), Is.EqualTo(new[] { "a1", "a2", "a3" }));
            Assert.That(_delivered, Does.Contain("b1"));
            Assert.That(Remaining(), Is.Empty, "a delivered message leaves the outbox");
        });
    }

    [Test]
    public async Task AFailingReceiverHoldsBackItsLaterMessagesButNoOtherReceivers()
    {
        Store("A", "a1");
        Store("A", "a2");
        Store("B", "b1");
        _failing.Add("a1");

        await DeliverAsync();

        Assert.Multiple(() =>
        {
            Assert.That(_delivered, Is.EqualTo(new[] { "b1" }), "a2 waits behind a1; B is not held up");
            Assert.That(Remaining(), Is.EqualTo(new[] { "a1 1 Empfänger nicht erreichbar", "a2 0 " }));
        });
    }

    [Test]
    public async Task AFailedMessageIsTriedAgainOnlyAfterItsBackOffOnTheHostsClock()
    {
        Store("A", "a1");
        _failing.Add("a1");
        await DeliverAsync();
        _failing.Clear();

        await DeliverAsync();
        var beforeBackOff = _delivered.ToList();
        _clock.Advance(OutboxRetries.Backoff(1));
        await DeliverAsync();

        Assert.Multiple(() =>
        {
            Assert.That(beforeBackOff, Is.Empty, "not tried again before its back-off has passed");
            Assert.That(_delivered, Is.EqualTo(new[] { "a1" }));
        });
    }

    [Test]
    public void TheBackOffDoublesFromTenSecondsUpToAnHour()
        => Assert.That(
            new long[] { 1, 2, 3, 4, 9, 10, 30 }.Select(f => OutboxRetries.Backoff(f).TotalSeconds),
            Is.EqualTo(new double[] { 10, 20, 40, 80, 2560, 3600, 3600 }));

    [Test]
    public async Task AfterTheLastTryAMessageIsParkedAndHoldsBackOnlyItsOwnReceiver()
    {
        Store("A", "a1");
        Store("A", "a2");
        _failing.Add("a1");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await DeliverAsync();
            _clock.Advance(TimeSpan.FromHours(1));
        }

        Store("B", "b1");
        _clock.Advance(TimeSpan.FromHours(1));
        await DeliverAsync();
        var parked = await _queue.ParkedAsync(CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(parked.Select(p => (p.Type, p.Attempts, p.LastError)), Is.EqualTo(new[] { ("a1", 3L, "Empfänger nicht erreichbar") }));
            Assert.That(_delivered, Is.EqualTo(new[] { "b1" }), "a parked message is never tried again by itself, and a2 stays behind it");
        });
    }

    [Test]
    public async Task AMessageTheReceiversRulesRefuseIsParkedAtOnceWithTheRefusal()
    {
        Store("A", "a1");
        _refused.Add("a1");

        await DeliverAsync();
        var parked = await _queue.ParkedAsync(CancellationToken.None);

        Assert.That(parked.Select(p => (p.Type, p.Attempts, p.LastError)), Is.EqualTo(new[] { ("a1", 1L, "Die Eingaben sind nicht gültig: sprachenCodes: Unbekannte Sprache") }));
    }

    [Test]
    public async Task RetryTakesAParkedMessageBackAndDropDeletesIt()
    {
        Store("A", "a1");
        Store("A", "a2");
        Store("C", "c1");
        Store("C", "c2");
        _failing.UnionWith(["a1", "c1"]);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await DeliverAsync();
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var parked = await _queue.ParkedAsync(CancellationToken.None);
        _failing.Clear();
        var retried = await _queue.RetryAsync(parked.Single(p => p.Type == "a1").Id, _clock.GetUtcNow(), CancellationToken.None);
        var dropped = await _queue.DropAsync(parked.Single(p => p.Type == "c1").Id, CancellationToken.None);
        var droppedTwice = await _queue.DropAsync(parked.Single(p => p.Type == "c1").Id, CancellationToken.None);
        await DeliverAsync();

        Assert.Multiple(() =>
        {
            Assert.That((retried, dropped, droppedTwice), Is.EqualTo((true, true, false)));
            Assert.That(_delivered.Where(d => d.StartsWith('a')), Is.EqualTo(new[] { "a1", "a2" }), "the retried message goes first, then the one it held back");
            Assert.That(_delivered.Where(d => d.StartsWith('c')), Is.EqualTo(new[] { "c2" }), "a dropped message is never delivered");
            Assert.That(Remaining(), Is.Empty);
        });
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>A message to <paramref name="receiver"/>, named by its type column so the test can follow it.</summary>
    private void Store(string receiver, string name)
    {
        using var connection = Open();
        var now = _clock.GetUtcNow().ToString("O");
        connection.Execute(
            "INSERT INTO platform_outbox (id, receiver, kind, type, payload, created_at, next_attempt_at) VALUES (@id, @receiver, 'Notification', @name, '{}', @now, @now)",
            new { id = Guid.CreateVersion7().ToString(), receiver, name, now });
    }

    private Task<int> DeliverAsync() => _queue.DeliverDueAsync(
        message => _failing.Contains(message.Type) ? throw new InvalidOperationException("Empfänger nicht erreichbar")
            : _refused.Contains(message.Type) ? throw RequestValidationException.For("sprachenCodes", "Unbekannte Sprache")
            : Record(message.Type),
        ThreeTries,
        _clock,
        (_, _) => { },
        CancellationToken.None);

    private Task Record(string name)
    {
        _delivered.Add(name);
        return Task.CompletedTask;
    }

    /// <summary>What is left, in commit order: name, failed tries, last error.</summary>
    private List<string> Remaining()
    {
        using var connection = Open();
        return connection.Query<(string Type, long Attempts, string? Error)>("SELECT type, attempts, last_error FROM platform_outbox ORDER BY seq")
            .Select(r => $"{r.Type} {r.Attempts} {r.Error}").ToList();
    }
}
