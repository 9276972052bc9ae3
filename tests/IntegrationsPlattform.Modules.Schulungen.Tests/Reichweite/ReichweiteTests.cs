using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Reichweite;

/// <summary>
/// Workflow 7: the reach of a school year per municipality — every municipality of the Kreis, also those not reached —
/// through the API, the staff page and its CSV file, on the host's clock (22:00 of the suite's day, <see cref="ReichweiteDaten"/>).
/// </summary>
public sealed class ReichweiteTests : SchulungenFixture
{
    protected override MovableClock Clock { get; } = ReichweiteDaten.Abends();

    private ReichweiteDaten Daten => new(StaffApi);

    private static JsonElement Kommune(JsonElement bericht, string name)
        => bericht.GetProperty("kommunen").EnumerateArray().Single(k => k.GetProperty("kommune").GetString() == name);

    [Test]
    public async Task A_held_session_counts_in_the_current_school_year_where_it_took_place_and_where_its_schools_lie()
    {
        var vorher = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/reichweite");
        var (_, _, schule) = await Daten.GehaltenerTerminAsync();
        var wartend = await Daten.OffenerTerminAsync(ReichweiteDaten.Michelstadt, 1, 0);
        await Daten.AnmeldenAsync(wartend.Id, ReichweiteDaten.NeueAdresse());
        await Daten.AnmeldenAsync(wartend.Id, ReichweiteDaten.NeueAdresse());
        var nachher = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/reichweite");
        var schuljahr = nachher.GetProperty("schuljahr").GetInt32();
        var vorjahr = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/reichweite?schuljahr={schuljahr - 1}");

        long Zuwachs(string kommune, string feld) => Kommune(nachher, kommune).GetProperty(feld).GetInt64() - Kommune(vorher, kommune).GetProperty(feld).GetInt64();
        long KreisZuwachs(string feld) => nachher.GetProperty("kreis").GetProperty(feld).GetInt64() - vorher.GetProperty("kreis").GetProperty(feld).GetInt64();
        Assert.Multiple(() =>
        {
            Assert.That(schuljahr, Is.EqualTo(Clock.Today.Month >= 8 ? Clock.Today.Year : Clock.Today.Year - 1), "the current school year (1 August to 31 July) by default");
            Assert.That(nachher.GetProperty("kommunen").GetArrayLength(), Is.EqualTo(12), "every municipality of the Kreis, reached or not");
            Assert.That(Zuwachs("Erbach", "termine"), Is.EqualTo(1));
            Assert.That(Zuwachs("Erbach", "teilnehmende"), Is.EqualTo(5));
            Assert.That(Zuwachs("Michelstadt", "schulen"), Is.EqualTo(1));
            Assert.That(Zuwachs("Michelstadt", "wartende"), Is.EqualTo(1), "unmet demand where the session takes place");
            Assert.That(Zuwachs("Oberzent", "termine"), Is.Zero);
            Assert.That(KreisZuwachs("teilnehmende"), Is.EqualTo(5));
            Assert.That(nachher.GetProperty("schulen").EnumerateArray().Single(s => s.GetProperty("id").GetString() == schule).GetProperty("teilnehmende").GetInt64(), Is.EqualTo(2));
            Assert.That(vorjahr.GetProperty("schulen").EnumerateArray().Select(s => s.GetProperty("id").GetString()), Does.Not.Contain(schule));
        });
    }

    [TestCase("1999")]
    [TestCase("2101")]
    public async Task A_school_year_that_is_none_is_a_400(string schuljahr)
    {
        using var response = await StaffApi.GetAsync($"/api/schulungen/reichweite?schuljahr={schuljahr}");
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Schuljahr").Or.Contain("schuljahr"));
        });
    }

    [Test]
    public async Task The_page_shows_every_municipality_and_the_schools_reached_and_its_table_downloads_as_german_csv()
    {
        var (_, _, schule) = await Daten.GehaltenerTerminAsync();
        var schulname = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/schulen/{schule}")).GetProperty("name").GetString()!;
        var seite = await PageAsync("/schulungen/reichweite");
        var start = await PageAsync("/schulungen");
        using var csv = await StaffBrowser.GetAsync("/schulungen/reichweite.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var zeilen = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("Kommunen im Schuljahr").And.Contain("Oberzent").And.Contain("Bad König").And.Contain(schulname));
            Assert.That(seite, Does.Contain("Ungedeckter Bedarf"));
            Assert.That(start, Does.Contain("href=\"/schulungen/reichweite\""));
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM, as German Excel reads it");
            Assert.That(zeilen[0], Is.EqualTo("Kommune;Durchgeführte Termine;Teilnehmende;Erreichte Schulen;Auf der Warteliste"));
            Assert.That(zeilen, Has.Length.EqualTo(14), "a header, the 12 municipalities and the Kreis");
            Assert.That(zeilen.Single(z => z.StartsWith("Erbach;", StringComparison.Ordinal)).Split(';')[2], Is.Not.EqualTo("0"));
        });
    }
}
