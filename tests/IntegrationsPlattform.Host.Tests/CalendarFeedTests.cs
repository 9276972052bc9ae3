using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Ical.Net.CalendarComponents;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Host.Dsgvo;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The iCalendar feeds through HTTP, as a calendar app subscribes to them: without a login, the personal feed by the
/// secret in its address. The example module offers its entries as meetings in their municipality and working group
/// (under beispiel.lesen) and a public „Beispieltag“ every month.
/// </summary>
[TestFixture]
public sealed class CalendarFeedTests : HostFixture
{
    private const string Lesen = "beispiel.lesen";
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";

    private string _erbach = null!;
    private string _michelstadt = null!;
    private string _sport = null!;

    [OneTimeSetUp]
    public async Task CreateEntriesAsync()
    {
        _erbach = await EintragAsync(Erbach);
        _michelstadt = await EintragAsync(Michelstadt);
        _sport = await EintragAsync(Michelstadt, "sport");
    }

    private async Task<string> EintragAsync(string ags, string? arbeitskreis = null)
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Treffen", kommuneAgs = ags, arbeitskreis });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString() + "@beispiel.integrationsplattform";
    }

    /// <summary>A user with these grants and the address of her personal feed.</summary>
    private async Task<(HttpClient Api, string Feed)> SubscriberAsync(string name, params TestGrant[] grants)
    {
        var api = await TestAccounts.ApiClientAsync(Host, AdminApi, name, grants);
        return (api, await NewAddressAsync(api));
    }

    private static async Task<string> NewAddressAsync(HttpClient api)
    {
        using var response = await api.PostAsync("/api/kalender/abo", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var abo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(abo.GetProperty("webcal").GetString(), Does.StartWith("webcal://").And.EndWith(".ics"));
        return abo.GetProperty("adresse").GetString()!;
    }

    /// <summary>The feed as a calendar app reads it: no cookie, no token.</summary>
    private async Task<IReadOnlyList<CalendarEvent>> FeedAsync(string address)
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync(new Uri(address).PathAndQuery);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), address);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events.ToList();
    }

    private async Task<HttpStatusCode> StatusAsync(string address)
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync(new Uri(address).PathAndQuery);
        return response.StatusCode;
    }

    private static IEnumerable<string> Uids(IEnumerable<CalendarEvent> events) => events.Select(e => e.Uid!);

    private static IEnumerable<string> Beispieltage(IEnumerable<CalendarEvent> events) => events.Where(e => e.Summary == "Beispieltag").Select(e => e.Uid!);

    [Test]
    public async Task APersonalFeedShowsWhatTheUsersScopeReachesAndNothingElse()
    {
        var (erbachApi, erbachFeed) = await SubscriberAsync("kal-erbach", TestGrant.For(Lesen, Erbach));
        var (michelstadtApi, michelstadtFeed) = await SubscriberAsync("kal-michelstadt", TestGrant.For(Lesen, Michelstadt));
        var (sportApi, sportFeed) = await SubscriberAsync("kal-sport", TestGrant.InGroups(Lesen, "sport"));
        var (kreisApi, kreisFeed) = await SubscriberAsync("kal-kreis", TestGrant.For(Lesen));
        using var _ = erbachApi;
        using var __ = michelstadtApi;
        using var ___ = sportApi;
        using var ____ = kreisApi;
        var erbach = await FeedAsync(erbachFeed);
        var michelstadt = await FeedAsync(michelstadtFeed);
        var sport = await FeedAsync(sportFeed);
        var kreis = await FeedAsync(kreisFeed);
        Assert.Multiple(() =>
        {
            Assert.That(Uids(erbach), Does.Contain(_erbach).And.Not.Contain(_michelstadt).And.Not.Contain(_sport));
            Assert.That(Uids(michelstadt), Does.Contain(_michelstadt).And.Contain(_sport).And.Not.Contain(_erbach));
            Assert.That(Uids(sport), Does.Contain(_sport).And.Not.Contain(_michelstadt).And.Not.Contain(_erbach), "a group grant reaches its group's entries only");
            Assert.That(Uids(kreis), Is.SupersetOf(new[] { _erbach, _michelstadt, _sport }));
            Assert.That(Beispieltage(erbach), Is.Not.Empty, "public entries are in everyone's feed");
            var treffen = erbach.Single(e => e.Uid == _erbach);
            Assert.That(treffen.Location, Is.EqualTo("Rathaus"));
            Assert.That(treffen.Url!.AbsolutePath, Is.EqualTo("/beispiel/eintraege/" + _erbach.Split('@')[0]));
            Assert.That(treffen.DtStart!.TzId, Is.EqualTo("Europe/Berlin"));
        });
    }

    [Test]
    public async Task WithoutThePermissionAPersonalFeedHasOnlyPublicEntries()
    {
        var (api, feed) = await SubscriberAsync("kal-ohne");
        using var _ = api;
        var events = await FeedAsync(feed);
        Assert.That(events.Select(e => e.Summary).Distinct(), Is.EqualTo(new[] { "Beispieltag" }));
    }

    [Test]
    public async Task ARenewedAddressReplacesTheOldOneAndARevokedOneIsGone()
    {
        var (api, first) = await SubscriberAsync("kal-erneuern", TestGrant.For(Lesen, Erbach));
        using var _ = api;
        var second = await NewAddressAsync(api);
        Assert.Multiple(async () =>
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(await StatusAsync(first), Is.EqualTo(HttpStatusCode.NotFound), "the old address after renewal");
            Assert.That(await StatusAsync(second), Is.EqualTo(HttpStatusCode.OK));
        });

        using var revoked = await api.DeleteAsync("/api/kalender/abo");
        Assert.Multiple(async () =>
        {
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await StatusAsync(second), Is.EqualTo(HttpStatusCode.NotFound), "after revocation");
        });
    }

    [Test]
    public async Task TheSecretOfAFeedAddressNeverReachesTheLog()
    {
        var (api, feed) = await SubscriberAsync("kal-log", TestGrant.For(Lesen, Erbach));
        using var _ = api;
        await FeedAsync(feed);
        await StatusAsync(feed.Replace(".ics", "x.ics", StringComparison.Ordinal));
        var secret = feed.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        Assert.That(Host.Logs.Text, Does.Not.Contain(secret));
    }

    [Test]
    public async Task AnUnknownAddressIsNotFound()
        => Assert.That(await StatusAsync("http://localhost/kalender/persoenlich/ausgedacht.ics"), Is.EqualTo(HttpStatusCode.NotFound));

    [Test]
    public async Task TheFeedAddressIsStoredOnlyAsItsHash()
    {
        var (api, feed) = await SubscriberAsync("kal-hash", TestGrant.For(Lesen, Erbach));
        using var _ = api;
        var secret = feed.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        await using var connection = HostDatabase();
        var stored = await connection.QueryAsync<string>("SELECT token_hash FROM calendar_feed_tokens");
        Assert.That(stored, Is.Not.Empty.And.All.Not.Contains(secret));
    }

    [Test]
    public async Task TheErasureOfTheAccountDeletesItsFeedAddress()
    {
        var (api, feed) = await SubscriberAsync("kal-loeschen", TestGrant.For(Lesen, Erbach));
        using var _ = api;
        await using var connection = HostDatabase();
        var userId = await connection.ExecuteScalarAsync<string>("SELECT id FROM users WHERE user_name LIKE 'kal-loeschen-%'");
        using (var scope = Host.Services.CreateScope())
        {
            var accounts = scope.ServiceProvider.GetServices<IDataSubjectHandler>().OfType<AccountDataSubjectHandler>().Single();
            await accounts.EraseAsync(new DataSubjectRecord("Benutzerkonto", userId!, "Kalender", ""), CancellationToken.None);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await StatusAsync(feed), Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM calendar_feed_tokens WHERE user_id = @userId", new { userId }), Is.Zero);
        });
    }

    private SqliteConnection HostDatabase() => new($"Data Source={Path.Combine(Host.DataDirectory, "host.db")}");

    [Test]
    public async Task ThePublicFeedHasThePublicEntriesOnly()
    {
        var events = await FeedAsync("http://localhost/kalender/oeffentlich.ics");
        Assert.Multiple(() =>
        {
            Assert.That(Beispieltage(events), Is.Not.Empty);
            Assert.That(Uids(events), Does.Not.Contain(_erbach).And.Not.Contain(_michelstadt).And.Not.Contain(_sport));
            Assert.That(events.First(e => e.Summary == "Beispieltag").IsAllDay, Is.True);
        });
    }

    [Test]
    public async Task FeedsFilterByModuleAndCategory()
    {
        var (api, feed) = await SubscriberAsync("kal-filter", TestGrant.For(Lesen, Erbach));
        using var _ = api;
        var onlyDays = await FeedAsync(feed + "?kategorie=beispiel.aktionstag");
        var onlyMeetings = await FeedAsync(feed + "?kategorie=beispiel.treffen&kategorie=anderes.modul");
        var module = await FeedAsync(feed + "?modul=beispiel");
        var otherModule = await FeedAsync(feed + "?modul=Lotsen");
        var publicDays = await FeedAsync("http://localhost/kalender/oeffentlich.ics?modul=Beispiel&kategorie=beispiel.aktionstag");
        Assert.Multiple(() =>
        {
            Assert.That(onlyDays.Select(e => e.Summary).Distinct(), Is.EqualTo(new[] { "Beispieltag" }));
            Assert.That(Uids(onlyMeetings), Does.Contain(_erbach));
            Assert.That(onlyMeetings.Select(e => e.Summary).Distinct(), Is.EqualTo(new[] { "Treffen" }));
            Assert.That(Uids(module), Does.Contain(_erbach), "module ids compare without case");
            Assert.That(Beispieltage(module), Is.Not.Empty);
            Assert.That(otherModule, Is.Empty);
            Assert.That(Beispieltage(publicDays), Is.Not.Empty);
        });
    }
}
