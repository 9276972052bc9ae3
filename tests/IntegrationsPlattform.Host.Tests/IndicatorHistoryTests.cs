using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Host.Messaging;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Indicator history: monthly snapshots added up into quarters and years (a stock at the period's end, a flow summed),
/// and a module's past months taken in once through the back-fill hook — the Beispiel module counts them from its entries'
/// creation dates two years back.
/// </summary>
[TestFixture]
public sealed class IndicatorHistoryTests
{
    private const string Erbach = "06437006";
    private const string Michelstadt = "06437011";
    private PlatformHost _host = null!;
    private HttpClient _admin = null!;
    private int _year;

    [OneTimeSetUp]
    public async Task StartHostWithPastEntriesAsync()
    {
        _host = PlatformHost.ForModules(["Beispiel"], demoData: false);
        _admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        _year = _host.Clock.Today.Year - 2;
        using (var module = new SqliteConnection($"Data Source={_host.ModuleDatabase("Beispiel")}"))
        {
            // One statement, so that a snapshot running at start-up sees all of them or none.
            module.Execute(
                """
                INSERT INTO eintraege (id, titel, kommune_ags, created_at) VALUES
                ('v1', 'Januar', @erbach, @jan), ('v2', 'Januar', @erbach, @jan), ('v3', 'Februar', @erbach, @feb),
                ('v4', 'April', @michelstadt, @apr), ('v5', 'April', @michelstadt, @apr), ('v6', 'April', @michelstadt, @apr), ('v7', 'April', @michelstadt, @apr)
                """,
                new { erbach = Erbach, michelstadt = Michelstadt, jan = Noon(1, 15), feb = Noon(2, 10), apr = Noon(4, 5) });
        }

        using var run = await _admin.PostAsync("/api/admin/jobs/platform.indicators/run", null);
        Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), await run.Content.ReadAsStringAsync());
    }

    [OneTimeTearDown]
    public void StopHost()
    {
        _admin.Dispose();
        _host.Dispose();
    }

    private string Noon(int month, int day) => new DateTimeOffset(_year, month, day, 12, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);

    private async Task<List<(string Period, decimal Value, bool Complete)>> HistoryAsync(string key, string query)
    {
        using var response = await _admin.GetAsync($"/api/kennzahlen/{key}/verlauf?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var history = await response.Content.ReadFromJsonAsync<JsonElement>();
        return history.GetProperty("values").EnumerateArray()
            .Select(v => (v.GetProperty("period").GetString()!, v.GetProperty("value").GetDecimal(), v.GetProperty("complete").GetBoolean())).ToList();
    }

    [Test]
    public async Task AFlowIsAddedUpOverEachQuarterAndAStockIsItsValueAtTheQuartersEnd()
    {
        var range = $"zeitraum=quartal&von={_year}-01&bis={_year}-12";
        var flow = await HistoryAsync("beispiel.neu", range);
        var stock = await HistoryAsync("beispiel.eintraege", range);
        Assert.Multiple(() =>
        {
            Assert.That(flow, Is.EqualTo(new[] { ($"{_year}-Q1", 3m, true), ($"{_year}-Q2", 4m, true), ($"{_year}-Q3", 0m, true), ($"{_year}-Q4", 0m, true) }));
            Assert.That(stock, Is.EqualTo(new[] { ($"{_year}-Q1", 3m, true), ($"{_year}-Q2", 7m, true), ($"{_year}-Q3", 7m, true), ($"{_year}-Q4", 7m, true) }));
        });
    }

    [Test]
    public async Task YearsEndAtDecember()
    {
        var range = $"zeitraum=jahr&von={_year}-01&bis={_year + 1}-12";
        Assert.Multiple(async () =>
        {
            Assert.That(await HistoryAsync("beispiel.neu", range), Is.EqualTo(new[] { ($"{_year}", 7m, true), ($"{_year + 1}", 0m, true) }));
            Assert.That(await HistoryAsync("beispiel.eintraege", range), Is.EqualTo(new[] { ($"{_year}", 7m, true), ($"{_year + 1}", 7m, true) }));
        });
    }

    [Test]
    public async Task AMunicipalitysMonthsComeFromTheBackFill()
        => Assert.That(await HistoryAsync("beispiel.neu", $"kommune={Erbach}&von={_year}-01&bis={_year}-03"), Is.EqualTo(new[] { ($"{_year}-01", 2m, true), ($"{_year}-02", 1m, true) }));

    [Test]
    public async Task TheBackFillIsTakenOnceAndLeavesTheCurrentMonthToTheSnapshot()
    {
        using var again = await _admin.PostAsync("/api/admin/jobs/platform.indicators/run", null);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_host.DataDirectory, "host.db")}");
        var january = connection.ExecuteScalar<long>("SELECT count(*) FROM indicator_snapshots WHERE indicator_key = 'beispiel.neu' AND municipality_ags = '' AND period = @month", new { month = $"{_year}-01" });
        var current = connection.ExecuteScalar<double>("SELECT value FROM indicator_snapshots WHERE indicator_key = 'beispiel.eintraege' AND municipality_ags = '' AND period = @month", new { month = IndicatorPeriod.MonthOf(_host.Clock.Today).Label });
        Assert.Multiple(() =>
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(january, Is.EqualTo(1));
            Assert.That(current, Is.EqualTo(7), "the current month is the job's own snapshot");
        });
    }

    [TestCase("beispiel.gibtsnicht", "", HttpStatusCode.NotFound)]
    [TestCase("beispiel.neu", "zeitraum=woche", HttpStatusCode.BadRequest)]
    [TestCase("beispiel.neu", "von=2026-13", HttpStatusCode.BadRequest)]
    public async Task AnUnknownIndicatorOrABadPeriodIsRefusedWithProblemDetails(string key, string query, HttpStatusCode expected)
    {
        using var response = await _admin.GetAsync($"/api/kennzahlen/{key}/verlauf?{query}");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(expected));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }

    [Test]
    public void QuartersAndYearsSplitAtTheirBoundariesAndSayWhenAMonthIsMissing()
    {
        var months = new (IndicatorPeriod, decimal)[]
        {
            (IndicatorPeriod.FromLabel("2026-11"), 5m),
            (IndicatorPeriod.FromLabel("2026-12"), 7m),
            (IndicatorPeriod.FromLabel("2027-01"), 2m),
        };
        var flowQuarters = IndicatorHistoryAggregation.Aggregate(IndicatorKind.Flow, HistoryPeriod.Quarter, months);
        var stockQuarters = IndicatorHistoryAggregation.Aggregate(IndicatorKind.Stock, HistoryPeriod.Quarter, months);
        var flowYears = IndicatorHistoryAggregation.Aggregate(IndicatorKind.Flow, HistoryPeriod.Year, months);
        Assert.Multiple(() =>
        {
            Assert.That(flowQuarters.Select(v => (v.Period, v.Value, v.Complete)), Is.EqualTo(new[] { ("2026-Q4", 12m, false), ("2027-Q1", 2m, false) }));
            Assert.That(stockQuarters.Select(v => (v.Period, v.Value)), Is.EqualTo(new[] { ("2026-Q4", 7m), ("2027-Q1", 2m) }));
            Assert.That(flowQuarters[0].From, Is.EqualTo(new DateOnly(2026, 10, 1)));
            Assert.That(flowQuarters[0].To, Is.EqualTo(new DateOnly(2026, 12, 31)));
            Assert.That(flowYears.Select(v => (v.Period, v.Value)), Is.EqualTo(new[] { ("2026", 12m), ("2027", 2m) }));
        });
    }
}
