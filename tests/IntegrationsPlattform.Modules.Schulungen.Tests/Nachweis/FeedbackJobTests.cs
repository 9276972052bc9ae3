using System.Net;
using System.Net.Http.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// The hourly feedback run as the host's scheduler starts it (its timers stilled, so that only the test runs it): after a
/// session's last day each attendee gets one link, nobody else, and no later run sends a second.
/// </summary>
public sealed class FeedbackJobTests : SchulungenFixture
{
    private readonly MovableClock _clock = new() { StillTimers = true };

    protected override MovableClock Clock => _clock;

    [Test]
    public async Task After_the_last_day_each_attendee_gets_one_link_and_nobody_else_ever_gets_one()
    {
        using var db = ModuleDatabase();
        var gehalten = NachweisDaten.Termin(db, Clock, vergangeneTage: 2);
        var da = NachweisDaten.Anmeldung(db, Clock, gehalten.Id, "Aylin", "Demir");
        var halb = NachweisDaten.Anmeldung(db, Clock, gehalten.Id, "Jonas", "Keller");
        var nie = NachweisDaten.Anmeldung(db, Clock, gehalten.Id, "Mara", "Lorenz");
        await ErfassenAsync(gehalten, 0, da, halb);
        await ErfassenAsync(gehalten, 1, da);
        var nichtErfasst = NachweisDaten.Termin(db, Clock, vergangeneTage: 1);
        var ohneListe = NachweisDaten.Anmeldung(db, Clock, nichtErfasst.Id, "Olga", "Wagner");
        var laufend = NachweisDaten.Termin(db, Clock, vergangeneTage: 1, kuenftigeTage: 1);
        var mittendrin = NachweisDaten.Anmeldung(db, Clock, laufend.Id, "Emre", "Arslan", status: "teilweise");
        var abgesagt = NachweisDaten.Termin(db, Clock, vergangeneTage: 1, status: "abgesagt");
        var vonAbgesagt = NachweisDaten.Anmeldung(db, Clock, abgesagt.Id, "Nadia", "Haddad", status: "vollstaendig");

        var erster = await LaufAsync();
        var zweiter = await LaufAsync();
        var mailsVorher = Host.MailsTo(Adresse(db, mittendrin)).Count;
        // A week on, the running session's last day is over too: the next run asks its attendee, and only her.
        var start = _clock.Now;
        string spaeter;
        int mailsSpaeter;
        try
        {
            _clock.Advance(TimeSpan.FromDays(8));
            using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
            spaeter = await LaufAsync(admin);
            // Delivered on the moved clock: the outbox holds the mail as due from then.
            mailsSpaeter = Host.MailsTo(Adresse(db, mittendrin)).Count;
        }
        finally
        {
            // Back to the fixture's moment, where the staff's token still holds.
            _clock.Now = start;
        }

        Assert.Multiple(() =>
        {
            Assert.That(erster, Does.Contain("Feedback für 1 Termine angefordert, 2 Teilnehmende eingeladen"));
            Assert.That(zweiter, Does.Contain("Feedback für 0 Termine angefordert"));
            Assert.That(Host.MailsTo(Adresse(db, da)), Has.Count.EqualTo(1));
            Assert.That(Host.LinkInLastMail(Adresse(db, halb), "/schulungen/feedback/"), Does.StartWith("/schulungen/feedback/"));
            Assert.That(Host.MailsTo(Adresse(db, halb)), Has.Count.EqualTo(1));
            Assert.That(Host.MailsTo(Adresse(db, nie)), Is.Empty, "who did not come is not asked");
            Assert.That(Host.MailsTo(Adresse(db, ohneListe)), Is.Empty, "no attendance recorded: nobody is an attendee yet");
            Assert.That(mailsVorher, Is.Zero, "the session's last day was ahead");
            Assert.That(spaeter, Does.Contain("Feedback für 1 Termine angefordert, 1 Teilnehmende eingeladen"));
            Assert.That(mailsSpaeter, Is.EqualTo(1), "asked once its last day was over");
            Assert.That(Host.MailsTo(Adresse(db, vonAbgesagt)), Is.Empty, "a cancelled session is not evaluated");
            Assert.That(Count("feedback_einladungen", "termin_id = @id", new { id = gehalten.Id }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_session_whose_feedback_staff_requested_already_is_left_alone()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1);
        var da = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Samira", "Rahimi");
        await ErfassenAsync(termin, 0, da);
        using (var angefordert = await StaffApi.PostAsync($"/api/schulungen/termine/{termin.Id}/feedback/anforderung", null))
        {
            Assert.That(angefordert.StatusCode, Is.EqualTo(HttpStatusCode.OK), await angefordert.Content.ReadAsStringAsync());
        }

        await LaufAsync();

        Assert.Multiple(() =>
        {
            Assert.That(Host.MailsTo(Adresse(db, da)), Has.Count.EqualTo(1));
            Assert.That(Count("feedback_einladungen", "termin_id = @id", new { id = termin.Id }), Is.EqualTo(1));
        });
    }

    private async Task ErfassenAsync(TestTermin termin, int tag, params string[] anwesend)
    {
        using var response = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = termin.Zeiten[tag], anwesend });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs the job as the scheduler does, through the admin API.</summary>
    private async Task<string> LaufAsync(HttpClient? admin = null)
    {
        using var lauf = await (admin ?? AdminApi).PostAsync("/api/admin/jobs/Schulungen.feedback/run", null);
        var ergebnis = await lauf.Content.ReadAsStringAsync();
        Assert.That(lauf.StatusCode, Is.EqualTo(HttpStatusCode.OK), ergebnis);
        return ergebnis;
    }

    private static string Adresse(Microsoft.Data.Sqlite.SqliteConnection db, string anmeldung)
        => db.ExecuteScalar<string>("SELECT p.email FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.id = @anmeldung", new { anmeldung })!;
}
