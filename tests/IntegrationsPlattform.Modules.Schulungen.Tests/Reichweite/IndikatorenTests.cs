using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Contracts.Kernel;
using System.Runtime.Loader;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Reichweite;

/// <summary>
/// What the module offers other modules (module-done point 5): its indicators, seen changing while staff act through
/// the API, and its sessions as linkable records whose status changes reach a module that follows them (the test plugin
/// Verbraucher, as Konzept's measures will). The host's clock stands at 22:00 of the suite's day, so that a session of
/// this morning is over and still in this month.
/// </summary>
public sealed class IndikatorenTests : SchulungenFixture
{
    /// <summary>The keys as the module's contracts publish them (<c>SchulungenIndikatoren</c>): the monitor reads them by these.</summary>
    private static class SchulungenIndikatoren
    {
        public const string DurchgefuehrteTermine = "schulungen.termine";
        public const string Teilnehmende = "schulungen.teilnehmende";
        public const string ErreichteSchulen = "schulungen.schulen";
        public const string Feedback = "schulungen.feedback";
        public const string Warteliste = "schulungen.warteliste";
    }

    private const string Erbach = ReichweiteDaten.Erbach;
    private const string Michelstadt = ReichweiteDaten.Michelstadt;

    protected override MovableClock Clock { get; } = ReichweiteDaten.Abends();

    private ReichweiteDaten Daten => new(StaffApi);

    /// <summary>Verbraucher follows linkable records; it can use Beispiel, whose contracts it is built against.</summary>
    protected override IReadOnlyList<string> Peers => ["Beispiel", "Verbraucher"];

    [Test]
    public async Task Holding_a_session_counts_it_where_it_took_place_its_attendees_and_the_schools_where_they_work()
    {
        var vorher = await IndicatorsAsync();
        await Daten.GehaltenerTerminAsync();
        var nachher = await IndicatorsAsync();

        decimal Zuwachs(string key, string? ags = null) => nachher.Value(key, ags) - vorher.Value(key, ags);
        Assert.Multiple(() =>
        {
            Assert.That(Zuwachs(SchulungenIndikatoren.DurchgefuehrteTermine, Erbach), Is.EqualTo(1));
            Assert.That(Zuwachs(SchulungenIndikatoren.DurchgefuehrteTermine), Is.EqualTo(1));
            Assert.That(Zuwachs(SchulungenIndikatoren.DurchgefuehrteTermine, Michelstadt), Is.Zero);
            Assert.That(Zuwachs(SchulungenIndikatoren.Teilnehmende), Is.EqualTo(5));
            Assert.That(Zuwachs(SchulungenIndikatoren.ErreichteSchulen, Michelstadt), Is.EqualTo(1), "one school, however many of its staff came");
            Assert.That(Zuwachs(SchulungenIndikatoren.ErreichteSchulen, Erbach), Is.Zero);
            Assert.That(nachher.Snapshots.Single(s => s.Key == SchulungenIndikatoren.DurchgefuehrteTermine && s.MunicipalityAgs is null).Kind, Is.EqualTo(IndicatorKind.Flow));
        });
    }

    [Test]
    public async Task The_average_feedback_counts_once_a_session_with_five_answers_is_evaluated()
    {
        var (termin, adressen, _) = await Daten.GehaltenerTerminAsync();
        using (var anforderung = await StaffApi.PostAsync($"/api/schulungen/termine/{termin}/feedback/anforderung", null))
        {
            Assert.That(anforderung.IsSuccessStatusCode, await anforderung.Content.ReadAsStringAsync());
        }

        int[] bewertungen = [5, 4, 4, 3, 5];
        for (var i = 0; i < adressen.Count; i++)
        {
            var link = Host.LinkInLastMail(adressen[i], "/schulungen/feedback/");
            using var antwort = await Host.Anonymous().PostAsJsonAsync($"/api/schulungen/feedback/{link[(link.LastIndexOf('/') + 1)..]}", new { gesamt = bewertungen[i] });
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await antwort.Content.ReadAsStringAsync());
        }

        var beantwortet = (await IndicatorsAsync()).Value(SchulungenIndikatoren.Feedback);
        await Daten.StatusAsync(termin, "ausgewertet");
        var ausgewertet = (await IndicatorsAsync()).Value(SchulungenIndikatoren.Feedback);

        Assert.Multiple(() =>
        {
            Assert.That(beantwortet, Is.Zero, "not before the session is evaluated");
            Assert.That(ausgewertet, Is.EqualTo(4.2m));
        });
    }

    [Test]
    public async Task Who_waits_for_a_session_not_yet_held_counts_as_unmet_demand_where_it_takes_place()
    {
        var termin = await Daten.OffenerTerminAsync(Michelstadt, 1, 21);
        await Daten.AnmeldenAsync(termin.Id, ReichweiteDaten.NeueAdresse());
        var wartend = ReichweiteDaten.NeueAdresse();

        var zuwachs = await Indicators.ChangeAsync(Host, SchulungenIndikatoren.Warteliste, Michelstadt, () => Daten.AnmeldenAsync(termin.Id, wartend));
        var kreis = await Indicators.ChangeAsync(Host, SchulungenIndikatoren.Warteliste, null, () => Daten.StatusAsync(termin.Id, "abgesagt"));

        Assert.Multiple(() =>
        {
            Assert.That(zuwachs, Is.EqualTo(1));
            Assert.That(kreis, Is.EqualTo(-1), "a cancelled session's waiting list waits for nothing any more");
        });
    }

    [Test]
    public async Task Sessions_are_found_as_linkable_records_by_whoever_may_see_them_and_their_status_changes_reach_who_follows_them()
    {
        var termin = await Daten.OffenerTerminAsync(Erbach, 10, 21);
        using var andereKommune = await ApiAsync("kommune-michelstadt", TestGrant.For(Anwesenheit, Michelstadt));
        using var ohneRecht = await ApiAsync("ohne-schulungen");
        var suche = $"/api/verknuepfungen?q={Uri.EscapeDataString(termin.Kurs)}";

        var gefunden = await StaffApi.GetFromJsonAsync<JsonElement>(suche);
        var fremd = await andereKommune.GetFromJsonAsync<JsonElement>(suche);
        var keins = await ohneRecht.GetFromJsonAsync<JsonElement>(suche);
        await Daten.StatusAsync(termin.Id, "abgesagt");
        await Host.DeliverOutboxAsync();

        var treffer = gefunden.EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(treffer.GetProperty("module").GetString(), Is.EqualTo("Schulungen"));
            Assert.That(treffer.GetProperty("kind").GetString(), Is.EqualTo("Schulungstermin"));
            Assert.That(treffer.GetProperty("key").GetString(), Is.EqualTo(termin.Id));
            Assert.That(treffer.GetProperty("title").GetString(), Is.EqualTo(termin.Kurs));
            Assert.That(treffer.GetProperty("status").GetString(), Is.EqualTo("offen für Anmeldungen"));
            Assert.That(treffer.GetProperty("municipalityAgs").GetString(), Is.EqualTo(Erbach));
            Assert.That(treffer.GetProperty("link").GetString(), Is.EqualTo($"/schulungen/termine/{termin.Id}"));
            Assert.That(fremd.GetArrayLength(), Is.Zero, "a grant for Michelstadt does not see a session in Erbach");
            Assert.That(keins.GetArrayLength(), Is.Zero);
            Assert.That(Empfangen().Where(n => n.Key == termin.Id).Select(n => n.Status), Is.EqualTo(new[] { "offen für Anmeldungen", "abgesagt" }));
            Assert.That(Empfangen().Where(n => n.Key == termin.Id).Select(n => (n.Module, n.Kind, n.Title, n.Link)).Distinct(),
                Is.EqualTo(new[] { ("Schulungen", "Schulungstermin", termin.Kurs, $"/schulungen/termine/{termin.Id}") }));
        });
    }

    /// <summary>
    /// What the Verbraucher test plugin heard of linkable records: it keeps them in a static queue of its load context
    /// (the plugin may be loaded in more than one — the host reads manifests, and other fixtures' hosts may linger).
    /// </summary>
    private static IEnumerable<LinkableRecordChanged> Empfangen()
        => AssemblyLoadContext.All.SelectMany(c => c.Assemblies)
            .Where(a => a.GetName().Name == "IntegrationsPlattform.TestPlugins.Verbraucher")
            .SelectMany(a => (IEnumerable<LinkableRecordChanged>)a.GetType("IntegrationsPlattform.TestPlugins.Verbraucher.VerknuepfungBeobachter")!.GetField("Empfangen")!.GetValue(null)!);
}
