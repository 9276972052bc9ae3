using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// The showcase demo set the host seeds at start (<c>Platform:Demo:Seed</c>) and the module's demo
/// accounts: idempotent seeding, every list populated, the Lotsin sees only her own assignments, the
/// coordinator only the municipalities of the demo agreement.
/// </summary>
public sealed class DemoDatenTests : LotsenFixture
{
    private static readonly string[] Vereinbarung = ["06437001", "06437006", "06437011"];

    private static readonly string[] Tabellen =
    [
        "traeger", "traeger_kommunen", "traeger_status_verlauf", "traeger_kontakte", "vereinbarungen", "vereinbarung_kommunen",
        "lotsen", "lotse_sprachen", "lotse_themen", "lotse_kommunen", "lotse_verfuegbarkeit", "lotse_qualifikationen", "lotse_status_verlauf",
        "anfragen", "anfrage_sprachen", "anfrage_aktivitaeten", "einsaetze",
    ];

    [Test, Order(1)]
    public async Task Seeding_a_second_time_adds_nothing()
    {
        var vorher = Tabellen.ToDictionary(t => t, t => Count(t));
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var deployment = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetDeployment());
            var seeders = scope.ServiceProvider.GetServices<IDemoDataSeeder>().ToList();
            Assert.That(seeders, Is.Not.Empty);
            foreach (var seeder in seeders)
            {
                await seeder.SeedAsync(deployment, DemoSize.Showcase, CancellationToken.None);
            }
        }

        var nachher = Tabellen.ToDictionary(t => t, t => Count(t));
        Assert.Multiple(() =>
        {
            Assert.That(vorher["lotsen"], Is.InRange(35, 60), "about 40 Lotsen");
            Assert.That(vorher["anfragen"], Is.InRange(100, 150), "about 120 requests");
            Assert.That(nachher, Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task The_showcase_set_fills_every_list()
    {
        var anfragen = new Dictionary<string, int>();
        foreach (var status in new[] { "offen", "vermittelt", "erledigt", "abgebrochen" })
        {
            anfragen[status] = await TotalAsync(StaffApi, $"/api/lotsen/anfragen?status={status}");
        }

        var lotsen = new Dictionary<string, int>();
        foreach (var status in new[] { "interessiert", "in_schulung", "aktiv", "pausiert", "ausgeschieden" })
        {
            lotsen[status] = await TotalAsync(StaffApi, $"/api/lotsen/lotsen?status={status}");
        }

        var offen = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/anfragen?status=offen&sprache=ar");
        var vorschlaege = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{offen.GetProperty("rows")[0].GetProperty("id").GetString()}/vorschlaege");
        var traeger = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger");
        var abdeckung = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger/abdeckung");
        var bericht = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/berichte?jahr={Clock.Today.Year}");
        var einsaetze = await TotalAsync(StaffApi, "/api/lotsen/einsaetze");

        Assert.Multiple(() =>
        {
            Assert.That(anfragen.Values, Is.All.GreaterThan(0), string.Join(", ", anfragen));
            Assert.That(anfragen["offen"], Is.GreaterThanOrEqualTo(5));
            Assert.That(lotsen.Values, Is.All.GreaterThan(0), string.Join(", ", lotsen));
            Assert.That(lotsen["aktiv"], Is.GreaterThanOrEqualTo(20));
            Assert.That(vorschlaege.GetArrayLength(), Is.GreaterThan(0), "an open Arabic request has suggestions");
            Assert.That(traeger.GetProperty("rows").EnumerateArray().Select(t => t.GetProperty("status").GetString()).Distinct().Count(), Is.GreaterThanOrEqualTo(3));
            Assert.That(abdeckung.EnumerateArray().Count(k => k.GetProperty("traeger").ValueKind == JsonValueKind.String), Is.EqualTo(Vereinbarung.Length));
            Assert.That(einsaetze, Is.GreaterThan(50));
            Assert.That(bericht.GetProperty("anfragenJeThema").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(bericht.GetProperty("stundenJeQuartal").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(bericht.GetProperty("stundenJeLotse").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(Count("traeger_kontakte"), Is.GreaterThanOrEqualTo(5));
            Assert.That(Count("anfragen", "anonymisiert_am IS NOT NULL AND kennung IS NULL"), Is.GreaterThan(0), "requests closed long ago are anonymised");
            Assert.That(Count("anfragen", "anonymisiert_am IS NULL AND geschlossen_am < @grenze", new { grenze = Clock.Now.AddMonths(-6).AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ") }), Is.Zero, "nothing left for the retention job");
            Assert.That(Count("einsaetze", "status = 'geplant' AND beginn > @jetzt", new { jetzt = Clock.Now.ToString("yyyy-MM-ddTHH:mm:ssZ") }), Is.GreaterThan(0), "planned assignments ahead");
            Assert.That(Count("lotsen", "einwilligung_bis <= @grenze AND status <> 'ausgeschieden' AND email IS NOT NULL", new { grenze = Clock.Today.AddDays(30).ToString("yyyy-MM-dd") }), Is.GreaterThan(0), "consents due for renewal");
            Assert.That(Count("anfragen", "kennung IS NOT NULL AND kennung NOT GLOB '[A-Z]. [A-Z].' AND kennung NOT GLOB 'Familie [A-Z].' AND kennung NOT GLOB 'Frau [A-Z].' AND kennung NOT GLOB 'Herr [A-Z].'"), Is.Zero, "initials only");
        });
    }

    [TestCase("/lotsen")]
    [TestCase("/lotsen/lotsen")]
    [TestCase("/lotsen/traeger")]
    [TestCase("/lotsen/berichte")]
    [TestCase("/lotsen/berichte/jahresbericht")]
    public async Task Pages_show_the_demo_data(string seite)
    {
        using var response = await StaffBrowser.GetAsync(seite);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Not.Contain("Keine Treffer").IgnoreCase);
        });
    }

    [Test]
    public async Task The_demo_Lotsin_sees_only_her_own_assignments_and_no_Lotsen_search()
    {
        using var lotsin = await Host.ApiClientAsync("lotsin", "Demo-Lotsin-2026");
        using var db = ModuleDatabase();
        var eigeneId = db.ExecuteScalar<string>("SELECT id FROM lotsen WHERE benutzername = 'lotsin'");
        var eigene = db.ExecuteScalar<long>("SELECT count(*) FROM einsaetze WHERE lotse_id = @eigeneId", new { eigeneId });
        var liste = await lotsin.GetFromJsonAsync<JsonElement>("/api/lotsen/einsaetze");
        var fremd = db.ExecuteScalar<string>("SELECT id FROM einsaetze WHERE lotse_id <> @eigeneId LIMIT 1", new { eigeneId });
        using var fremder = await lotsin.GetAsync($"/api/lotsen/einsaetze/{fremd}");
        using var suche = await lotsin.GetAsync("/api/lotsen/lotsen");
        using var anfragen = await lotsin.GetAsync("/api/lotsen/anfragen");

        Assert.Multiple(() =>
        {
            Assert.That(eigeneId, Is.Not.Null, "the demo Lotsin is linked to her Lotse record");
            Assert.That(eigene, Is.GreaterThanOrEqualTo(2));
            Assert.That(liste.GetProperty("total").GetInt32(), Is.EqualTo(eigene));
            Assert.That(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("lotseId").GetString()), Is.All.EqualTo(eigeneId));
            Assert.That(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("status").GetString()), Does.Contain("geplant"), "something to record");
            Assert.That(fremder.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(suche.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(anfragen.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task The_demo_Lotsin_finds_her_assignments_from_the_navigation_without_dead_ends()
    {
        using var browser = await Host.SignedInClientAsync("lotsin", "Demo-Lotsin-2026");
        var start = await browser.GetStringAsync("/");
        var seite = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/lotsen/einsaetze"));

        Assert.Multiple(() =>
        {
            Assert.That(start, Does.Contain("href=\"/lotsen/einsaetze\"").And.Not.Contain("href=\"/lotsen\""), "only the entry she may open");
            Assert.That(seite, Does.Contain("<h1>Meine Einsätze</h1>"));
            Assert.That(seite, Does.Not.Contain("Zurück zu den Integrationslotsen"), "the start page of the module needs lotsen.lesen");
            Assert.That(seite, Does.Contain("Samira Haddad"));
        });
    }

    [Test]
    public async Task The_demo_coordinator_sees_only_the_municipalities_of_the_agreement()
    {
        using var koordination = await Host.ApiClientAsync("koordination", "Demo-Koordination-2026");
        var anfragen = await koordination.GetFromJsonAsync<JsonElement>("/api/lotsen/anfragen");
        var lotsen = await koordination.GetFromJsonAsync<JsonElement>("/api/lotsen/lotsen?groesse=200");
        var alleAnfragen = await TotalAsync(StaffApi, "/api/lotsen/anfragen");
        var parameter = new { ags = Vereinbarung };
        var imGebiet = Count("anfragen", "kommune_ags IN @ags", parameter);
        var lotsenImGebiet = Count("lotsen l", "EXISTS (SELECT 1 FROM lotse_kommunen k WHERE k.lotse_id = l.id AND k.ags IN @ags)", parameter);
        using var db = ModuleDatabase();
        var ausserhalb = db.ExecuteScalar<string>("SELECT id FROM anfragen WHERE kommune_ags NOT IN @ags LIMIT 1", parameter);
        using var fremd = await koordination.GetAsync($"/api/lotsen/anfragen/{ausserhalb}");
        using var traeger = await koordination.GetAsync("/api/lotsen/traeger");

        Assert.Multiple(() =>
        {
            Assert.That(imGebiet, Is.GreaterThan(0).And.LessThan(alleAnfragen));
            Assert.That(anfragen.GetProperty("total").GetInt32(), Is.EqualTo(imGebiet));
            Assert.That(anfragen.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("kommuneAgs").GetString()), Is.All.AnyOf(Vereinbarung));
            Assert.That(lotsen.GetProperty("total").GetInt32(), Is.EqualTo(lotsenImGebiet));
            Assert.That(lotsen.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("kommunen").EnumerateArray().Any(k => Vereinbarung.Contains(k.GetString()))), Is.All.True);
            Assert.That(fremd.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(traeger.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "the Träger search stays with the Kreis");
        });
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
        => (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32();
}
