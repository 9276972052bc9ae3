using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using IntegrationsPlattform.Modules.Lotsen.Tests.Register;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// Matching keeps the active Lotsen's profiles in memory. These tests prove that it never answers from a
/// stale copy: after every kind of write through the API, and after rows written straight into the
/// database file, the very next suggestion call shows the change; calls racing with writes see one state
/// or the other, never a mix. Each test uses its own language, so that only its own Lotsen compete.
/// </summary>
public sealed class MatchingprofileTests : LotsenFixture
{
    private const string Geladen = "Matching-Profile geladen";
    private static readonly DateOnly Dienstag = Testdaten.Naechster(DayOfWeek.Tuesday);

    [Test]
    public async Task The_profiles_are_served_from_memory_until_the_registry_changes_and_reloaded_once_after()
    {
        using (var db = ModuleDatabase())
        {
            Testdaten.Anlegen(db, new("Wanja", Sprachen: [("wo", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync("wo");
        await VorschlaegeAsync(anfrage);
        var nachErstem = Ladevorgaenge();
        await VorschlaegeAsync(anfrage);
        await VorschlaegeAsync(anfrage);
        var ohneAenderung = Ladevorgaenge() - nachErstem;

        using (var db = ModuleDatabase())
        {
            Testdaten.Anlegen(db, new("Wilma", Sprachen: [("wo", "gut")]));
        }

        var vorher = Ladevorgaenge();
        var gleichzeitig = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => VorschlaegeAsync(anfrage)));
        var nachAenderung = Ladevorgaenge() - vorher;

        Assert.Multiple(() =>
        {
            Assert.That(ohneAenderung, Is.Zero, "no write, no reload: the suggestions came from memory");
            Assert.That(nachAenderung, Is.EqualTo(1), "eight calls after one write: one reload, the others waited for it");
            Assert.That(gleichzeitig.Select(v => v.Count(x => x.Name == "Wilma Test")), Is.All.EqualTo(1));
        });
    }

    [Test]
    public async Task A_Lotse_registered_trained_and_activated_through_the_API_is_suggested_from_the_moment_she_is_active()
    {
        var anfrage = await NeueAnfrageAsync("yo");
        var id = await LotsenApi.AnlegenAsync(StaffApi, LotsenApi.Gueltig("Neu", "Yaa", ["yo"]));
        var interessiert = await EigeneAsync(anfrage, id);
        await ErfolgreichAsync(LotsenApi.QualifikationAsync(StaffApi, id));
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "in_schulung"));
        var inSchulung = await EigeneAsync(anfrage, id);
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "aktiv"));
        var aktiv = await EigeneAsync(anfrage, id);

        Assert.Multiple(() =>
        {
            Assert.That(interessiert, Is.Empty);
            Assert.That(inSchulung, Is.Empty);
            Assert.That(aktiv.Select(v => v.Name), Is.EqualTo(new[] { "Yaa Neu" }));
            Assert.That(aktiv.Single().Gruende, Has.Some.EqualTo("spricht Yoruba (Muttersprache)"));
        });
    }

    [Test]
    public async Task Changes_of_languages_level_municipalities_and_name_through_the_API_show_on_the_next_call()
    {
        var id = await AktiverLotseAsync(LotsenApi.Gueltig("Vorher", "Ige", ["ig"]));
        var igbo = await NeueAnfrageAsync("ig");
        var hausa = await NeueAnfrageAsync("ha");
        var vorherIgbo = await EigeneAsync(igbo, id);
        var vorherHausa = await EigeneAsync(hausa, id);

        var geaendert = LotsenApi.Gueltig("Nachher", "Ige", ["ha", "ig"], [LotsenApi.Michelstadt]);
        await ErfolgreichAsync(StaffApi.PutAsync($"/api/lotsen/lotsen/{id}", LotsenApi.Json(geaendert)));
        var nachherIgbo = await EigeneAsync(igbo, id);
        var nachherHausa = await EigeneAsync(hausa, id);

        geaendert["sprachen"] = new JsonArray(new JsonObject { ["code"] = "ha", ["niveau"] = "grundkenntnisse" });
        await ErfolgreichAsync(StaffApi.PutAsync($"/api/lotsen/lotsen/{id}", LotsenApi.Json(geaendert)));
        var ohneIgbo = await EigeneAsync(igbo, id);
        var grundkenntnisse = await EigeneAsync(hausa, id);

        Assert.Multiple(() =>
        {
            Assert.That(vorherIgbo.Single().Gruende, Has.Some.EqualTo("spricht Igbo (Muttersprache)").And.Some.EqualTo("ist in Erbach tätig"));
            Assert.That(vorherHausa, Is.Empty);
            Assert.That(nachherHausa.Single().Gruende, Has.Some.EqualTo("spricht Hausa (Muttersprache)"));
            Assert.That(nachherIgbo.Single().Gruende, Has.Some.EqualTo("spricht Igbo (gut)"));
            Assert.That(nachherIgbo.Single().Einschraenkungen, Has.Some.EqualTo("nicht in Erbach tätig"));
            Assert.That(nachherIgbo.Single().Name, Is.EqualTo("Ige Nachher"));
            Assert.That(ohneIgbo, Is.Empty);
            Assert.That(grundkenntnisse.Single().Gruende, Has.Some.EqualTo("spricht Hausa (Grundkenntnisse)"));
        });
    }

    [Test]
    public async Task A_Basisqualifizierung_recorded_through_the_API_makes_a_Lotse_suggestable_on_the_next_call()
    {
        string id;
        using (var db = ModuleDatabase())
        {
            id = Testdaten.Anlegen(db, new("Omari", Sprachen: [("om", "muttersprache")], Basisqualifizierung: false));
        }

        var anfrage = await NeueAnfrageAsync("om");
        var ohne = await EigeneAsync(anfrage, id);
        await ErfolgreichAsync(LotsenApi.QualifikationAsync(StaffApi, id));
        var mit = await EigeneAsync(anfrage, id);

        Assert.Multiple(() =>
        {
            Assert.That(ohne, Is.Empty, "without the Basisqualifizierung a Lotse is not suitable");
            Assert.That(mit.Select(v => v.Name), Is.EqualTo(new[] { "Omari Test" }));
        });
    }

    [Test]
    public async Task A_paused_Lotse_drops_out_on_the_next_call_comes_back_when_active_and_a_Lotse_who_left_is_gone()
    {
        var id = await AktiverLotseAsync(LotsenApi.Gueltig("Pause", "Sefu", ["sw"]));
        var anfrage = await NeueAnfrageAsync("sw");
        var aktiv = await EigeneAsync(anfrage, id);
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "pausiert", "Urlaub"));
        var pausiert = await EigeneAsync(anfrage, id);
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "aktiv"));
        var wieder = await EigeneAsync(anfrage, id);
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "ausgeschieden", "Umzug"));
        var ausgeschieden = await EigeneAsync(anfrage, id);

        Assert.Multiple(() =>
        {
            Assert.That(aktiv, Has.Count.EqualTo(1));
            Assert.That(pausiert, Is.Empty);
            Assert.That(wieder, Has.Count.EqualTo(1));
            Assert.That(ausgeschieden, Is.Empty);
        });
    }

    [Test]
    public async Task A_Lotse_erased_by_a_DSGVO_request_is_no_longer_suggested()
    {
        var email = $"{Guid.NewGuid():N}@demo.invalid";
        var id = await AktiverLotseAsync(LotsenApi.Gueltig("Loeschen", "Tala", ["tl"], email: email));
        var anfrage = await NeueAnfrageAsync("tl");
        var vorher = await EigeneAsync(anfrage, id);
        using var erase = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            email,
            records = new[] { new { module = "Lotsen", recordType = "Lotse", recordId = id } },
        });
        var nachher = await EigeneAsync(anfrage, id);

        Assert.Multiple(() =>
        {
            Assert.That(vorher.Select(v => v.Name), Is.EqualTo(new[] { "Tala Loeschen" }));
            Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(nachher, Is.Empty, "erased: no languages, and never the name again");
        });
    }

    [Test]
    public async Task Rows_written_straight_into_the_database_file_show_on_the_next_call()
    {
        var anfrage = await NeueAnfrageAsync("th");
        string id;
        using (var db = ModuleDatabase())
        {
            id = Testdaten.Anlegen(db, new("Thanom", Sprachen: [("th", "gut")]));
        }

        async Task<List<Vorschlag>> NachAsync(params string[] sql)
        {
            using (var db = ModuleDatabase())
            {
                foreach (var anweisung in sql)
                {
                    Assert.That(db.Execute(anweisung, new { id }), Is.GreaterThan(0), anweisung);
                }
            }

            return await EigeneAsync(anfrage, id);
        }

        var neu = await EigeneAsync(anfrage, id);
        var niveau = await NachAsync("UPDATE lotse_sprachen SET niveau = 'muttersprache' WHERE lotse_id = @id");
        var name = await NachAsync("UPDATE lotsen SET vorname = 'Thida' WHERE id = @id");
        var ohneKommune = await NachAsync("DELETE FROM lotse_kommunen WHERE lotse_id = @id");
        var ohneThema = await NachAsync("DELETE FROM lotse_themen WHERE lotse_id = @id");
        var montags = await NachAsync("UPDATE lotse_verfuegbarkeit SET wochentag = 1 WHERE lotse_id = @id");
        var pausiert = await NachAsync("UPDATE lotsen SET status = 'pausiert' WHERE id = @id");
        var ohneBasis = await NachAsync("UPDATE lotsen SET status = 'aktiv' WHERE id = @id", "DELETE FROM lotse_qualifikationen WHERE lotse_id = @id");

        Assert.Multiple(() =>
        {
            Assert.That(neu.Single().Gruende, Has.Some.EqualTo("spricht Thailändisch (gut)"));
            Assert.That(niveau.Single().Gruende, Has.Some.EqualTo("spricht Thailändisch (Muttersprache)"));
            Assert.That(name.Single().Name, Is.EqualTo("Thida Test"));
            Assert.That(ohneKommune.Single().Einschraenkungen, Has.Some.EqualTo("nicht in Erbach tätig"));
            Assert.That(ohneThema.Single().Einschraenkungen, Has.Some.EqualTo("Thema Behörden nicht angegeben"));
            Assert.That(montags.Single().FruehesterTag, Is.EqualTo(Dienstag.AddDays(6).ToString("yyyy-MM-dd")), "Tuesday to Monday: the request's last day");
            Assert.That(pausiert, Is.Empty);
            Assert.That(ohneBasis, Is.Empty);
        });
    }

    [Test]
    public async Task Calls_racing_with_writes_see_the_Lotse_before_or_after_each_write_never_a_mix()
    {
        var id = await AktiverLotseAsync(LotsenApi.Gueltig("Wechsel", "Kim", ["ko"]));
        var anfrage = await NeueAnfrageAsync("ko");
        var zustandA = LotsenApi.Gueltig("Wechsel", "Kim", ["ko"]);
        var zustandB = LotsenApi.Gueltig("Wechsel", "Kim", ["ko"], [LotsenApi.Michelstadt], ["schule"]);
        zustandB["sprachen"] = new JsonArray(new JsonObject { ["code"] = "ko", ["niveau"] = "gut" });

        var fertig = false;
        var gelesen = 0;
        var gesehen = new System.Collections.Concurrent.ConcurrentBag<Vorschlag?>();
        async Task LesenAsync()
        {
            using var client = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
            while (!Volatile.Read(ref fertig))
            {
                var liste = await client.GetFromJsonAsync<List<Vorschlag>>($"/api/lotsen/anfragen/{anfrage}/vorschlaege");
                gesehen.Add(liste!.SingleOrDefault(v => v.LotseId == id));
                Interlocked.Increment(ref gelesen);
            }
        }

        var leser = Enumerable.Range(0, 4).Select(_ => Task.Run(LesenAsync)).ToList();
        for (var i = 0; i < 12; i++)
        {
            await ErfolgreichAsync(StaffApi.PutAsync($"/api/lotsen/lotsen/{id}", LotsenApi.Json(i % 2 == 0 ? zustandB : zustandA)));
            // Eight more answers: at least four of them asked after this write (four readers), so every state is seen.
            var ziel = Volatile.Read(ref gelesen) + 8;
            while (Volatile.Read(ref gelesen) < ziel && !leser.Any(t => t.IsCompleted))
            {
                await Task.Delay(5);
            }
        }

        Volatile.Write(ref fertig, true);
        await Task.WhenAll(leser);
        var danach = await EigeneAsync(anfrage, id);

        static bool IstA(Vorschlag v) => v.Gruende.Contains("spricht Koreanisch (Muttersprache)") && v.Gruende.Contains("ist in Erbach tätig") && v.Gruende.Contains("Thema Behörden");
        static bool IstB(Vorschlag v) => v.Gruende.Contains("spricht Koreanisch (gut)") && v.Einschraenkungen.Contains("nicht in Erbach tätig") && v.Einschraenkungen.Contains("Thema Behörden nicht angegeben");
        Assert.Multiple(() =>
        {
            Assert.That(gesehen, Has.None.Null, "the Lotse never vanished half-written");
            Assert.That(gesehen.Where(v => v is not null && !IstA(v) && !IstB(v)), Is.Empty, "every answer is one whole state");
            // Six writes of each state, each followed by at least four calls asked after it and answered before the next write.
            Assert.That(gesehen.Count(v => v is not null && IstB(v)), Is.GreaterThanOrEqualTo(24), "the calls after each write to B saw B");
            Assert.That(gesehen.Count(v => v is not null && IstA(v)), Is.GreaterThanOrEqualTo(24), "the calls after each write back to A saw A");
            Assert.That(IstA(danach.Single()), Is.True, "after the last write (back to the first state) the next call shows it");
        });
    }

    // --- helpers ---

    private sealed record Vorschlag(int Rang, string LotseId, string Name, string? FruehesterTag, List<string> Gruende, List<string> Einschraenkungen);

    private int Ladevorgaenge() => Host.Logs.Lines.Count(l => l.Contains(Geladen, StringComparison.Ordinal));

    private static async Task ErfolgreichAsync(Task<HttpResponseMessage> aufruf)
    {
        using var response = await aufruf;
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> AktiverLotseAsync(JsonObject body)
    {
        var id = await LotsenApi.AnlegenAsync(StaffApi, body);
        await ErfolgreichAsync(LotsenApi.QualifikationAsync(StaffApi, id));
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "in_schulung"));
        await ErfolgreichAsync(LotsenApi.StatusAsync(StaffApi, id, "aktiv"));
        return id;
    }

    private async Task<string> NeueAnfrageAsync(string sprache)
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("M.P.", [sprache], von: Dienstag, bis: Dienstag.AddDays(6)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<List<Vorschlag>> VorschlaegeAsync(string anfrage)
        => (await StaffApi.GetFromJsonAsync<List<Vorschlag>>($"/api/lotsen/anfragen/{anfrage}/vorschlaege"))!;

    /// <summary>The suggestions among the given Lotsen only (the demo Lotsen may speak the language too).</summary>
    private async Task<List<Vorschlag>> EigeneAsync(string anfrage, params string[] ids)
        => (await VorschlaegeAsync(anfrage)).Where(v => ids.Contains(v.LotseId)).ToList();
}
