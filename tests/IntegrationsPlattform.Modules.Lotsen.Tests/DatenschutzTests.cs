using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// The data of people seeking advice: anonymised by the retention job (run through the host's scheduler
/// on a moved clock), found, exported and erased by a DSGVO request, and never written to a log.
/// Tests get fresh tokens where they need them: the retention test moves the clock past their expiry.
/// </summary>
public sealed class DatenschutzTests : LotsenFixture
{
    private readonly MovableClock _clock = new() { StillTimers = true };

    protected override MovableClock Clock => _clock;

    [Test]
    public async Task Six_months_after_closing_the_retention_job_anonymises_the_request_but_keeps_its_figures()
    {
        var alt = await NeueAnfrageAsync("Ret.Alt", kontakt: "0151 000111");
        var offen = await NeueAnfrageAsync("Ret.Offen");
        await SchliesseAsync(alt);

        _clock.Now = _clock.Now.AddMonths(6).AddDays(1);
        var spaeterGeschlossen = await NeueAnfrageAsync("Ret.Neu", api: await FrischerStaffAsync());
        await SchliesseAsync(spaeterGeschlossen, await FrischerStaffAsync());
        using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var run = await admin.PostAsync("/api/admin/jobs/Lotsen.aufbewahrung/run", null);
        var ergebnis = await run.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(run.StatusCode, Is.EqualTo(HttpStatusCode.OK), ergebnis);
            // The demo's requests closed long ago are due too: the report's figure is not this test's to count.
            Assert.That(ergebnis, Does.Match(@"[1-9]\d* abgeschlossene Anfragen"));
            Assert.That(Count("anfragen", "id = @alt AND kennung IS NULL AND kontakt IS NULL AND anonymisiert_am IS NOT NULL AND thema = 'behoerden'", new { alt }), Is.EqualTo(1));
            Assert.That(Count("anfrage_sprachen", "anfrage_id = @alt", new { alt }), Is.EqualTo(1), "the language stays for the reports");
            Assert.That(Count("anfrage_aktivitaeten", "anfrage_id = @alt AND notiz IS NOT NULL", new { alt }), Is.Zero);
            Assert.That(Count("anfragen", "id IN (@offen, @spaeterGeschlossen) AND kennung IS NOT NULL", new { offen, spaeterGeschlossen }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_person_seeking_advice_is_found_by_pseudonym_exported_and_erased()
    {
        using var staff = await FrischerStaffAsync();
        var id = await NeueAnfrageAsync("DSGVO-R.", kontakt: "ratsuchend@demo.invalid", api: staff);
        using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

        var found = (await (await admin.PostAsJsonAsync("/api/admin/dsgvo/search", new { name = "dsgvo-r." })).Content.ReadFromJsonAsync<JsonElement>())
            .EnumerateArray().Single(r => r.GetProperty("module").GetString() == "Lotsen");
        var export = await (await admin.PostAsJsonAsync("/api/admin/dsgvo/export", new { email = "ratsuchend@demo.invalid" })).Content.ReadFromJsonAsync<JsonElement>();
        using var erase = await admin.PostAsJsonAsync("/api/admin/dsgvo/erase", new
        {
            name = "DSGVO-R.",
            records = new[] { new { module = "Lotsen", recordType = found.GetProperty("record").GetProperty("recordType").GetString(), recordId = id } },
        });

        Assert.Multiple(() =>
        {
            Assert.That(found.GetProperty("record").GetProperty("recordId").GetString(), Is.EqualTo(id));
            var fields = export.EnumerateArray().Single(e => e.GetProperty("module").GetString() == "Lotsen").GetProperty("data").GetProperty("fields");
            Assert.That(fields.GetProperty("Kontakt").GetString(), Is.EqualTo("ratsuchend@demo.invalid"));
            Assert.That(erase.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Count("anfragen", "id = @id AND kennung IS NULL AND kontakt IS NULL", new { id }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_pseudonym_of_a_person_seeking_advice_appears_in_no_log_output()
    {
        const string Pseudonym = "Zq-Pseudo-4711";
        using var staff = await FrischerStaffAsync();
        var id = await NeueAnfrageAsync(Pseudonym, kontakt: "pseudo-kontakt@demo.invalid", api: staff);
        await staff.GetAsync($"/api/lotsen/anfragen/{id}");
        await staff.GetAsync("/api/lotsen/anfragen?status=offen");
        await staff.PostAsJsonAsync($"/api/lotsen/anfragen/{id}/aktivitaeten", new { art = "notiz", notiz = "zu lang" + new string('x', 2000) });
        await staff.PostAsJsonAsync("/api/lotsen/anfragen", new { kennung = Pseudonym, sprachen = new[] { "xx" } });
        await SchliesseAsync(id, staff);

        Assert.Multiple(() =>
        {
            Assert.That(Host.Logs.Lines, Is.Not.Empty, "the host logs at all");
            Assert.That(Host.Logs.Text, Does.Not.Contain(Pseudonym));
            Assert.That(Host.Logs.Text, Does.Not.Contain("pseudo-kontakt@demo.invalid"));
        });
    }

    private async Task<HttpClient> FrischerStaffAsync() => await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

    private async Task<string> NeueAnfrageAsync(string kennung, string? kontakt = null, HttpClient? api = null)
    {
        var heute = _clock.Today;
        using var response = await (api ?? StaffApi).PostAsJsonAsync("/api/lotsen/anfragen", new
        {
            kennung,
            kontakt,
            sprachen = new[] { "ar" },
            thema = "behoerden",
            kommuneAgs = Testdaten.Erbach,
            datumVon = heute.ToString("yyyy-MM-dd"),
            vermitteltDurch = "selbst",
            notiz = "Erstgespräch geführt",
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task SchliesseAsync(string id, HttpClient? api = null)
    {
        using var response = await (api ?? StaffApi).PostAsJsonAsync($"/api/lotsen/anfragen/{id}/status", new { status = "abgebrochen", grund = "Termin entfallen" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }
}
