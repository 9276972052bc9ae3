using System.Net;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using static IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen.AnmeldungTestdaten;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen;

/// <summary>
/// The public registration of a session as a visitor uses it, through HTTP: the form, the mailed opt-in link, the
/// outcome (seat, waiting list, refusal), the personal link with its calendar files and the cancellation — and every
/// bad input, each refused with a clear message and nothing written.
/// </summary>
public sealed class OeffentlicheAnmeldungTests : SchulungenFixture
{
    private const string Ausgebucht = "Dieser Termin ist ausgebucht, auch die Warteliste ist voll.";
    private int _sequence;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:OptIn:PerClientPerHour"] = "1000" };

    private string NeueAdresse() => $"person{Interlocked.Increment(ref _sequence)}@schule.example.invalid";

    private HttpClient Besucher() => Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static string Seite(Termin termin) => $"/schulungen/termine/{termin.Id}/anmeldung";

    private async Task<string> AnfragenAsync(Termin termin, string email, string vorname = "Amal", string nachname = "Haddad", string arbeitgeber = "", params string[] schulen)
    {
        using var besucher = Besucher();
        var felder = new List<KeyValuePair<string, string>>
        {
            new("Input.Vorname", vorname), new("Input.Nachname", nachname), new("Input.Email", email), new("Input.Arbeitgeber", arbeitgeber),
        };
        felder.AddRange(schulen.Select(s => new KeyValuePair<string, string>("Input.Schulen", s)));
        using var response = await PageForms.SubmitAsync(besucher, Seite(termin), "anmeldung", felder);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> BestaetigenAsync(string email)
    {
        using var besucher = Besucher();
        return await PageForms.TextAsync(besucher, Host.ConfirmationLink(email));
    }

    private async Task<string> AngemeldetAsync(Termin termin, string email, params string[] schulen)
    {
        await AnfragenAsync(termin, email, schulen: schulen);
        return await BestaetigenAsync(email);
    }

    private long Anmeldungen(Termin termin, string status = "%") => Count("anmeldungen", "termin_id = @id AND status LIKE @status", new { id = termin.Id, status });

    private long Personen(string email) => Count("teilnehmende", "email = @email", new { email });

    private string Terminstatus(Termin termin) => Scalar("SELECT status FROM termine WHERE id = @id", new { id = termin.Id });

    /// <summary>iCalendar text with its folded long lines (RFC 5545: a line break and a blank) joined again.</summary>
    internal static string Entfaltet(string ics) => System.Text.RegularExpressions.Regex.Replace(ics, "\r?\n[ \t]", "");

    private string Scalar(string sql, object parameters)
    {
        using var db = Open(Host);
        return db.ExecuteScalar<string>(sql, parameters)!;
    }

    [Test]
    public async Task A_confirmed_request_takes_a_seat_and_mails_the_invitations_and_the_personal_link()
    {
        var termin = NeuerTermin(Host);
        var zweite = ZweiteZeit(Host, termin);
        var schule = NeueSchule(Host, "Georg-Ackermann-Schule");
        var email = NeueAdresse();

        var gesendet = await AnfragenAsync(termin, email, schulen: schule);
        var vorBestaetigung = (Anmeldungen(termin), Personen(email));
        var link = Host.ConfirmationLink(email);
        var bestaetigt = await BestaetigenAsync(email);
        var nochmal = await PageForms.TextAsync(Besucher(), link);

        var mail = Host.MailsTo(email)[^1];
        var kalender = mail.Attachments.OfType<MimeKit.MimePart>().Select(a => (a.FileName, Text: Entfaltet(new StreamReader(a.Content!.Open()).ReadToEnd()))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(gesendet, Does.Contain("Fast geschafft"));
            Assert.That(vorBestaetigung, Is.EqualTo((0L, 0L)), "before the link is opened the module holds nothing");
            Assert.That(bestaetigt, Does.Contain("Vielen Dank! Ihre Angaben sind bestätigt."));
            Assert.That(nochmal, Does.Contain("bereits verwendet"));
            Assert.That(Anmeldungen(termin, "angemeldet"), Is.EqualTo(1), "a second use of the link registers nobody again");
            Assert.That(Count("teilnehmende_schulen", "schule_id = @schule", new { schule }), Is.EqualTo(1));
            Assert.That(mail.Subject, Is.EqualTo($"Anmeldung bestätigt: {termin.Kurs}"));
            Assert.That(mail.TextBody, Does.Contain("Landratsamt Erbach, Raum 112").And.Contain("/schulungen/anmeldung/"));
            Assert.That(kalender.Select(k => k.FileName), Is.EqualTo(new[] { "schulung-1.ics", "schulung-2.ics" }));
            Assert.That(kalender[0].Text, Does.Contain("METHOD:REQUEST").And.Contain($"-{termin.ZeitId}@schulungen.integrationsplattform"));
            Assert.That(kalender[1].Text, Does.Contain($"-{zweite}@schulungen.integrationsplattform").And.Contain("konferenz.example.invalid"));
        });

        var persoenlich = await PageForms.TextAsync(Besucher(), Host.LinkInLastMail(email, "/schulungen/anmeldung/"));
        using var datei = await Besucher().GetAsync(Host.LinkInLastMail(email, "/schulungen/anmeldung/") + "/kalender/2.ics");
        Assert.Multiple(async () =>
        {
            Assert.That(persoenlich, Does.Contain("Sie sind für diesen Termin angemeldet.").And.Contain(termin.Kurs));
            Assert.That(datei.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/calendar"));
            Assert.That(Entfaltet(await datei.Content.ReadAsStringAsync()), Does.Contain($"-{zweite}@schulungen.integrationsplattform"));
        });
    }

    [Test]
    public async Task Confirmations_take_the_seats_then_the_waiting_list_in_their_order_then_are_refused()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 1);
        var (erste, zweite, dritte) = (NeueAdresse(), NeueAdresse(), NeueAdresse());
        foreach (var email in new[] { erste, zweite, dritte })
        {
            await AnfragenAsync(termin, email);
        }

        await BestaetigenAsync(erste);
        var nachErster = Terminstatus(termin);
        await BestaetigenAsync(zweite);
        var abgelehnt = await BestaetigenAsync(dritte);

        Assert.Multiple(() =>
        {
            Assert.That(nachErster, Is.EqualTo("ausgebucht"), "the session is full with its last seat");
            Assert.That(Anmeldungen(termin, "angemeldet"), Is.EqualTo(1));
            Assert.That(Anmeldungen(termin, "warteliste"), Is.EqualTo(1));
            Assert.That(abgelehnt, Does.Contain(Ausgebucht));
            Assert.That(Personen(dritte), Is.Zero, "a refusal writes nothing");
            Assert.That(Host.MailsTo(zweite)[^1].Subject, Is.EqualTo($"Warteliste: {termin.Kurs}"));
            Assert.That(Host.MailsTo(zweite)[^1].TextBody, Does.Contain("Platz 1 der Warteliste"));
        });
    }

    [TestCase("", "Haddad", "amal@schule.example.invalid", "", "vorname", "Bitte geben Sie Ihren Vornamen an")]
    [TestCase("Amal", " ", "amal@schule.example.invalid", "", "nachname", "Bitte geben Sie Ihren Nachnamen an")]
    [TestCase("Amal", "Haddad", "keine-adresse", "", "email", "gültige E-Mail-Adresse")]
    [TestCase("Amal", "Haddad", "", "", "email", "gültige E-Mail-Adresse")]
    [TestCase("Amal", "Haddad", "amal@schule.example.invalid", "x201", "arbeitgeber", "höchstens 200 Zeichen")]
    public async Task A_bad_entry_is_named_at_its_field_and_nothing_is_sent_or_written(string vorname, string nachname, string email, string arbeitgeber, string feld, string meldung)
    {
        var termin = NeuerTermin(Host);
        var antwort = await AnfragenAsync(termin, email, vorname, nachname, arbeitgeber == "x201" ? new string('x', 201) : arbeitgeber);

        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(antwort, $"id=\"{feld}\""), Has.Some.Contains(meldung));
            Assert.That(antwort, Does.Not.Contain("Fast geschafft"));
            Assert.That(Host.MailsTo("amal@schule.example.invalid"), Is.Empty);
            Assert.That(Anmeldungen(termin), Is.Zero);
        });
    }

    [TestCase("abgesagt", 7, "Dieser Termin wurde abgesagt")]
    [TestCase("geplant", 7, "noch nicht freigegeben")]
    [TestCase("durchgefuehrt", 7, "bereits stattgefunden")]
    [TestCase("offen", -1, "Der Anmeldeschluss für diesen Termin war am")]
    public async Task A_session_that_takes_no_registration_says_why_and_neither_form_nor_post_writes_anything(string status, int anmeldeschlussInTagen, string meldung)
    {
        var termin = NeuerTermin(Host);
        var email = NeueAdresse();
        using var besucher = Besucher();
        var offen = await besucher.GetStringAsync(Seite(termin));
        using (var db = Open(Host))
        {
            db.Execute("UPDATE termine SET status = @status, anmeldeschluss = date(anmeldeschluss, @tage) WHERE id = @id",
                new { id = termin.Id, status, tage = $"{anmeldeschlussInTagen - 7} days" });
        }

        var seite = await PageForms.TextAsync(besucher, Seite(termin));
        using var post = await besucher.PostAsync(Seite(termin), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PlatformHost.AntiforgeryToken(offen), ["_handler"] = "anmeldung",
            ["Input.Vorname"] = "Amal", ["Input.Nachname"] = "Haddad", ["Input.Email"] = email,
        }));
        var nachPost = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain(meldung));
            Assert.That(seite, Does.Not.Contain("id=\"vorname\""), "no form for a closed session");
            Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a form sent while the session closed is answered, not an error");
            Assert.That(nachPost, Does.Contain(meldung).And.Not.Contain("Fast geschafft"));
            Assert.That(Host.MailsTo(email), Is.Empty);
            Assert.That(Anmeldungen(termin), Is.Zero);
        });
    }

    [Test]
    public async Task A_session_cancelled_after_the_request_refuses_the_confirmation_and_the_link_stays_unused()
    {
        var termin = NeuerTermin(Host);
        var email = NeueAdresse();
        await AnfragenAsync(termin, email);
        using (var db = Open(Host))
        {
            db.Execute("UPDATE termine SET status = 'abgesagt', absage_grund = 'Trainerin erkrankt' WHERE id = @id", new { id = termin.Id });
        }

        var antwort = await BestaetigenAsync(email);

        Assert.Multiple(() =>
        {
            Assert.That(antwort, Does.Contain("Dieser Termin wurde abgesagt; Anmeldungen sind nicht mehr möglich."));
            Assert.That(Anmeldungen(termin), Is.Zero);
            Assert.That(Personen(email), Is.Zero);
        });
    }

    [Test]
    public async Task The_same_address_twice_for_a_session_is_refused_at_the_form_and_at_a_second_pending_link()
    {
        var termin = NeuerTermin(Host);
        var email = NeueAdresse();
        await AnfragenAsync(termin, email);
        var ersterLink = Host.ConfirmationLink(email);
        await AnfragenAsync(termin, email);
        var zweiterLink = Host.ConfirmationLink(email);
        await PageForms.TextAsync(Besucher(), ersterLink);
        var mailsVorher = Host.MailsTo(email).Count;

        var nochmalFormular = await AnfragenAsync(termin, email.ToUpperInvariant());
        var zweiteBestaetigung = await PageForms.TextAsync(Besucher(), zweiterLink);

        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(nochmalFormular, "id=\"email\""), Has.Some.EqualTo("Mit dieser E-Mail-Adresse besteht für diesen Termin schon eine Anmeldung."));
            Assert.That(zweiteBestaetigung, Does.Contain("Diese E-Mail-Adresse ist für diesen Termin bereits angemeldet."));
            Assert.That(Host.MailsTo(email), Has.Count.EqualTo(mailsVorher), "no opt-in mail for a refused form");
            Assert.That(Anmeldungen(termin), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_expired_confirmation_link_registers_nobody()
    {
        var termin = NeuerTermin(Host, anmeldeschlussInTagen: 10);
        var email = NeueAdresse();
        await AnfragenAsync(termin, email);

        Host.Clock.Advance(TimeSpan.FromHours(25));
        var antwort = await BestaetigenAsync(email);

        Assert.Multiple(() =>
        {
            Assert.That(antwort, Does.Contain("abgelaufen"));
            Assert.That(Anmeldungen(termin), Is.Zero);
        });
    }

    [Test]
    public async Task The_personal_link_cancels_once_and_the_first_waiting_person_moves_up_with_a_mail()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 2);
        var (erste, wartend) = (NeueAdresse(), NeueAdresse());
        await AngemeldetAsync(termin, erste);
        await AngemeldetAsync(termin, wartend);
        var link = Host.LinkInLastMail(erste, "/schulungen/anmeldung/");
        using var besucher = Besucher();

        using var ohneHaken = await PageForms.SubmitAsync(besucher, link, "abmeldung", ("Input.Bestaetigt", "false"));
        var ohneHakenText = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        var unveraendert = Anmeldungen(termin, "angemeldet");
        using var abgemeldet = await PageForms.SubmitAsync(besucher, link, "abmeldung", ("Input.Bestaetigt", "true"));
        var abgemeldetText = WebUtility.HtmlDecode(await abgemeldet.Content.ReadAsStringAsync());
        var spaeter = await PageForms.TextAsync(besucher, link);

        var nachgerueckt = Host.MailsTo(wartend)[^1];
        var storniert = Host.MailsTo(erste)[^1];
        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(ohneHakenText, "id=\"bestaetigt\""), Has.Some.Contains("Bitte bestätigen Sie die Abmeldung"));
            Assert.That(unveraendert, Is.EqualTo(1));
            Assert.That(abgemeldetText, Does.Contain("Sie sind abgemeldet."));
            Assert.That(spaeter, Does.Contain("Sie sind von diesem Termin bereits abgemeldet; der Link ist damit verbraucht.").And.Not.Contain("id=\"bestaetigt\""));
            Assert.That(Scalar("SELECT p.email FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.termin_id = @id AND a.status = 'angemeldet'", new { id = termin.Id }), Is.EqualTo(wartend));
            Assert.That(Anmeldungen(termin, "warteliste"), Is.Zero);
            Assert.That(Terminstatus(termin), Is.EqualTo("ausgebucht"), "the freed seat is taken again at once");
            Assert.That(nachgerueckt.Subject, Does.StartWith("Platz frei geworden"));
            Assert.That(nachgerueckt.Attachments.OfType<MimeKit.MimePart>().Single().ContentType.MimeType, Is.EqualTo("text/calendar"));
            Assert.That(storniert.Subject, Is.EqualTo($"Abmeldung: {termin.Kurs}"));
            Assert.That(new StreamReader(storniert.Attachments.OfType<MimeKit.MimePart>().Single().Content!.Open()).ReadToEnd(), Does.Contain("METHOD:CANCEL").And.Contain("SEQUENCE:1"));
        });
    }

    [Test]
    public async Task A_personal_link_expires_when_the_session_begins_and_an_unknown_one_opens_nothing()
    {
        var termin = NeuerTermin(Host, anmeldeschlussInTagen: 0, beginntInTagen: 1);
        var email = NeueAdresse();
        await AngemeldetAsync(termin, email);
        var link = Host.LinkInLastMail(email, "/schulungen/anmeldung/");

        Host.Clock.Advance(TimeSpan.FromDays(2));
        var abgelaufen = await PageForms.TextAsync(Besucher(), link);
        using var post = await Besucher().PostAsync(link, new FormUrlEncodedContent([]));
        var unbekannt = await PageForms.TextAsync(Besucher(), "/schulungen/anmeldung/kein-gueltiger-link");
        using var unbekannteDatei = await Besucher().GetAsync("/schulungen/anmeldung/kein-gueltiger-link/kalender/1.ics");

        Assert.Multiple(() =>
        {
            Assert.That(abgelaufen, Does.Contain("Dieser Link ist abgelaufen: Der Termin hat bereits begonnen.").And.Not.Contain("id=\"bestaetigt\""));
            Assert.That(post.IsSuccessStatusCode, Is.False, "a post without the form's token changes nothing");
            Assert.That(Anmeldungen(termin, "angemeldet"), Is.EqualTo(1));
            Assert.That(unbekannt, Does.Contain("Dieser Link ist ungültig."));
            Assert.That(unbekannteDatei.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
