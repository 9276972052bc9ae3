using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// Certificates: issued only to who attended the minimum share, as a PDF (read back) and its HTML twin with a
/// verification code and QR code; the public check shows course, dates, initials and valid or withdrawn, nothing else.
/// </summary>
public sealed class BescheinigungenTests : SchulungenFixture
{
    [Test]
    public async Task Who_attended_enough_gets_a_pdf_with_name_course_hours_goals_and_code()
    {
        var (termin, aylin, _) = await DurchgefuehrtAsync();

        var ids = await AusstellenAsync(termin.Id, aylin);
        var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/bescheinigungen/{ids[0]}");
        var code = detail.GetProperty("code").GetString()!;
        using var pdf = await StaffApi.GetAsync($"/api/schulungen/bescheinigungen/{ids[0]}/pdf");
        var text = PdfText.Of(await pdf.Content.ReadAsByteArrayAsync());
        var seite = await PageAsync($"/schulungen/bescheinigungen/{ids[0]}");

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(code, Does.Match("^([A-HJKMNP-Z2-9]{4}-){4}[A-HJKMNP-Z2-9]{4}$"));
            Assert.That(text, Does.Contain("Aylin").And.Contain("Demir"));
            Assert.That(text, Does.Contain("Umgang").And.Contain("Rassismus"));
            Assert.That(text, Does.Contain(code));
            Assert.That(text, Does.Contain("Unterrichtseinheiten").And.Contain("Zeitstunden"));
            Assert.That(text, Does.Contain("Handlungsmöglichkeiten"), "the learning goals");
            Assert.That(text, Does.Contain("Odenwaldkreis"));
            Assert.That(text, Does.Contain("Unterschrift"));
            Assert.That(seite, Does.Contain($"/schulungen/nachweis/{code}"), "the QR code's address on the HTML twin");
            Assert.That(seite, Does.Contain("Aylin Demir"));
            Assert.That(Count("bescheinigungen", "anmeldung_id = @aylin AND initialen = 'A. D.'", new { aylin }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_certificate_for_someone_who_attended_too_little_is_refused_and_nothing_is_written()
    {
        var (termin, aylin, jonas) = await DurchgefuehrtAsync();

        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/bescheinigungen", new { anmeldungen = new[] { aylin, jonas } });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Keller, Jonas").And.Contain("50 %").And.Contain("mindestens 75 %"));
            Assert.That(Count("bescheinigungen", "termin_id = @termin", new { termin = termin.Id }), Is.Zero, "all or none: Aylin's is not written either");
        });
    }

    [TestCase("leer", "anmeldungen", HttpStatusCode.BadRequest)]
    [TestCase("fremd", "anmeldungen", HttpStatusCode.BadRequest)]
    [TestCase("nicht-erfasst", null, HttpStatusCode.Conflict)]
    [TestCase("doppelt", null, HttpStatusCode.Conflict)]
    public async Task Bad_requests_to_issue_are_refused_with_a_german_message(string fall, string? feld, HttpStatusCode erwartet)
    {
        var (termin, aylin, _) = await DurchgefuehrtAsync(zweiterTagErfasst: fall != "nicht-erfasst");
        if (fall == "doppelt")
        {
            await AusstellenAsync(termin.Id, aylin);
        }

        string[] anmeldungen = fall switch
        {
            "leer" => [],
            "fremd" => [Guid.NewGuid().ToString()],
            _ => [aylin],
        };
        var vorher = Count("bescheinigungen", "termin_id = @termin", new { termin = termin.Id });
        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin.Id}/bescheinigungen", new { anmeldungen });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(erwartet), problem.ToString());
            if (feld is not null)
            {
                Assert.That(problem.GetProperty("errors").TryGetProperty(feld, out _), Is.True, problem.ToString());
            }
            else
            {
                Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(fall == "doppelt" ? "schon eine Bescheinigung" : "nicht für alle Termintage erfasst"));
            }

            Assert.That(Count("bescheinigungen", "termin_id = @termin", new { termin = termin.Id }), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task The_public_check_shows_course_dates_and_initials_only_and_follows_a_withdrawal()
    {
        var (termin, aylin, _) = await DurchgefuehrtAsync();
        var id = (await AusstellenAsync(termin.Id, aylin))[0];
        var code = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/bescheinigungen/{id}")).GetProperty("code").GetString()!;
        using var anonym = Host.Anonymous();

        var gueltig = WebUtility.HtmlDecode(await anonym.GetStringAsync($"/schulungen/nachweis/{code}"));
        var api = await anonym.GetFromJsonAsync<JsonElement>($"/api/schulungen/nachweis/{code.ToLowerInvariant().Replace("-", " ")}");
        using var ohneGrund = await StaffApi.PostAsJsonAsync($"/api/schulungen/bescheinigungen/{id}/rueckzug", new { grund = " " });
        using var rueckzug = await StaffApi.PostAsJsonAsync($"/api/schulungen/bescheinigungen/{id}/rueckzug", new { grund = "Irrtümlich ausgestellt" });
        using var nochmal = await StaffApi.PostAsJsonAsync($"/api/schulungen/bescheinigungen/{id}/rueckzug", new { grund = "Noch einmal" });
        var zurueckgezogen = WebUtility.HtmlDecode(await anonym.GetStringAsync($"/schulungen/nachweis?code={code}"));
        var unbekannt = WebUtility.HtmlDecode(await anonym.GetStringAsync("/schulungen/nachweis/ABCD-EFGH-JKMN-PQRS-TUVW"));
        using var unbekanntApi = await anonym.GetAsync("/api/schulungen/nachweis/ABCD-EFGH-JKMN-PQRS-TUVW");

        Assert.Multiple(() =>
        {
            Assert.That(gueltig, Does.Contain("Gültig").And.Contain("A. D.").And.Contain("Umgang mit Rassismus"));
            Assert.That(gueltig, Does.Not.Contain("Aylin").And.Not.Contain("Demir").And.Not.Contain("@example.invalid"));
            Assert.That(api.GetProperty("initialen").GetString(), Is.EqualTo("A. D."));
            Assert.That(api.GetProperty("gueltig").GetBoolean(), Is.True);
            Assert.That(api.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "code", "kursTitel", "zeitraum", "initialen", "gueltig", "zurueckgezogenAm" }));
            Assert.That(ohneGrund.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(rueckzug.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(nochmal.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(zurueckgezogen, Does.Contain("Zurückgezogen").And.Not.Contain("Irrtümlich"), "the reason stays internal");
            Assert.That(unbekannt, Does.Contain("keine Teilnahmebescheinigung"));
            Assert.That(unbekanntApi.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Staff_issue_and_withdraw_on_the_pages_with_a_confirmation()
    {
        var (termin, aylin, jonas) = await DurchgefuehrtAsync();
        var pfad = $"/schulungen/termine/{termin.Id}/bescheinigungen";

        using var zuWenig = await SubmitAsync(pfad, "ausstellen", ("Input.Anmeldungen", jonas));
        var zuWenigSeite = WebUtility.HtmlDecode(await zuWenig.Content.ReadAsStringAsync());
        using var ausgestellt = await SubmitAsync(pfad, "ausstellen", ("Input.Anmeldungen", aylin));
        string id;
        using (var db = ModuleDatabase())
        {
            id = Dapper.SqlMapper.ExecuteScalar<string>(db, "SELECT id FROM bescheinigungen WHERE anmeldung_id = @aylin", new { aylin })!;
        }

        var detail = $"/schulungen/bescheinigungen/{id}";
        using var unbestaetigt = await SubmitAsync(detail, "rueckzug", ("Input.Grund", "Irrtümlich ausgestellt"));
        var unbestaetigtSeite = WebUtility.HtmlDecode(await unbestaetigt.Content.ReadAsStringAsync());
        using var bestaetigt = await SubmitAsync(detail, "rueckzug", ("Input.Grund", "Irrtümlich ausgestellt"), ("Input.Bestaetigt", "true"));

        Assert.Multiple(() =>
        {
            Assert.That(zuWenigSeite, Does.Contain("Für Keller, Jonas wird keine Teilnahmebescheinigung ausgestellt"));
            Assert.That(ausgestellt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(unbestaetigtSeite, Does.Contain("Bitte bestätigen Sie den Rückzug der Bescheinigung."));
            Assert.That(bestaetigt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Count("bescheinigungen", "id = @id AND zurueckgezogen_am IS NOT NULL AND rueckzug_grund = 'Irrtümlich ausgestellt'", new { id }), Is.EqualTo(1));
        });
    }

    /// <summary>A session of two days whose attendance staff recorded: Aylin was there both days, Jonas only the first.</summary>
    private async Task<(TestTermin Termin, string Aylin, string Jonas)> DurchgefuehrtAsync(bool zweiterTagErfasst = true)
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock);
        var aylin = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        var jonas = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Jonas", "Keller");
        await ErfassenAsync(termin.Id, termin.Zeiten[0], aylin, jonas);
        if (zweiterTagErfasst)
        {
            await ErfassenAsync(termin.Id, termin.Zeiten[1], aylin);
        }

        return (termin, aylin, jonas);
    }

    private async Task ErfassenAsync(string termin, string zeit, params string[] anwesend)
    {
        using var response = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin}/anwesenheit", new { zeitId = zeit, anwesend });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<string>> AusstellenAsync(string termin, params string[] anmeldungen)
    {
        using var response = await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{termin}/bescheinigungen", new { anmeldungen });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
    }
}
