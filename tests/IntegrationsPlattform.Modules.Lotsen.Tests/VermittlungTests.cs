using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Matching, assigning and assignments through the API, with the rules that must hold under concurrency.</summary>
public sealed class VermittlungTests : LotsenFixture
{
    private static readonly DateOnly Dienstag = Testdaten.Naechster(DayOfWeek.Tuesday);

    [Test]
    public async Task Suggestions_rank_language_then_municipality_then_topic_and_leave_out_the_unsuitable()
    {
        string passt, andereKommune, schlechtereSprache, pausiert, ohneBasis, andereSprache;
        using (var db = ModuleDatabase())
        {
            passt = Testdaten.Anlegen(db, new("Amal", Sprachen: [("ps", "muttersprache")]));
            andereKommune = Testdaten.Anlegen(db, new("Bilal", Sprachen: [("ps", "muttersprache")], Kommunen: [Testdaten.Michelstadt]));
            schlechtereSprache = Testdaten.Anlegen(db, new("Chadi", Sprachen: [("ps", "gut")]));
            pausiert = Testdaten.Anlegen(db, new("Dana", Status: "pausiert", Sprachen: [("ps", "muttersprache")]));
            ohneBasis = Testdaten.Anlegen(db, new("Emre", Sprachen: [("ps", "muttersprache")], Basisqualifizierung: false));
            andereSprache = Testdaten.Anlegen(db, new("Farid", Sprachen: [("fa", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync(["ps"]);
        var vorschlaege = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{anfrage}/vorschlaege");
        // The demo Lotsen who speak Paschtu are ranked too: the order is checked among this test's own.
        var eigene = new[] { passt, andereKommune, schlechtereSprache, pausiert, ohneBasis, andereSprache };
        var unsere = vorschlaege.EnumerateArray().Where(v => eigene.Contains(v.GetProperty("lotseId").GetString())).ToList();
        var ids = unsere.Select(v => v.GetProperty("lotseId").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.EqualTo(new[] { passt, andereKommune, schlechtereSprache }), "Muttersprache before gut; in Erbach before elsewhere");
            Assert.That(ids, Does.Not.Contain(pausiert).And.Not.Contain(ohneBasis).And.Not.Contain(andereSprache));
            var erster = unsere[0];
            Assert.That(erster.GetProperty("gruende").EnumerateArray().Select(g => g.GetString()), Has.Some.Contains("Paschtu (Muttersprache)").And.Some.Contains("Erbach"));
            Assert.That(erster.GetProperty("fruehesterTag").GetString(), Is.EqualTo(Dienstag.ToString("yyyy-MM-dd")));
            Assert.That(unsere[1].GetProperty("einschraenkungen").EnumerateArray().Select(g => g.GetString()), Has.Some.Contains("nicht in Erbach"));
        });
    }

    [Test]
    public async Task Suggestions_list_the_best_25_only()
    {
        using (var db = ModuleDatabase())
        {
            for (var i = 0; i < 30; i++)
            {
                Testdaten.Anlegen(db, new($"Viele{i:00}", Sprachen: [("ln", "muttersprache")]));
            }
        }

        var anfrage = await NeueAnfrageAsync(["ln"]);
        var vorschlaege = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{anfrage}/vorschlaege");

        Assert.Multiple(() =>
        {
            Assert.That(vorschlaege.GetArrayLength(), Is.EqualTo(25));
            Assert.That(vorschlaege.EnumerateArray().Select(v => v.GetProperty("rang").GetInt32()), Is.EqualTo(Enumerable.Range(1, 25)));
        });
    }

    [Test]
    public async Task Assigning_matches_the_request_plans_the_assignment_and_mails_the_Lotse_a_calendar_entry()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Gül", Sprachen: [("tr", "muttersprache")], Email: "guel@demo.invalid"));
        }

        var anfrage = await NeueAnfrageAsync(["tr"]);
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse, "10:00", 60));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());

        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{anfrage}");
        var mail = await WaitForMailAsync("guel@demo.invalid");
        Assert.Multiple(() =>
        {
            Assert.That(detail.GetProperty("status").GetString(), Is.EqualTo("vermittelt"));
            Assert.That(detail.GetProperty("lotseId").GetString(), Is.EqualTo(lotse));
            Assert.That(detail.GetProperty("einsaetze").GetArrayLength(), Is.EqualTo(1));
            Assert.That(mail, Does.Not.Contain("A.B."), "the pseudonym of the person seeking advice stays behind the login");
        });

        // The invitation, as Outlook and Thunderbird read it: an iTIP request in Berlin time that asks for no answer by mail.
        var einsatz = detail.GetProperty("einsaetze")[0].GetProperty("id").GetString();
        var einladung = Host.MailsTo("guel@demo.invalid").Single().Attachments.OfType<MimeKit.MimePart>().Single(a => a.ContentType.MimeType == "text/calendar");
        using var inhalt = new MemoryStream();
        await einladung.Content!.DecodeToAsync(inhalt);
        var kalender = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(inhalt.ToArray()))!;
        var termin = kalender.Events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(einladung.ContentType.Parameters["method"], Is.EqualTo("REQUEST"));
            Assert.That(kalender.Method, Is.EqualTo("REQUEST"));
            Assert.That(kalender.TimeZones.Select(z => z.TzId), Is.EqualTo(new[] { "Europe/Berlin" }));
            Assert.That(termin.Uid, Is.EqualTo($"{einsatz}@lotsen.integrationsplattform"));
            Assert.That(termin.Attendees.Single().Value, Is.EqualTo(new Uri("mailto:guel@demo.invalid")));
            Assert.That(termin.Attendees.Single().Rsvp, Is.False);
            Assert.That(termin.Organizer, Is.Not.Null);
            Assert.That(termin.Url!.AbsolutePath, Is.EqualTo($"/lotsen/einsaetze/{einsatz}"));
        });
    }

    [Test]
    public async Task Outside_the_availability_a_reason_is_needed_to_override()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Hana", Sprachen: [("so", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync(["so"]);
        using var ohneGrund = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse, "15:00", 60));
        var problem = await ohneGrund.Content.ReadAsStringAsync();
        var offen = Count("anfragen", "id = @anfrage AND status = 'offen'", new { anfrage });
        using var mitGrund = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse, "15:00", 60, "Termin der Behörde steht fest"));

        Assert.Multiple(() =>
        {
            Assert.That(ohneGrund.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem, Does.Contain("abweichungGrund").And.Contain("Di 09:00–12:00"));
            Assert.That(offen, Is.EqualTo(1), "nothing written by the refused attempt");
            Assert.That(mitGrund.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Count("einsaetze", "lotse_id = @lotse AND abweichung_grund IS NOT NULL", new { lotse }), Is.EqualTo(1));
        });
    }

    [TestCase(0, TestName = "duration of zero")]
    [TestCase(-30, TestName = "negative duration")]
    [TestCase(1441, TestName = "duration over 24 hours")]
    public async Task Impossible_durations_are_refused(int minuten)
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Ines", Sprachen: [("am", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync(["am"]);
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse, "09:00", minuten, "egal"));

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("dauerMinuten"));
            Assert.That(Count("einsaetze", "lotse_id = @lotse", new { lotse }), Is.Zero);
        });
    }

    [Test]
    public async Task A_paused_Lotse_is_refused_and_an_overlapping_assignment_too()
    {
        string pausiert, aktiv;
        using (var db = ModuleDatabase())
        {
            pausiert = Testdaten.Anlegen(db, new("Jana", Status: "pausiert", Sprachen: [("ti", "muttersprache")]));
            aktiv = Testdaten.Anlegen(db, new("Kofi", Sprachen: [("ti", "muttersprache")]));
        }

        var erste = await NeueAnfrageAsync(["ti"]);
        var zweite = await NeueAnfrageAsync(["ti"]);
        using var anPausierte = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{erste}/vermittlung", Termin(pausiert, "09:00", 60));
        using var ok = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{erste}/vermittlung", Termin(aktiv, "09:00", 90));
        using var ueberschneidend = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{zweite}/vermittlung", Termin(aktiv, "10:00", 60));
        using var danach = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{zweite}/vermittlung", Termin(aktiv, "10:30", 60));

        Assert.Multiple(async () =>
        {
            Assert.That(anPausierte.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await anPausierte.Content.ReadAsStringAsync(), Does.Contain("pausiert"));
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(ueberschneidend.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await ueberschneidend.Content.ReadAsStringAsync(), Does.Contain("schon einen Einsatz"));
            Assert.That(danach.StatusCode, Is.EqualTo(HttpStatusCode.Created), "back to back is not an overlap");
        });
    }

    [Test]
    public async Task Two_staff_assigning_the_same_request_at_once_exactly_one_wins()
    {
        string lotse1, lotse2;
        using (var db = ModuleDatabase())
        {
            lotse1 = Testdaten.Anlegen(db, new("Lina", Sprachen: [("ur", "muttersprache")]));
            lotse2 = Testdaten.Anlegen(db, new("Malik", Sprachen: [("ur", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync(["ur"]);
        using var zweite = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var antworten = await Task.WhenAll(
            StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse1, "09:00", 60)),
            zweite.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse2, "09:00", 60)));

        var codes = antworten.Select(a => a.StatusCode).OrderBy(c => c).ToList();
        var verlierer = antworten.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Multiple(async () =>
        {
            Assert.That(codes, Is.EqualTo(new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
            Assert.That(await verlierer.Content.ReadAsStringAsync(), Does.Contain("inzwischen schon"));
            Assert.That(Count("einsaetze", "anfrage_id = @anfrage", new { anfrage }), Is.EqualTo(1));
        });
    }

    [Test]
    public void The_database_itself_lets_only_one_of_two_racing_connections_match_a_request()
    {
        string anfrage = Guid.CreateVersion7().ToString(), lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Nour", Sprachen: [("ar", "muttersprache")]));
            db.Execute(
                "INSERT INTO anfragen (id, kennung, thema, kommune_ags, datum_von, datum_bis, vermittelt_durch, angelegt_am) VALUES (@anfrage, 'R.', 'behoerden', @ags, '2026-12-01', '2026-12-01', 'selbst', '2026-11-01T00:00:00Z')",
                new { anfrage, ags = Testdaten.Erbach });
        }

        using var start = new Barrier(2);
        int Versuch()
        {
            using var connection = ModuleDatabase();
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 5000");
            start.SignalAndWait();
            using var tx = connection.BeginTransaction(deferred: false);
            var rows = connection.Execute("UPDATE anfragen SET status = 'vermittelt', lotse_id = @lotse WHERE id = @anfrage AND status = 'offen'", new { anfrage, lotse }, tx);
            Thread.Sleep(50);
            tx.Commit();
            return rows;
        }

        var ergebnisse = new[] { Task.Run(Versuch), Task.Run(Versuch) }.Select(t => t.Result).OrderBy(r => r).ToList();
        Assert.That(ergebnisse, Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void The_database_itself_refuses_an_overlapping_assignment_from_a_racing_connection()
    {
        string lotse, anfrage = Guid.CreateVersion7().ToString();
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Omar", Sprachen: [("ar", "muttersprache")]));
            db.Execute(
                "INSERT INTO anfragen (id, kennung, thema, kommune_ags, datum_von, datum_bis, vermittelt_durch, status, lotse_id, angelegt_am) VALUES (@anfrage, 'R.', 'behoerden', @ags, '2026-12-01', '2026-12-01', 'selbst', 'vermittelt', @lotse, '2026-11-01T00:00:00Z')",
                new { anfrage, lotse, ags = Testdaten.Erbach });
        }

        using var start = new Barrier(2);
        string Versuch(string beginn, string ende)
        {
            using var connection = ModuleDatabase();
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 5000");
            start.SignalAndWait();
            using var tx = connection.BeginTransaction(deferred: false);
            try
            {
                connection.Execute(
                    "INSERT INTO einsaetze (id, anfrage_id, lotse_id, beginn, ende, dauer_minuten, erfasst_von, angelegt_am, geaendert_am) VALUES (@id, @anfrage, @lotse, @beginn, @ende, 60, 'Test', @beginn, @beginn)",
                    new { id = Guid.CreateVersion7().ToString(), anfrage, lotse, beginn, ende },
                    tx);
                tx.Commit();
                return "ok";
            }
            catch (SqliteException ex)
            {
                return ex.Message;
            }
        }

        var ergebnisse = new[]
        {
            Task.Run(() => Versuch("2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z")),
            Task.Run(() => Versuch("2026-12-01T09:30:00Z", "2026-12-01T10:30:00Z")),
        }.Select(t => t.Result).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ergebnisse.Count(e => e == "ok"), Is.EqualTo(1));
            Assert.That(ergebnisse.Single(e => e != "ok"), Does.Contain("einsatz_ueberschneidung"));
        });
    }

    [Test]
    public async Task A_carried_out_assignment_is_recorded_and_then_the_request_can_be_closed_as_done()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Pia", Sprachen: [("uk", "muttersprache")]));
        }

        var vergangen = Testdaten.Letzter(DayOfWeek.Tuesday);
        using var angelegt = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("U.K.", ["uk"], von: vergangen, bis: vergangen));
        var anfrage = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = vergangen.ToString("yyyy-MM-dd"), beginn = "09:00", dauerMinuten = 60 });
        var einsatz = (await vermittelt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("einsatzId").GetString();

        using var zuFrueh = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/status", new { status = "erledigt" });
        using var ohneErgebnis = await StaffApi.PostAsJsonAsync($"/api/lotsen/einsaetze/{einsatz}/erfassung", new { status = "durchgefuehrt", dauerMinuten = 75 });
        using var erfasst = await StaffApi.PostAsJsonAsync($"/api/lotsen/einsaetze/{einsatz}/erfassung", new { status = "durchgefuehrt", ergebnis = "erledigt", dauerMinuten = 75, fahrtKm = 12.5, nachbereitung = false });
        using var erledigt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/status", new { status = "erledigt" });

        Assert.Multiple(() =>
        {
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(ohneErgebnis.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(erfasst.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(erledigt.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Count("einsaetze", "id = @einsatz AND dauer_minuten = 75 AND fahrt_km = 12.5 AND status = 'durchgefuehrt'", new { einsatz }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_future_assignment_cannot_be_recorded_as_carried_out()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Rami", Sprachen: [("ku", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync(["ku"]);
        using var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", Termin(lotse, "09:00", 60));
        var einsatz = (await vermittelt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("einsatzId").GetString();
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/einsaetze/{einsatz}/erfassung", new { status = "durchgefuehrt", ergebnis = "erledigt", dauerMinuten = 60 });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    private static object Termin(string lotseId, string beginn, int dauer, string? grund = null)
        => new { lotseId, tag = Dienstag.ToString("yyyy-MM-dd"), beginn, dauerMinuten = dauer, abweichungGrund = grund };

    private async Task<string> NeueAnfrageAsync(string[] sprachen)
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("A.B.", sprachen, von: Dienstag, bis: Dienstag.AddDays(6)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string> WaitForMailAsync(string to)
    {
        var folder = Path.Combine(Host.DataDirectory, "mail");
        for (var i = 0; i < 50; i++)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var text = await File.ReadAllTextAsync(file);
                    if (text.Contains(to, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Keine Mail an {to} im Abholordner");
        return "";
    }
}
