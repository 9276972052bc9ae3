using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// The contracts as another module uses them: a test plugin (LotsenNutzer, standing in for health
/// access) asks for availability, hands over a need and hears when it was matched and closed.
/// </summary>
public sealed class VertraegeTests : LotsenFixture
{
    private const string Brensbach = "06437003";

    [Test]
    public async Task Availability_answers_counts_and_the_earliest_day_only()
    {
        var vorher = await VerfuegbarkeitAsync("hy", Brensbach);
        using (var db = ModuleDatabase())
        {
            Testdaten.Anlegen(db, new("Ani", Sprachen: [("hy", "muttersprache")], Kommunen: [Brensbach], Fenster: [(3, "14:00", "17:00")]));
            Testdaten.Anlegen(db, new("Aram", Status: "pausiert", Sprachen: [("hy", "muttersprache")], Kommunen: [Brensbach]));
            Testdaten.Anlegen(db, new("Arpi", Sprachen: [("hy", "muttersprache")], Kommunen: [Testdaten.Erbach]));
        }

        var nachher = await VerfuegbarkeitAsync("hy", Brensbach);
        var text = nachher.GetRawText();
        var mittwoch = Testdaten.Naechster(DayOfWeek.Wednesday, abstandTage: 0);
        Assert.Multiple(() =>
        {
            Assert.That(vorher.GetProperty("aktiveLotsen").GetInt32(), Is.Zero);
            Assert.That(nachher.GetProperty("aktiveLotsen").GetInt32(), Is.EqualTo(1), "only the active Lotse serving Brensbach");
            Assert.That(nachher.GetProperty("fruehesterTag").GetString(), Is.EqualTo(mittwoch.ToString("yyyy-MM-dd")).Or.EqualTo(mittwoch.AddDays(7).ToString("yyyy-MM-dd")));
            Assert.That(text, Does.Not.Contain("Ani"), "no personal data crosses the contract");
        });
    }

    [Test]
    public async Task A_handed_over_need_becomes_a_request_and_its_matching_and_closing_are_announced()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Nutzerin", Sprachen: [("bg", "muttersprache")], Themen: ["gesundheit"]));
        }

        var tag = Testdaten.Naechster(DayOfWeek.Tuesday);
        using var uebergabe = await StaffApi.PostAsJsonAsync("/api/lotsennutzer/begleitung", new { kennung = "Fam. K.", sprache = "bg", kommune = Testdaten.Erbach, ab = tag.ToString("yyyy-MM-dd") });
        var anfrage = (await uebergabe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anfrageId").GetString();
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{anfrage}");
        using var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = tag.ToString("yyyy-MM-dd"), beginn = "09:30", dauerMinuten = 60 });
        using var abgebrochen = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/status", new { status = "abgebrochen", grund = "Familie umgezogen" });
        await Host.DeliverOutboxAsync();
        var ereignisse = await StaffApi.GetFromJsonAsync<string[]>("/api/lotsennutzer/ereignisse");

        Assert.Multiple(() =>
        {
            Assert.That(uebergabe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(detail.GetProperty("quelleModul").GetString(), Is.EqualTo("LotsenNutzer"));
            Assert.That(detail.GetProperty("vermitteltDurch").GetString(), Is.EqualTo("modul"));
            Assert.That(vermittelt.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(abgebrochen.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(ereignisse, Does.Contain($"vermittelt {anfrage} LotsenNutzer").And.Contain($"abgebrochen {anfrage} LotsenNutzer"));
        });
    }

    [Test]
    public async Task A_need_handed_over_through_the_outbox_is_answered_with_its_correlation_id_and_the_Lotse_is_mailed_once()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Postausgang", Sprachen: [("ka", "muttersprache")], Themen: ["gesundheit"], Email: "postausgang@lotsen.invalid"));
        }

        var tag = Testdaten.Naechster(DayOfWeek.Tuesday);
        using var uebergabe = await StaffApi.PostAsJsonAsync("/api/lotsennutzer/begleitung-ueber-postausgang", new { kennung = "Fam. G.", sprache = "ka", kommune = Testdaten.Erbach, ab = tag.ToString("yyyy-MM-dd") });
        var korrelation = (await uebergabe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("korrelationsId").GetString();
        var vorDerZustellung = await StaffApi.GetFromJsonAsync<string[]>("/api/lotsennutzer/ereignisse");
        await Host.DeliverOutboxAsync();
        var angelegt = (await StaffApi.GetFromJsonAsync<string[]>("/api/lotsennutzer/ereignisse"))!.Single(e => e.EndsWith($" LotsenNutzer {korrelation}", StringComparison.Ordinal) && e.StartsWith("angelegt ", StringComparison.Ordinal));
        var anfrage = angelegt.Split(' ')[1];
        using var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = tag.ToString("yyyy-MM-dd"), beginn = "09:30", dauerMinuten = 60 });
        await Host.DeliverOutboxAsync();
        await Host.DeliverOutboxAsync();
        var ereignisse = await StaffApi.GetFromJsonAsync<string[]>("/api/lotsennutzer/ereignisse");

        Assert.Multiple(() =>
        {
            Assert.That(uebergabe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(vorDerZustellung, Has.None.Contains(korrelation!), "the hand-over is delivered after the sender's commit, not within its request");
            Assert.That(Count("anfragen", "id = @anfrage AND quelle_modul = 'LotsenNutzer' AND korrelations_id = @korrelation", new { anfrage, korrelation }), Is.EqualTo(1));
            Assert.That(vermittelt.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(ereignisse, Does.Contain($"vermittelt {anfrage} LotsenNutzer {korrelation}"));
            Assert.That(Host.MailsTo("postausgang@lotsen.invalid"), Has.Count.EqualTo(1), "the assignment mail, through the Lotsen outbox, once");
        });
    }

    [Test]
    public async Task A_handed_over_need_with_an_unknown_language_is_refused_and_nothing_is_written()
    {
        var vorher = Count("anfragen");
        using var uebergabe = await StaffApi.PostAsJsonAsync("/api/lotsennutzer/begleitung", new { kennung = "Fam. X.", sprache = "klingonisch", kommune = Testdaten.Erbach, ab = "2026-12-01" });

        Assert.Multiple(async () =>
        {
            Assert.That(uebergabe.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await uebergabe.Content.ReadAsStringAsync(), Does.Contain("klingonisch"));
            Assert.That(Count("anfragen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_handed_over_need_is_judged_by_the_Lotsen_rules_not_by_the_Lotsen_grant_of_the_user_of_the_other_module()
    {
        const string Oberzent = "06437014";
        var ab = DateOnly.FromDateTime(Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var nutzer = await TestKonten.ApiAsync(Host, AdminApi, "gesundheit",
            TestKonten.Recht("lotsennutzer.nutzen"), TestKonten.Recht("lotsen.bearbeiten", Testdaten.Erbach));

        using var uebergabe = await nutzer.PostAsJsonAsync("/api/lotsennutzer/begleitung", new { kennung = "Fam. O.", sprache = "ar", kommune = Oberzent, ab });
        var anfrage = (await uebergabe.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anfrageId").GetString();
        var vorher = Count("anfragen");
        using var ausserhalbDesKreises = await nutzer.PostAsJsonAsync("/api/lotsennutzer/begleitung", new { kennung = "Fam. O.", sprache = "ar", kommune = "06411000", ab });

        Assert.Multiple(() =>
        {
            Assert.That(uebergabe.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Erbach grant of the user plays no part");
            Assert.That(Count("anfragen", "id = @anfrage AND kommune_ags = @Oberzent AND quelle_modul = 'LotsenNutzer'", new { anfrage, Oberzent }), Is.EqualTo(1));
            Assert.That(ausserhalbDesKreises.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "the module's own rule: a municipality of the Kreis");
            Assert.That(Count("anfragen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task With_the_Lotsen_module_off_the_consumer_is_told_so_instead_of_failing()
    {
        using var host = new PlatformHost(new Dictionary<string, string?> { ["Modules:Lotsen:Enabled"] = "false", ["Modules:LotsenNutzer:Enabled"] = "true" });
        using var staff = await host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

        var verfuegbarkeit = await staff.GetFromJsonAsync<JsonElement>($"/api/lotsennutzer/verfuegbarkeit?sprache=ar&kommune={Testdaten.Erbach}");
        using var uebergabe = await staff.PostAsJsonAsync("/api/lotsennutzer/begleitung", new { kennung = "Fam. K.", sprache = "ar", kommune = Testdaten.Erbach, ab = "2026-12-01" });
        var antwort = await uebergabe.Content.ReadFromJsonAsync<JsonElement>();
        using var postausgang = await staff.PostAsJsonAsync("/api/lotsennutzer/begleitung-ueber-postausgang", new { kennung = "Fam. K.", sprache = "ar", kommune = Testdaten.Erbach, ab = TestClock.Today.ToString("yyyy-MM-dd") });
        var ueberPostausgang = await postausgang.Content.ReadFromJsonAsync<JsonElement>();
        long wartend;
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={host.ModuleDatabase("LotsenNutzer")};Pooling=False"))
        {
            wartend = Dapper.SqlMapper.ExecuteScalar<long>(db, "SELECT count(*) FROM platform_outbox");
        }

        Assert.Multiple(() =>
        {
            Assert.That(verfuegbarkeit.GetProperty("lotsenAktiv").GetBoolean(), Is.False);
            Assert.That(uebergabe.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(antwort.GetProperty("lotsenAktiv").GetBoolean(), Is.False);
            Assert.That(ueberPostausgang.GetProperty("lotsenAktiv").GetBoolean(), Is.False, "the sender learns at once that Lotsen is off");
            Assert.That(wartend, Is.Zero, "and nothing waits in its outbox");
        });
    }

    private async Task<JsonElement> VerfuegbarkeitAsync(string sprache, string kommune)
        => await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsennutzer/verfuegbarkeit?sprache={sprache}&kommune={kommune}");
}
