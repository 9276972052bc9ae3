using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// Anonymous feedback: staff request it after the last day, every attendee gets a personal single-use link by mail, the
/// answer keeps nothing that leads back to her, and a session's results show only from five answers on.
/// </summary>
public sealed class FeedbackTests : SchulungenFixture
{
    [Test]
    public async Task Every_attendee_gets_one_personal_link_and_answers_once()
    {
        var (termin, da, halb, _) = await DurchgefuehrtAsync();
        var anfrage = await AnfordernAsync(termin);
        using var nochmal = await StaffApi.PostAsync($"/api/schulungen/termine/{termin.Id}/feedback/anforderung", null);
        var link = Host.LinkInLastMail(Adresse(da), "/schulungen/feedback/");
        var token = link[(link.LastIndexOf('/') + 1)..];

        using var antwort = await Host.Anonymous().PostAsJsonAsync($"/api/schulungen/feedback/{token}", new { gesamt = 5, praxisnutzen = 4, freitext = "Sehr hilfreich für den Schulalltag." });
        using var zweiteAntwort = await Host.Anonymous().PostAsJsonAsync($"/api/schulungen/feedback/{token}", new { gesamt = 1 });
        var zweiteSeite = await PageForms.TextAsync(Host.Anonymous(), $"/schulungen/feedback/{token}");
        using var db = ModuleDatabase();

        Assert.Multiple(async () =>
        {
            Assert.That(anfrage.GetProperty("eingeladen").GetInt32(), Is.EqualTo(2), "who attended at all: fully and partly, not who did not come");
            Assert.That(nochmal.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(Host.MailsTo(Adresse(halb)), Has.Count.EqualTo(1));
            Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await antwort.Content.ReadAsStringAsync());
            Assert.That(zweiteAntwort.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(zweiteSeite, Does.Contain("Mit diesem Link wurde schon ein Feedback abgegeben"));
            Assert.That(db.ExecuteScalar<long>("SELECT count(*) FROM feedback_antworten WHERE termin_id = @id", new { id = termin.Id }), Is.EqualTo(1));
            Assert.That(db.ExecuteScalar<string>("SELECT verwendet_am FROM feedback_einladungen WHERE verwendet_am IS NOT NULL AND termin_id = @id", new { id = termin.Id }),
                Has.Length.EqualTo(10), "the day only, no time that could be matched against an answer");
        });
    }

    [Test]
    public void No_column_of_an_answer_leads_to_a_participant_or_an_invitation()
    {
        using var db = ModuleDatabase();
        var spalten = db.Query<string>("SELECT name FROM pragma_table_info('feedback_antworten')").ToList();
        var verweise = db.Query<string>("SELECT \"table\" FROM pragma_foreign_key_list('feedback_antworten')").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(spalten, Is.EquivalentTo(new[] { "id", "termin_id", "gesamt", "inhalte", "methoden", "praxisnutzen", "organisation", "freitext" }));
            Assert.That(verweise, Is.EqualTo(new[] { "termine" }));
        });
    }

    [Test]
    public async Task Feedback_is_requested_only_after_the_last_day()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1, kuenftigeTage: 1);
        NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir", "teilweise");

        using var response = await StaffApi.PostAsync($"/api/schulungen/termine/{termin.Id}/feedback/anforderung", null);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("erst nach dem letzten Termintag"));
            Assert.That(Count("feedback_einladungen", "termin_id = @id", new { id = termin.Id }), Is.Zero);
        });
    }

    [TestCase(6, "gesamt")]
    [TestCase(null, "gesamt")]
    [TestCase(0, "gesamt")]
    public async Task A_score_outside_one_to_five_is_refused_and_the_link_stays_usable(int? gesamt, string feld)
    {
        var (termin, da, _, _) = await DurchgefuehrtAsync();
        await AnfordernAsync(termin);
        var link = Host.LinkInLastMail(Adresse(da), "/schulungen/feedback/");

        using var response = await Host.Anonymous().PostAsJsonAsync("/api/schulungen" + link[link.IndexOf("/feedback/", StringComparison.Ordinal)..], new { gesamt });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out _), Is.True, problem.ToString());
            Assert.That(Count("feedback_einladungen", "termin_id = @id AND verwendet_am IS NULL", new { id = termin.Id }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task An_unknown_link_is_404_with_a_message()
    {
        using var response = await Host.Anonymous().GetAsync("/api/schulungen/feedback/kein-gueltiger-link");
        var seite = await PageForms.TextAsync(Host.Anonymous(), "/schulungen/feedback/kein-gueltiger-link");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(seite, Does.Contain("Diesen Feedback-Link gibt es nicht"));
        });
    }

    [Test]
    public async Task The_form_asks_and_refuses_in_Farsi_right_to_left_and_a_used_link_says_so_in_Farsi()
    {
        var (termin, da, _, _) = await DurchgefuehrtAsync();
        await AnfordernAsync(termin);
        var link = Host.LinkInLastMail(Adresse(da), "/schulungen/feedback/") + "?lang=fa";
        using var besucher = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        var formular = await PageForms.TextAsync(besucher, link);
        using var ohneGesamt = await PageForms.SubmitAsync(besucher, link, "feedback", ("Input.Inhalte", "4"));
        var abgewiesen = WebUtility.HtmlDecode(await ohneGesamt.Content.ReadAsStringAsync());
        using var abgegeben = await PageForms.SubmitAsync(besucher, link, "feedback", ("Input.Gesamt", "5"), ("Input.Freitext", "خیلی مفید بود."));
        var benutzt = await PageForms.TextAsync(besucher, link);

        Assert.Multiple(() =>
        {
            Assert.That(formular, Does.Contain("dir=\"rtl\"").And.Contain("بازخورد درباره دوره آموزشی").And.Contain("برداشت کلی").And.Contain("ارسال بازخورد"));
            Assert.That(formular, Does.Not.Contain("Gesamteindruck"), "every text of the form in the visitor's language");
            Assert.That(PageForms.MessagesAt(abgewiesen, "برداشت کلی"), Is.EqualTo(new[] { "لطفاً برداشت کلی را ارزیابی کنید (۱ تا ۵)." }));
            Assert.That(PageForms.RedirectTarget(abgegeben), Does.EndWith("?danke=ja"));
            Assert.That(benutzt, Does.Contain("با این پیوند قبلاً بازخورد داده شده است"));
            Assert.That(Count("feedback_antworten", "termin_id = @id", new { id = termin.Id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_sessions_results_show_only_from_five_answers_on()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1);
        foreach (var wert in new[] { 5, 4, 4, 3 })
        {
            db.Execute("INSERT INTO feedback_antworten (id, termin_id, gesamt, freitext) VALUES (@id, @termin, @wert, 'Gut')", new { id = Guid.NewGuid().ToString(), termin = termin.Id, wert });
        }

        var vier = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termin.Id}/feedback");
        var vierSeite = await PageAsync($"/schulungen/termine/{termin.Id}/feedback");
        db.Execute("INSERT INTO feedback_antworten (id, termin_id, gesamt, praxisnutzen) VALUES (@id, @termin, 2, 5)", new { id = Guid.NewGuid().ToString(), termin = termin.Id });
        var fuenf = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termin.Id}/feedback");
        var fuenfSeite = await PageAsync($"/schulungen/termine/{termin.Id}/feedback");
        var gesamt = fuenf.GetProperty("skalen").EnumerateArray().First(s => s.GetProperty("spalte").GetString() == "gesamt");

        Assert.Multiple(() =>
        {
            Assert.That(vier.GetProperty("sichtbar").GetBoolean(), Is.False);
            Assert.That(vier.GetProperty("skalen").GetArrayLength() + vier.GetProperty("freitexte").GetArrayLength(), Is.Zero);
            Assert.That(vierSeite, Does.Contain("Ergebnisse werden ab 5 Antworten angezeigt").And.Not.Contain("Gut</li>"));
            Assert.That(fuenf.GetProperty("sichtbar").GetBoolean(), Is.True);
            Assert.That(gesamt.GetProperty("durchschnitt").GetDecimal(), Is.EqualTo(3.6m));
            Assert.That(gesamt.GetProperty("verteilung").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo(new[] { 0, 1, 1, 2, 1 }));
            Assert.That(fuenf.GetProperty("freitexte").GetArrayLength(), Is.EqualTo(4));
            Assert.That(fuenfSeite, Does.Contain("Verteilung: Gesamteindruck").And.Contain("3,6"));
        });
    }

    /// <summary>A one-day session held yesterday: one attended, one left early (partly), one did not come.</summary>
    private async Task<(TestTermin Termin, string Da, string Halb, string Nie)> DurchgefuehrtAsync()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock);
        var da = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        var halb = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Jonas", "Keller");
        var nie = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Mara", "Lorenz");
        foreach (var (tag, anwesend) in new[] { (0, new[] { da, halb }), (1, new[] { da }) })
        {
            using var response = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = termin.Zeiten[tag], anwesend });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        return (termin, da, halb, nie);
    }

    private async Task<JsonElement> AnfordernAsync(TestTermin termin)
    {
        using var response = await StaffApi.PostAsync($"/api/schulungen/termine/{termin.Id}/feedback/anforderung", null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private string Adresse(string anmeldung)
    {
        using var db = ModuleDatabase();
        return db.ExecuteScalar<string>("SELECT p.email FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.id = @anmeldung", new { anmeldung })!;
    }
}
