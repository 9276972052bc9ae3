using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using static IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen.AnmeldungTestdaten;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Termine;

/// <summary>
/// What registrants learn when staff cancel a session or move its appointments (workflow 2): a German mail through the
/// module's outbox, with the iTIP files their calendars follow — the same UID as the invitation, a higher SEQUENCE — and
/// nothing when the change is refused. Registrations are made through the staff API, so the invitations are real.
/// </summary>
public sealed class TerminMailTests : SchulungenFixture
{
    private int _sequence;

    private string NeueAdresse() => $"terminmail{Interlocked.Increment(ref _sequence)}@traeger.example.invalid";

    private sealed record Kalenderdatei(string Method, string Uid, int Sequence, DateTime Beginn);

    private async Task<string> AnmeldenAsync(Termin termin, string email)
    {
        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anmeldungen", new { vorname = "Lea", nachname = "Schmitt", email, schulen = Array.Empty<string>() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anmeldungId").GetString()!;
    }

    private Task<HttpResponseMessage> AbsagenAsync(Termin termin, string? grund)
        => StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/status", new { nach = "abgesagt", grund });

    private Task<HttpResponseMessage> VerschiebenAsync(Termin termin, string zeitId, string tag, string beginn, string ende)
        => StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/zeiten/{zeitId}", new { tag, beginn, ende, ort = "Rathaus Michelstadt, Sitzungssaal", onlineLink = (string?)null });

    private static List<Kalenderdatei> Kalenderdateien(MimeKit.MimeMessage mail)
        => mail.Attachments.OfType<MimeKit.MimePart>().Select(a =>
        {
            var kalender = Ical.Net.Calendar.Load(new StreamReader(a.Content!.Open()).ReadToEnd())!;
            var ereignis = kalender.Events.Single();
            return new Kalenderdatei(kalender.Method!, ereignis.Uid!, ereignis.Sequence, ereignis.DtStart!.Value);
        }).ToList();

    private long Sequenz(Termin termin)
    {
        using var db = Open(Host);
        return db.ExecuteScalar<long>("SELECT kalender_sequenz FROM termine WHERE id = @id", new { id = termin.Id });
    }

    private static string Uid(string anmeldungId, string zeitId) => $"{anmeldungId}-{zeitId}@schulungen.integrationsplattform";

    [Test]
    public async Task Cancelling_a_session_mails_seat_holders_the_cancellation_of_their_invitations_and_the_waiting_list_the_reason()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 2);
        var zweite = ZweiteZeit(Host, termin);
        var (sitz, wartend, abgemeldet) = (NeueAdresse(), NeueAdresse(), NeueAdresse());
        var sitzId = await AnmeldenAsync(termin, sitz);
        await AnmeldenAsync(termin, wartend);
        var abgemeldetId = await AnmeldenAsync(termin, abgemeldet);
        using (var abmeldung = await StaffApi.PostAsync($"/api/schulungen/anmeldungen/{abgemeldetId}/abmeldung", null))
        {
            Assert.That(abmeldung.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var einladung = Kalenderdateien(Host.MailsTo(sitz)[^1]);
        var mailsVorher = Host.MailsTo(abgemeldet).Count;

        using var response = await AbsagenAsync(termin, "Die Referentin ist erkrankt.");
        var absage = Host.MailsTo(sitz)[^1];
        var warteliste = Host.MailsTo(wartend)[^1];
        var dateien = Kalenderdateien(absage);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(absage.Subject, Is.EqualTo($"Abgesagt: {termin.Kurs}"));
            Assert.That(absage.TextBody, Does.Contain("findet leider nicht statt").And.Contain("Grund: Die Referentin ist erkrankt.").And.Contain("entfernen die Termine aus Ihrem Kalender"));
            Assert.That(dateien.Select(d => d.Method), Is.All.EqualTo("CANCEL"));
            Assert.That(dateien.Select(d => d.Uid), Is.EqualTo(new[] { Uid(sitzId, termin.ZeitId), Uid(sitzId, zweite) }), "the same events the invitation made");
            Assert.That(einladung.Select(d => (d.Method, d.Uid, d.Sequence)), Is.EqualTo(new[] { ("REQUEST", Uid(sitzId, termin.ZeitId), 0), ("REQUEST", Uid(sitzId, zweite), 0) }));
            Assert.That(dateien.Select(d => d.Sequence), Is.All.EqualTo(Sequenz(termin)).And.All.GreaterThan(0), "above the invitation's sequence, at the session's raised one");
            Assert.That(warteliste.Subject, Is.EqualTo($"Abgesagt: {termin.Kurs}"));
            Assert.That(warteliste.TextBody, Does.Contain("Grund: Die Referentin ist erkrankt.").And.Contain("hinfällig"));
            Assert.That(Kalenderdateien(warteliste), Is.Empty, "the waiting list was never invited");
            Assert.That(Host.MailsTo(abgemeldet), Has.Count.EqualTo(mailsVorher), "who cancelled before hears nothing more");
        });
    }

    [TestCase("durchgefuehrt", "Die Referentin ist erkrankt.", HttpStatusCode.Conflict)]
    [TestCase("offen", null, HttpStatusCode.BadRequest)]
    public async Task A_refused_cancellation_mails_nobody(string status, string? grund, HttpStatusCode erwartet)
    {
        var termin = NeuerTermin(Host);
        var email = NeueAdresse();
        await AnmeldenAsync(termin, email);
        SetzeStatus(termin, status);
        var mailsVorher = Host.MailsTo(email).Count;

        using var response = await AbsagenAsync(termin, grund);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(erwartet));
            Assert.That(Host.MailsTo(email), Has.Count.EqualTo(mailsVorher));
            Assert.That(Sequenz(termin), Is.Zero);
        });
    }

    [Test]
    public async Task Moving_an_appointment_mails_seat_holders_updated_invitations_and_the_waiting_list_the_new_times()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 2);
        var zweite = ZweiteZeit(Host, termin);
        var (sitz, wartend) = (NeueAdresse(), NeueAdresse());
        var sitzId = await AnmeldenAsync(termin, sitz);
        await AnmeldenAsync(termin, wartend);
        var mailsVorher = (Host.MailsTo(sitz).Count, Host.MailsTo(wartend).Count);
        var neuerTag = Host.Clock.Today.AddDays(16);

        using var response = await VerschiebenAsync(termin, termin.ZeitId, neuerTag.ToString("yyyy-MM-dd"), "10:00", "15:30");
        var verschoben = Host.MailsTo(sitz);
        var warteliste = Host.MailsTo(wartend);
        var dateien = Kalenderdateien(verschoben[^1]);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(verschoben, Has.Count.EqualTo(mailsVorher.Item1 + 1));
            Assert.That(verschoben[^1].Subject, Is.EqualTo($"Terminänderung: {termin.Kurs}"));
            Assert.That(verschoben[^1].TextBody, Does.Contain($"{neuerTag:dd.MM.yyyy}, 10:00–15:30 Uhr, Rathaus Michelstadt, Sitzungssaal").And.Contain("/schulungen/anmeldung/"));
            Assert.That(dateien.Select(d => (d.Method, d.Uid, d.Sequence)), Is.EqualTo(new[] { ("REQUEST", Uid(sitzId, termin.ZeitId), 1), ("REQUEST", Uid(sitzId, zweite), 1) }));
            Assert.That(dateien[0].Beginn, Is.EqualTo(neuerTag.ToDateTime(new TimeOnly(10, 0))), "the moved appointment at its new local time");
            Assert.That(warteliste, Has.Count.EqualTo(mailsVorher.Item2 + 1));
            Assert.That(warteliste[^1].TextBody, Does.Contain($"{neuerTag:dd.MM.yyyy}, 10:00–15:30 Uhr").And.Contain("weiterhin auf der Warteliste"));
            Assert.That(Kalenderdateien(warteliste[^1]), Is.Empty);
        });

        using var entfernt = await StaffApi.DeleteAsync($"/api/schulungen/termine/{termin.Id}/zeiten/{zweite}");
        var nachEntfernen = Kalenderdateien(Host.MailsTo(sitz)[^1]);
        Assert.Multiple(() =>
        {
            Assert.That(entfernt.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nachEntfernen.Select(d => (d.Method, d.Uid, d.Sequence)), Is.EqualTo(new[] { ("REQUEST", Uid(sitzId, termin.ZeitId), 2), ("CANCEL", Uid(sitzId, zweite), 2) }), "the removed appointment leaves the calendar");
            Assert.That(Host.MailsTo(sitz)[^1].TextBody, Does.Contain("Entfallen: "));
        });
    }

    [Test]
    public async Task A_refused_move_mails_nobody_and_raises_nothing()
    {
        var termin = NeuerTermin(Host);
        var email = NeueAdresse();
        await AnmeldenAsync(termin, email);
        var mailsVorher = Host.MailsTo(email).Count;

        using var bisVorVon = await VerschiebenAsync(termin, termin.ZeitId, Host.Clock.Today.AddDays(15).ToString("yyyy-MM-dd"), "15:00", "10:00");
        using var vorAnmeldeschluss = await VerschiebenAsync(termin, termin.ZeitId, Host.Clock.Today.AddDays(3).ToString("yyyy-MM-dd"), "10:00", "15:00");

        Assert.Multiple(() =>
        {
            Assert.That(bisVorVon.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(vorAnmeldeschluss.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a first day before the deadline rolls the move back");
            Assert.That(Host.MailsTo(email), Has.Count.EqualTo(mailsVorher));
            Assert.That(Sequenz(termin), Is.Zero);
        });
    }

    [Test]
    public async Task A_cancellation_the_mail_server_refuses_stays_and_its_mails_go_out_once_the_server_takes_mails_again()
    {
        var termin = NeuerTermin(Host);
        var email = NeueAdresse();
        await AnmeldenAsync(termin, email);
        var mailsVorher = Host.MailsTo(email).Count;

        // A file where the pickup folder should be: the mail "server" refuses every mail until it is removed. The folder
        // is moved aside in one step (deleting it raced with the dispatcher writing a mail into it).
        var mailFolder = Path.Combine(Host.DataDirectory, "mail");
        var beiseite = mailFolder + "-" + Guid.NewGuid().ToString("N");
        Directory.Move(mailFolder, beiseite);
        await File.WriteAllTextAsync(mailFolder, "kein Ordner");
        using var response = await AbsagenAsync(termin, "Zu wenige Anmeldungen.");
        await Host.DeliverOutboxAsync();
        var statusWaehrendAusfall = Status(termin);
        File.Delete(mailFolder);
        Directory.Move(beiseite, mailFolder);
        // Past the back-off of the refused tries on the host's clock (10 s, doubling), well within the staff's token lifetime.
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var mails = Host.MailsTo(email);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(statusWaehrendAusfall, Is.EqualTo("abgesagt"), "the refused mail does not undo the cancellation");
            Assert.That(mails, Has.Count.EqualTo(mailsVorher + 1));
            Assert.That(mails[^1].Subject, Is.EqualTo($"Abgesagt: {termin.Kurs}"));
            Assert.That(Kalenderdateien(mails[^1]).Single().Method, Is.EqualTo("CANCEL"));
        });
    }

    private string Status(Termin termin)
    {
        using var db = Open(Host);
        return db.ExecuteScalar<string>("SELECT status FROM termine WHERE id = @id", new { id = termin.Id })!;
    }

    private void SetzeStatus(Termin termin, string status)
    {
        using var db = Open(Host);
        db.Execute("UPDATE termine SET status = @status WHERE id = @id", new { status, id = termin.Id });
    }
}
