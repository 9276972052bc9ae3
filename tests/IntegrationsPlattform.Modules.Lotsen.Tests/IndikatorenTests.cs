using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The figures the module reports to the monitor follow what staff do through the API.</summary>
public sealed class IndikatorenTests : LotsenFixture
{
    private const string Mossautal = "06437012";
    private const string AktiveLotsen = "lotsen.aktiv";

    [Test]
    public async Task Requests_and_hours_in_the_monitor_grow_with_the_work_recorded()
    {
        var vorher = await IndicatorsAsync();
        // The assignment lies in this month's snapshot period and in the past, except in the first 90 minutes of a month.
        var berlin = Clock.LocalNow;
        var monatsanfang = new DateOnly(berlin.Year, berlin.Month, 1);
        var imMonat = berlin.Day > 1 || berlin.Hour >= 2;
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Kennzahl", Sprachen: [("sq", "muttersprache")], Kommunen: [Mossautal]));
        }

        for (var i = 0; i < 2; i++)
        {
            using var angelegt = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("I." + i, ["sq"], Mossautal, von: monatsanfang, bis: monatsanfang));
            Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            if (i == 0 && imMonat)
            {
                var anfrage = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
                using var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = monatsanfang.ToString("yyyy-MM-dd"), beginn = "00:00", dauerMinuten = 90, abweichungGrund = "Nachttermin im Test" });
                var einsatz = (await vermittelt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("einsatzId").GetString();
                using var erfasst = await StaffApi.PostAsJsonAsync($"/api/lotsen/einsaetze/{einsatz}/erfassung", new { status = "durchgefuehrt", ergebnis = "erledigt", dauerMinuten = 90 });
                Assert.That(erfasst.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            }
        }

        var nachher = await IndicatorsAsync();
        Assert.Multiple(() =>
        {
            Assert.That(nachher.Value("lotsen.anfragen", Mossautal), Is.EqualTo(vorher.Value("lotsen.anfragen", Mossautal) + 2));
            Assert.That(nachher.Value("lotsen.aktiv", Mossautal), Is.EqualTo(vorher.Value("lotsen.aktiv", Mossautal) + 1));
            if (imMonat)
            {
                Assert.That(nachher.Value("lotsen.stunden", null), Is.EqualTo(vorher.Value("lotsen.stunden", null) + 1.5m));
                Assert.That(nachher.Value("lotsen.einsaetze", Mossautal), Is.EqualTo(vorher.Value("lotsen.einsaetze", Mossautal) + 1));
            }
        });
    }

    [Test]
    public async Task The_history_holds_every_request_of_the_months_before_the_platform_took_snapshots()
    {
        // The snapshot job takes in the module's past months while their history is empty (here: the demo's 14 months).
        await IndicatorsAsync();
        var monatsanfang = new DateOnly(Clock.Today.Year, Clock.Today.Month, 1);
        var vormonat = monatsanfang.AddMonths(-1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var verlauf = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/kennzahlen/lotsen.anfragen/verlauf?zeitraum=jahr&bis={vormonat}");
        long vorher;
        using (var db = ModuleDatabase())
        {
            var grenze = new DateTimeOffset(monatsanfang.ToDateTime(TimeOnly.MinValue), TestClock.Berlin.GetUtcOffset(monatsanfang.ToDateTime(TimeOnly.MinValue)));
            vorher = Dapper.SqlMapper.ExecuteScalar<long>(db, "SELECT count(*) FROM anfragen WHERE angelegt_am < @grenze", new { grenze = grenze.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) });
        }

        Assert.Multiple(() =>
        {
            Assert.That(vorher, Is.GreaterThan(0), "the demo data has requests before this month");
            Assert.That(verlauf.GetProperty("values").EnumerateArray().Sum(v => v.GetProperty("value").GetDecimal()), Is.EqualTo(vorher));
            Assert.That(verlauf.GetProperty("kind").GetString(), Is.EqualTo("Flow"));
        });
    }

    [Test]
    public async Task A_Lotse_serving_three_municipalities_counts_once_for_the_Kreis_and_once_in_each()
    {
        string[] kommunen = [Testdaten.BadKoenig, Testdaten.Erbach, Testdaten.Michelstadt];
        var vorher = await IndicatorsAsync();
        using (var db = ModuleDatabase())
        {
            Testdaten.Anlegen(db, new("Dreifach", Kommunen: kommunen));
        }

        var nachher = await IndicatorsAsync();
        var liste = await StaffApi.GetFromJsonAsync<JsonElement>("/api/lotsen/lotsen?status=aktiv");
        var startseite = await PageAsync("/");
        var kreis = nachher.Value(AktiveLotsen, null);
        Assert.Multiple(() =>
        {
            Assert.That(kreis - vorher.Value(AktiveLotsen, null), Is.EqualTo(1));
            foreach (var kommune in kommunen)
            {
                Assert.That(nachher.Value(AktiveLotsen, kommune) - vorher.Value(AktiveLotsen, kommune), Is.EqualTo(1), kommune);
            }

            Assert.That(kreis, Is.EqualTo(liste.GetProperty("total").GetInt32()), "the Kreis figure is the number the Lotsen list shows");
            Assert.That(startseite, Does.Match($@"Aktive Integrationslotsen</dt>\s*<dd>\s*<span class=""figure-value"">{kreis}</span>"));
        });
    }
}
