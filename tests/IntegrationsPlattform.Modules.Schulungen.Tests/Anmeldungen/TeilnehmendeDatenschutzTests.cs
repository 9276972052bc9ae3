using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using static IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen.AnmeldungTestdaten;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen;

/// <summary>
/// Participants as data subjects: found by e-mail or name, exported and erased through the platform's DSGVO request
/// (a seat she held goes to the next waiting person; a certificate keeps only its initials), and deleted by the retention
/// job two years after their last session — not while a session of theirs is still ahead.
/// </summary>
public sealed class TeilnehmendeDatenschutzTests : SchulungenFixture
{
    private readonly MovableClock _clock = new() { StillTimers = true };

    protected override MovableClock Clock => _clock;

    private async Task<string> AnmeldenAsync(HttpClient staff, Termin termin, string email, string vorname = "Lea", string nachname = "Brandt")
    {
        using var response = await staff.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anmeldungen", new { vorname, nachname, email, arbeitgeber = "Caritas Odenwald" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anmeldungId").GetString()!;
    }

    [Test]
    public async Task A_participant_is_found_exported_and_erased_and_her_seat_goes_to_the_next_waiting_person()
    {
        var termin = NeuerTermin(Host, kapazitaet: 1, maxWarteliste: 1);
        var anmeldung = await AnmeldenAsync(StaffApi, termin, "lea.brandt@caritas.example.invalid");
        await AnmeldenAsync(StaffApi, termin, "warte@schule.example.invalid", "Tarek", "Nasser");
        using (var db = Open(Host))
        {
            db.Execute(
                "INSERT INTO bescheinigungen (id, code, anmeldung_id, termin_id, initialen, ausgestellt_am) VALUES (@id, 'PRUEF-CODE-0001', @anmeldung, @termin, 'L. B.', '2026-01-01T00:00:00Z')",
                new { id = Guid.NewGuid().ToString(), anmeldung, termin = termin.Id });
        }

        var gefunden = (await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "Lea Brandt" })).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Single(r => r.GetProperty("module").GetString() == "Schulungen").GetProperty("record");
        var export = (await (await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/export", new { email = "LEA.BRANDT@caritas.example.invalid" })).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Single(e => e.GetProperty("module").GetString() == "Schulungen").GetProperty("data").GetProperty("fields");
        using var loeschen = await AdminApi.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            email = "lea.brandt@caritas.example.invalid",
            records = new[] { new { module = "Schulungen", recordType = gefunden.GetProperty("recordType").GetString(), recordId = gefunden.GetProperty("recordId").GetString() } },
        });

        using var nachher = Open(Host);
        Assert.Multiple(() =>
        {
            Assert.That(gefunden.GetProperty("displayName").GetString(), Is.EqualTo("Lea Brandt"));
            Assert.That(export.GetProperty("Arbeitgeber oder Träger").GetString(), Is.EqualTo("Caritas Odenwald"));
            Assert.That(export.GetProperty("Anmeldungen").GetString(), Does.Contain(termin.Kurs).And.Contain("angemeldet"));
            Assert.That(loeschen.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Count("teilnehmende", "email = 'lea.brandt@caritas.example.invalid'"), Is.Zero);
            Assert.That(Count("anmeldungen", "id = @anmeldung", new { anmeldung }), Is.Zero);
            Assert.That(nachher.QuerySingle<(string? Anmeldung, string Initialen)>("SELECT anmeldung_id, initialen FROM bescheinigungen WHERE code = 'PRUEF-CODE-0001'"), Is.EqualTo(((string?)null, "L. B.")));
            Assert.That(nachher.ExecuteScalar<string>("SELECT a.status FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE p.email = 'warte@schule.example.invalid'"), Is.EqualTo("angemeldet"));
            Assert.That(Host.MailsTo("warte@schule.example.invalid")[^1].Subject, Does.StartWith("Platz frei geworden"));
            Assert.That(Host.MailsTo("lea.brandt@caritas.example.invalid").Select(m => m.Subject), Has.None.StartWith("Abmeldung"), "an erased person gets no mail");
        });
    }

    [Test]
    public async Task Two_years_after_her_last_session_the_retention_job_deletes_a_participant_but_not_one_with_a_session_ahead()
    {
        var vergangen = NeuerTermin(Host, anmeldeschlussInTagen: -20, beginntInTagen: -10);
        var alt = "alt@schule.example.invalid";
        var weiter = "weiter@schule.example.invalid";
        await AnmeldenAsync(StaffApi, vergangen, alt, "Ole", "Alt");
        await AnmeldenAsync(StaffApi, vergangen, weiter, "Wera", "Weiter");
        await AnmeldenAsync(StaffApi, NeuerTermin(Host, beginntInTagen: 14), weiter, "Wera", "Weiter");

        _clock.Now = _clock.Now.AddYears(2).AddDays(-12);
        // Tokens end after an hour on the host's clock: the admin of this later moment signs in afresh.
        using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var zuFrueh = await admin.PostAsync("/api/admin/jobs/Schulungen.aufbewahrung/run", null);
        var nochDa = Count("teilnehmende", "email = @alt", new { alt });

        _clock.Now = _clock.Now.AddDays(5);
        using var admin2 = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var lauf = await admin2.PostAsync("/api/admin/jobs/Schulungen.aufbewahrung/run", null);
        var ergebnis = await lauf.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(nochDa, Is.EqualTo(1), "not before two years have passed");
            Assert.That(lauf.StatusCode, Is.EqualTo(HttpStatusCode.OK), ergebnis);
            Assert.That(ergebnis, Does.Contain("1 Teilnehmende 2 Jahre nach ihrem letzten Schulungstermin gelöscht"));
            Assert.That(Count("teilnehmende", "email = @alt", new { alt }), Is.Zero);
            Assert.That(Count("teilnehmende", "email = @weiter", new { weiter }), Is.EqualTo(1), "her next session is ahead");
        });
    }
}
