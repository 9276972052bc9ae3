using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// The assignments in the platform's calendars, on the demo host: the personal feed of the demo Lotsin opens in a
/// standard iCalendar parser (Ical.Net) with her assignments and no one else's; the coordinator's has those of the
/// municipalities of her agreement. No entry says anything about the person seeking advice.
/// </summary>
public sealed class KalenderTests : LotsenFixture
{
    private static readonly string[] Vereinbarung = ["06437001", "06437006", "06437011"];

    /// <summary>The feed of a demo account, read without a login as a calendar app reads it.</summary>
    private async Task<IReadOnlyList<Ical.Net.CalendarComponents.CalendarEvent>> FeedOfAsync(string user, string password)
    {
        using var api = await Host.ApiClientAsync(user, password);
        using var abo = await api.PostAsync("/api/kalender/abo", null);
        Assert.That(abo.StatusCode, Is.EqualTo(HttpStatusCode.OK), await abo.Content.ReadAsStringAsync());
        var address = (await abo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adresse").GetString()!;
        using var anonymous = Host.Anonymous();
        var text = await anonymous.GetStringAsync(new Uri(address).PathAndQuery);
        return Ical.Net.Calendar.Load(text)!.Events.ToList();
    }

    /// <summary>The ids of the assignments within the feeds' reach (3 months back, 12 ahead) that <paramref name="where"/> selects.</summary>
    private List<string> Einsaetze(string where, object? parameters = null)
    {
        var heute = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Host.Clock.Now, TestClock.Berlin).DateTime);
        using var db = ModuleDatabase();
        var p = new DynamicParameters(parameters);
        p.Add("von", GermanFormat.StoredInstant(new DateTimeOffset(heute.AddMonths(-3).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1)));
        p.Add("bis", GermanFormat.StoredInstant(new DateTimeOffset(heute.AddMonths(12).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1)));
        return db.Query<string>($"SELECT e.id FROM einsaetze e JOIN anfragen a ON a.id = e.anfrage_id JOIN lotsen l ON l.id = e.lotse_id WHERE e.beginn >= @von AND e.beginn < @bis AND {where}", p)
            .Select(id => $"{id}@lotsen.integrationsplattform")
            .ToList();
    }

    [Test]
    public async Task The_demo_Lotsin_subscribes_to_her_own_assignments()
    {
        var feed = await FeedOfAsync("lotsin", "Demo-Lotsin-2026");
        var eigene = Einsaetze("l.benutzername = 'lotsin'");
        var fremde = Einsaetze("(l.benutzername IS NULL OR l.benutzername <> 'lotsin')");
        var einsaetze = feed.Where(e => e.Categories.Contains("Lotseneinsätze")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(eigene, Is.Not.Empty, "the demo set gives her assignments around today");
            Assert.That(einsaetze.Select(e => e.Uid), Is.SupersetOf(eigene));
            Assert.That(einsaetze.Select(e => e.Uid), Is.SubsetOf(eigene), "nobody else's assignments");
            Assert.That(fremde, Is.Not.Empty);
            Assert.That(einsaetze, Has.All.Matches<Ical.Net.CalendarComponents.CalendarEvent>(e => e.Summary!.StartsWith("Lotseneinsatz: ", StringComparison.Ordinal) && e.DtStart!.TzId == "Europe/Berlin" && e.Url!.AbsolutePath.StartsWith("/lotsen/einsaetze/", StringComparison.Ordinal)));
        });
    }

    [Test]
    public async Task The_coordinator_subscribes_to_the_assignments_of_her_municipalities()
    {
        var feed = (await FeedOfAsync("koordination", "Demo-Koordination-2026")).Where(e => e.Categories.Contains("Lotseneinsätze")).Select(e => e.Uid).ToList();
        var imBereich = Einsaetze("a.kommune_ags IN @ags", new { ags = Vereinbarung });
        var ausserhalb = Einsaetze("a.kommune_ags NOT IN @ags", new { ags = Vereinbarung });
        Assert.Multiple(() =>
        {
            Assert.That(feed, Is.SupersetOf(imBereich));
            Assert.That(feed, Has.None.AnyOf(ausserhalb.ToArray()));
        });
    }

    [Test]
    public async Task An_entry_says_nothing_about_the_person_seeking_advice()
    {
        var feed = await FeedOfAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var db = ModuleDatabase();
        var ueberRatsuchende = db.Query<string>("SELECT kennung FROM anfragen WHERE kennung IS NOT NULL UNION SELECT ziel FROM anfragen WHERE ziel IS NOT NULL").ToList();
        var texte = feed.Where(e => e.Categories.Contains("Lotseneinsätze")).SelectMany(e => new[] { e.Summary, e.Location, e.Description }).OfType<string>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ueberRatsuchende, Is.Not.Empty);
            Assert.That(texte, Is.Not.Empty);
            Assert.That(texte, Has.None.Matches<string>(t => ueberRatsuchende.Any(r => t.Contains(r, StringComparison.Ordinal))));
        });
    }
}
