using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>
/// What the module offers through the platform's services: its measures against barriers as linkable records (found by
/// staff who manage barriers, their status changes announced through the outbox in the change's transaction), and its
/// dated offers in the public calendar feed once published. A module that follows linked records (the Verbraucher test
/// plugin, as Konzept will) runs beside it; the outbox waits until a test delivers it.
/// </summary>
public sealed class VerknuepfungUndKalenderTests : GesundheitFixture
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override IReadOnlyList<string> Peers => ["Verbraucher"];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:Outbox:Paused"] = "true" };

    [Test]
    public async Task Staff_find_a_measure_as_a_linkable_record_and_a_provider_finds_none()
    {
        var (barriere, massnahme) = await MassnahmeAsync("Elternlotsen für den Impftermin");
        using var anbieter = await ApiAsync("anbieter-verknuepfung", TestGrant.For("gesundheit.angebote"));

        var treffer = await StaffApi.GetFromJsonAsync<JsonElement>("/api/verknuepfungen?q=" + Uri.EscapeDataString("Elternlotsen für den Impf"));
        var fuerAnbieter = await anbieter.GetFromJsonAsync<JsonElement>("/api/verknuepfungen?q=" + Uri.EscapeDataString("Elternlotsen für den Impf"));
        var eintrag = treffer.EnumerateArray().Single(t => t.GetProperty("key").GetString() == massnahme);

        Assert.Multiple(() =>
        {
            Assert.That(eintrag.GetProperty("module").GetString(), Is.EqualTo("Gesundheit"));
            Assert.That(eintrag.GetProperty("kind").GetString(), Is.EqualTo("Maßnahme gegen eine Zugangsbarriere"));
            Assert.That(eintrag.GetProperty("title").GetString(), Is.EqualTo("Elternlotsen für den Impftermin"));
            Assert.That(eintrag.GetProperty("status").GetString(), Is.EqualTo("geplant"));
            Assert.That(eintrag.GetProperty("municipalityAgs").GetString(), Is.EqualTo(Oberzent));
            Assert.That(eintrag.GetProperty("link").GetString(), Is.EqualTo($"/gesundheit/verwaltung/barrieren/{barriere}"));
            Assert.That(fuerAnbieter.EnumerateArray().Select(t => t.GetProperty("module").GetString()), Has.None.EqualTo("Gesundheit"), "providers see no barriers");
        });
    }

    [Test]
    public async Task A_measures_status_change_is_announced_through_the_outbox_with_the_change_and_a_refused_one_announces_nothing()
    {
        var (barriere, massnahme) = await MassnahmeAsync("Flyer auf Tigrinya");
        var vorher = Angekuendigt(massnahme);

        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "laufend" }));
        var nachWechsel = Angekuendigt(massnahme);
        using var verweigert = await StaffApi.PostAsJsonAsync($"/api/gesundheit/massnahmen/{massnahme}/status", new { status = "geplant" });
        var nachVerweigerung = Angekuendigt(massnahme);
        await Host.DeliverOutboxAsync();

        Assert.Multiple(() =>
        {
            Assert.That(vorher, Is.Empty, "creating a measure is no status change");
            Assert.That(nachWechsel, Has.Count.EqualTo(1));
            Assert.That(nachWechsel[0], Is.EqualTo(new Ankuendigung("Gesundheit", "Maßnahme gegen eine Zugangsbarriere", massnahme, "Flyer auf Tigrinya", "läuft", $"/gesundheit/verwaltung/barrieren/{barriere}")));
            Assert.That(verweigert.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(nachVerweigerung, Has.Count.EqualTo(1), "the refused change rolled back and queued nothing");
            Assert.That(Angekuendigt(massnahme), Is.Empty, "delivered to the module that follows it");
        });
    }

    [Test]
    public async Task A_published_offers_single_day_is_in_the_public_feed_and_a_drafts_is_not()
    {
        var anbieter = await AnbieterAsync(StaffApi, "Gesundheitsamt Impftage (Kalender)");
        var tag = TestClock.Today.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var impftag = Angebot(anbieter, titel: "Impftag in der Kita Sonnenschein");
        impftag["zeiten"] = new[] { new Dictionary<string, object?> { ["datum"] = tag, ["von"] = "14:00", ["bis"] = "17:30" } };
        var veroeffentlicht = await VeroeffentlichtAsync(StaffApi, impftag);
        var entwurf = Angebot(anbieter, titel: "Impftag im Entwurf");
        entwurf["zeiten"] = impftag["zeiten"];
        await AngebotAsync(StaffApi, entwurf);

        using var anonym = Host.Anonymous();
        var feed = await anonym.GetStringAsync("/kalender/oeffentlich.ics?modul=Gesundheit&kategorie=gesundheit.impfungen");
        var termine = Ical.Net.Calendar.Load(feed)!.Events.ToList();
        var termin = termine.Single(e => e.Summary == "Impftag in der Kita Sonnenschein");

        Assert.Multiple(() =>
        {
            Assert.That(termin.DtStart!.Value, Is.EqualTo(DateTime.Parse($"{tag}T14:00:00", System.Globalization.CultureInfo.InvariantCulture)), "local time of the Kreis");
            Assert.That(termin.DtEnd!.Value.TimeOfDay, Is.EqualTo(new TimeSpan(17, 30, 0)));
            Assert.That(termin.Location, Is.EqualTo("Gesundheitszentrum, Hauptstraße 1, 64711 Erbach"));
            Assert.That(termin.Url?.AbsolutePath, Is.EqualTo($"/gesundheit/angebote/{veroeffentlicht}"));
            Assert.That(termine.Select(e => e.Summary), Has.None.EqualTo("Impftag im Entwurf"));
        });
    }

    private async Task<(string Barriere, string Massnahme)> MassnahmeAsync(string titel)
    {
        using var angelegt = await StaffApi.PostAsJsonAsync("/api/gesundheit/barrieren", new { art = "sprache", kommuneAgs = Oberzent, sprache = "ti", beschreibung = "Niemand erklärt den Termin auf Tigrinya." });
        var barriere = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var massnahme = await StaffApi.PostAsJsonAsync($"/api/gesundheit/barrieren/{barriere}/massnahmen", new { art = "uebersetzter_flyer", titel, verantwortlich = "WIR-Vielfaltszentrum" });
        Assert.That(massnahme.StatusCode, Is.EqualTo(HttpStatusCode.Created), await massnahme.Content.ReadAsStringAsync());
        return (barriere, (await massnahme.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>The announcements of the measure that wait in Gesundheit's outbox, read back from their stored JSON.</summary>
    private List<Ankuendigung> Angekuendigt(string massnahme)
    {
        using var db = ModuleDatabase();
        return db.Query<string>("SELECT payload FROM platform_outbox WHERE type LIKE '%LinkableRecordChanged' AND payload LIKE '%' || @massnahme || '%'", new { massnahme })
            .Select(json => JsonSerializer.Deserialize<Ankuendigung>(json, Json)!)
            .ToList();
    }

    private sealed record Ankuendigung(string Module, string Kind, string Key, string Title, string Status, string Link);
}
