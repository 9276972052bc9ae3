using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Seiten;

/// <summary>
/// The request, matching and assignment pages through HTTP, as a browser uses them: GET the page, post
/// a form with its anti-forgery token and handler name, follow the redirect or read the inline messages.
/// </summary>
public sealed partial class AnfragenSeitenTests : LotsenFixture
{
    private static readonly DateOnly Dienstag = Testdaten.Naechster(DayOfWeek.Tuesday);

    [Test]
    public async Task Intake_form_shows_a_missing_municipality_inline_and_writes_nothing_then_a_valid_one_redirects_to_the_detail()
    {
        (string, string)[] felder =
        [
            ("Input.Kennung", "S.P."),
            ("Input.Sprachen", "ar"),
            ("Input.Sprachen", "ps"),
            ("Input.WeitereSprache", "ckb"),
            ("Input.Thema", "schule"),
            ("Input.Ziel", "Schule"),
            ("Input.DatumVon", Dienstag.ToString("yyyy-MM-dd")),
            ("Input.UhrzeitVon", "08:30"),
            ("Input.VermitteltDurch", "schule"),
            ("Input.Notiz", "Elterngespräch"),
        ];

        using var ohneKommune = await SubmitAsync("/lotsen/anfragen/neu", "anfrage", felder);
        var seite = await TextAsync(ohneKommune);
        Assert.Multiple(() =>
        {
            Assert.That(ohneKommune.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(seite, Does.Contain("Bitte eine Kommune im Odenwaldkreis wählen."));
            Assert.That(seite, Does.Contain("value=\"S.P.\""), "the entered values stay in the form");
            Assert.That(Count("anfragen", "kennung = 'S.P.'"), Is.Zero);
        });

        using var gueltig = await SubmitAsync("/lotsen/anfragen/neu", "anfrage", [.. felder, ("Input.KommuneAgs", Testdaten.Michelstadt)]);
        Assert.That(gueltig.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await TextAsync(gueltig));
        var ziel = gueltig.Headers.Location!.PathAndQuery;
        Assert.That(ziel, Does.Match(@"^/lotsen/anfragen/[0-9a-f-]{36}\?gespeichert=angelegt$"));
        var id = ziel.Split('/', '?')[3];
        Assert.Multiple(() =>
        {
            Assert.That(Count("anfragen", "id = @id AND kennung = 'S.P.' AND kommune_ags = @ags AND uhrzeit_von = '08:30'", new { id, ags = Testdaten.Michelstadt }), Is.EqualTo(1));
            Assert.That(Count("anfrage_sprachen", "anfrage_id = @id", new { id }), Is.EqualTo(3), "two checkboxes and the list");
        });

        var detail = await PageAsync(ziel);
        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain("role=\"status\"").And.Contain("Die Anfrage ist aufgenommen."));
            Assert.That(detail, Does.Contain("Arabisch, Paschtu, Sorani").Or.Contain("Arabisch, Sorani, Paschtu"));
            Assert.That(detail, Does.Contain("Michelstadt").And.Contain("Schule").And.Contain("ab 08:30 Uhr"));
            Assert.That(detail, Does.Contain(Dienstag.ToString("dd.MM.yyyy")));
            Assert.That(detail, Does.Contain("Elterngespräch"), "the note is the first case-log entry");
        });
    }

    [Test]
    public async Task Intake_form_shows_a_municipality_outside_the_coordinators_scope_at_the_municipality_field_and_writes_nothing()
    {
        const string Oberzent = "06437014";
        using var koordination = await TestKonten.BrowserAsync(Host, AdminApi, "koord-anfrage",
            TestKonten.Recht("lotsen.lesen", Testdaten.Erbach), TestKonten.Recht("lotsen.bearbeiten", Testdaten.Erbach));
        var ab = DateOnly.FromDateTime(Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime).AddDays(7);
        var vorher = Count("anfragen");

        using var response = await PageForms.SubmitAsync(koordination, "/lotsen/anfragen/neu", "anfrage",
            ("Input.Kennung", "O.Z."), ("Input.Sprachen", "ar"), ("Input.Thema", "behoerden"), ("Input.KommuneAgs", Oberzent),
            ("Input.DatumVon", ab.ToString("yyyy-MM-dd")), ("Input.VermitteltDurch", "schule"));
        var seite = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(PageForms.MessagesAt(seite, "id=\"kommune\""), Has.One.StartsWith("Außerhalb Ihres Bereichs"));
            Assert.That(WebUtility.HtmlDecode(seite), Does.Contain("value=\"O.Z.\""), "the entered values stay in the form");
            Assert.That(Count("anfragen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task Detail_shows_ranked_suggestions_and_the_assign_form_warns_outside_availability_then_assigns_with_a_reason()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Tesfay", Sprachen: [("ti", "muttersprache")]));
            Testdaten.Anlegen(db, new("Yonas", Sprachen: [("ti", "gut")], Kommunen: [Testdaten.BadKoenig]));
        }

        var anfrage = await NeueAnfrageAsync("ti");
        var seite = await PageAsync($"/lotsen/anfragen/{anfrage}");
        Assert.Multiple(() =>
        {
            Assert.That(seite, Does.Contain("<h2 id=\"vorschlaege\">Vorschläge</h2>"));
            Assert.That(seite.IndexOf("1. Tesfay Test", StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(seite.IndexOf("2. Yonas Test", StringComparison.Ordinal)));
            Assert.That(seite, Does.Contain("spricht Tigrinya (Muttersprache)").And.Contain("nicht in Erbach tätig"));
            Assert.That(seite, Does.Contain($"value=\"{Dienstag:yyyy-MM-dd}\""), "the day defaults to the earliest available day");
            Assert.That(seite, Does.Not.Contain("Grund für den Termin außerhalb"), "the reason field appears only after the warning");
        });

        using var ausserhalb = await SubmitAsync($"/lotsen/anfragen/{anfrage}", $"vermitteln-{lotse}", Einteilung(lotse, "15:00"));
        var warnung = await TextAsync(ausserhalb);
        Assert.Multiple(() =>
        {
            Assert.That(ausserhalb.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(warnung, Does.Contain("außerhalb der Verfügbarkeit von Tesfay Test (Di 09:00–12:00)"));
            Assert.That(warnung, Does.Contain("Grund für den Termin außerhalb der Verfügbarkeit").And.Contain("Tesfay Test trotzdem einteilen"));
            Assert.That(Count("anfragen", "id = @anfrage AND status = 'offen'", new { anfrage }), Is.EqualTo(1));
            Assert.That(Count("einsaetze", "anfrage_id = @anfrage", new { anfrage }), Is.Zero);
        });

        using var mitGrund = await SubmitAsync($"/lotsen/anfragen/{anfrage}", $"vermitteln-{lotse}", [.. Einteilung(lotse, "15:00"), ("Vermittlung.AbweichungGrund", "Termin der Behörde steht fest")]);
        Assert.That(mitGrund.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await TextAsync(mitGrund));
        Assert.That(mitGrund.Headers.Location!.OriginalString, Does.EndWith("?gespeichert=vermittelt#einsaetze"));
        var detail = await PageAsync(mitGrund.Headers.Location!.PathAndQuery);
        Assert.Multiple(() =>
        {
            Assert.That(detail, Does.Contain("role=\"status\">Der Lotse ist eingeteilt"));
            Assert.That(Count("anfragen", "id = @anfrage AND status = 'vermittelt' AND lotse_id = @lotse", new { anfrage, lotse }), Is.EqualTo(1));
            Assert.That(Count("einsaetze", "anfrage_id = @anfrage AND abweichung_grund = 'Termin der Behörde steht fest'", new { anfrage }), Is.EqualTo(1));
            Assert.That(detail, Does.Contain($"{Dienstag:dd.MM.yyyy}, 15:00 Uhr"), "the assignment in local time");
            Assert.That(detail, Does.Not.Contain("<h2 id=\"vorschlaege\">"), "a matched request has no suggestions");
            Assert.That(detail, Does.Contain("Weiteren Einsatz planen"));
        });
    }

    [Test]
    public async Task A_suggestion_posted_after_someone_else_matched_the_request_shows_who_was_faster()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Olena", Sprachen: [("uk", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync("uk");
        var seite = await PageAsync($"/lotsen/anfragen/{anfrage}");
        using (var schneller = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = Dienstag, beginn = "09:00", dauerMinuten = 60 }))
        {
            Assert.That(schneller.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var zuSpaet = await StaffBrowser.PostAsync($"/lotsen/anfragen/{anfrage}", Fields(seite, $"vermitteln-{lotse}", Einteilung(lotse, "10:00")));
        var antwort = await TextAsync(zuSpaet);
        Assert.Multiple(() =>
        {
            Assert.That(zuSpaet.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a message, not an error page");
            Assert.That(antwort, Does.Contain("role=\"alert\">Die Anfrage wurde inzwischen schon an Olena Test vermittelt."));
            Assert.That(Count("einsaetze", "anfrage_id = @anfrage", new { anfrage }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Status_form_offers_only_allowed_targets_needs_confirmation_shows_a_refusal_inline_and_changes_the_status()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Reza", Sprachen: [("prs", "muttersprache")]));
        }

        var anfrage = await NeueAnfrageAsync("prs");
        using (var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = Dienstag, beginn = "09:00", dauerMinuten = 60 }))
        {
            Assert.That(vermittelt.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var seite = await PageAsync($"/lotsen/anfragen/{anfrage}");
        var statusFormular = seite[seite.IndexOf("id=\"status-neu\"", StringComparison.Ordinal)..];
        statusFormular = statusFormular[..statusFormular.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.That(OptionValues().Matches(statusFormular).Select(m => m.Groups[1].Value), Is.EquivalentTo(new[] { "erledigt", "abgebrochen", "offen" }), "no 'vermittelt': that is reached by assigning");

        using var unbestaetigt = await SubmitAsync($"/lotsen/anfragen/{anfrage}", "status", ("StatusInput.Status", "abgebrochen"), ("StatusInput.Grund", "Person ist verzogen"));
        Assert.That(await TextAsync(unbestaetigt), Does.Contain("Bitte bestätigen Sie die Statusänderung."));

        using var erledigt = await SubmitAsync($"/lotsen/anfragen/{anfrage}", "status", ("StatusInput.Status", "erledigt"), ("StatusInput.Bestaetigt", "true"));
        var refused = await TextAsync(erledigt);
        Assert.Multiple(() =>
        {
            Assert.That(erledigt.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(refused, Does.Contain("role=\"alert\">Erledigt ist eine Anfrage erst, wenn mindestens ein Einsatz als durchgeführt erfasst ist."));
            Assert.That(Count("anfragen", "id = @anfrage AND status = 'vermittelt'", new { anfrage }), Is.EqualTo(1));
        });

        using var vermitteltPost = await SubmitAsync($"/lotsen/anfragen/{anfrage}", "status", ("StatusInput.Status", "vermittelt"), ("StatusInput.Bestaetigt", "true"));
        Assert.That(await TextAsync(vermitteltPost), Does.Contain("role=\"alert\">Anfrage: Wechsel von „vermittelt“ zu „vermittelt“ ist nicht möglich"), "a target that is not offered is refused if posted anyway");

        using var abgebrochen = await SubmitAsync($"/lotsen/anfragen/{anfrage}", "status", ("StatusInput.Status", "abgebrochen"), ("StatusInput.Grund", "Person ist verzogen"), ("StatusInput.Bestaetigt", "true"));
        Assert.That(abgebrochen.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await TextAsync(abgebrochen));
        var danach = await PageAsync(abgebrochen.Headers.Location!.PathAndQuery);
        Assert.Multiple(() =>
        {
            Assert.That(Count("anfragen", "id = @anfrage AND status = 'abgebrochen' AND status_grund = 'Person ist verzogen'", new { anfrage }), Is.EqualTo(1));
            Assert.That(Count("einsaetze", "anfrage_id = @anfrage AND status = 'ausgefallen'", new { anfrage }), Is.EqualTo(1));
            Assert.That(danach, Does.Contain("Der Status wurde geändert.").And.Contain("ist endgültig"));
            Assert.That(danach, Does.Not.Contain("id=\"status-neu\""));
        });

        using var nochmal = await StaffBrowser.PostAsync($"/lotsen/anfragen/{anfrage}", Fields(seite, "status", ("StatusInput.Status", "offen"), ("StatusInput.Grund", "doch"), ("StatusInput.Bestaetigt", "true")));
        var nochmalText = await TextAsync(nochmal);
        Assert.Multiple(() =>
        {
            Assert.That(nochmal.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a stale status form gets the reason, not an error page");
            Assert.That(nochmalText, Does.Contain("nicht möglich (erlaubt: keiner – der Status ist endgültig)"));
        });
    }

    [Test]
    public async Task Case_log_entry_through_the_form_newest_first_and_invalid_entry_inline()
    {
        var anfrage = await NeueAnfrageAsync("sw");
        using var leer = await SubmitAsync($"/lotsen/anfragen/{anfrage}", "eintrag", ("Eintrag.Art", "kontaktiert"));
        var leerText = await TextAsync(leer);
        Assert.Multiple(() =>
        {
            Assert.That(leerText, Does.Contain("Bitte eine kurze Beschreibung des Geschehens angeben."));
            Assert.That(Count("anfrage_aktivitaeten", "anfrage_id = @anfrage", new { anfrage }), Is.EqualTo(1));
        });

        using var ok = await SubmitAsync($"/lotsen/anfragen/{anfrage}", "eintrag", ("Eintrag.Art", "kontaktiert"), ("Eintrag.Notiz", "Telefonisch erreicht"));
        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await TextAsync(ok));
        var seite = await PageAsync($"/lotsen/anfragen/{anfrage}");
        var verlauf = seite[seite.IndexOf("id=\"verlauf\"", StringComparison.Ordinal)..];
        Assert.That(verlauf.IndexOf("Telefonisch erreicht", StringComparison.Ordinal), Is.GreaterThan(0).And.LessThan(verlauf.IndexOf("Anfrage aufgenommen", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Lists_filter_and_say_when_nothing_matches_and_the_assignment_is_recorded_through_its_page()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Ahmad", Sprachen: [("ur", "muttersprache")]));
        }

        var vergangen = Testdaten.Letzter(DayOfWeek.Tuesday);
        var anfrage = await NeueAnfrageAsync("ur", vergangen);
        using (var vermittelt = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", new { lotseId = lotse, tag = vergangen, beginn = "09:00", dauerMinuten = 60 }))
        {
            Assert.That(vermittelt.StatusCode, Is.EqualTo(HttpStatusCode.Created), await vermittelt.Content.ReadAsStringAsync());
        }

        var liste = await PageAsync("/lotsen/anfragen?sprache=ur&status=vermittelt");
        Assert.That(liste, Does.Contain($"href=\"/lotsen/anfragen/{anfrage}\"").And.Contain("Ahmad Test"));
        Assert.That(await PageAsync("/lotsen/anfragen?sprache=yo"), Does.Contain("Keine Anfragen zu diesem Filter."));

        var einsatz = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{anfrage}")).GetProperty("einsaetze")[0].GetProperty("id").GetString();
        var monat = vergangen.ToString("yyyy-MM");
        Assert.That(await PageAsync($"/lotsen/einsaetze?monat={monat}&status=geplant"), Does.Contain($"href=\"/lotsen/einsaetze/{einsatz}\""));
        Assert.That(await PageAsync($"/lotsen/einsaetze?monat={vergangen.AddYears(-5):yyyy-MM}"), Does.Contain("Keine Einsätze zu diesem Filter."));

        using var ohneErgebnis = await SubmitAsync($"/lotsen/einsaetze/{einsatz}", "erfassung", ("Input.Status", "durchgefuehrt"), ("Input.DauerMinuten", "75"));
        var ohneErgebnisText = await TextAsync(ohneErgebnis);
        Assert.Multiple(() =>
        {
            Assert.That(ohneErgebnisText, Does.Contain("Bitte das Ergebnis wählen."));
            Assert.That(Count("einsaetze", "id = @einsatz AND status = 'geplant'", new { einsatz }), Is.EqualTo(1));
        });

        using var erfasst = await SubmitAsync($"/lotsen/einsaetze/{einsatz}", "erfassung",
            ("Input.Status", "durchgefuehrt"), ("Input.Ergebnis", "erledigt"), ("Input.DauerMinuten", "75"), ("Input.FahrtKm", "12.5"), ("Input.Nachbereitung", "true"), ("Input.Bemerkung", "gut gelaufen"));
        Assert.That(erfasst.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await TextAsync(erfasst));
        var detail = await PageAsync(erfasst.Headers.Location!.PathAndQuery);
        Assert.Multiple(() =>
        {
            Assert.That(Count("einsaetze", "id = @einsatz AND status = 'durchgefuehrt' AND dauer_minuten = 75 AND fahrt_km = 12.5 AND nachbereitung = 1", new { einsatz }), Is.EqualTo(1));
            Assert.That(detail, Does.Contain("Der Einsatz ist erfasst."));
            Assert.That(detail, Does.Contain("12,5 km"));
            Assert.That(detail, Does.Contain("Anliegen erledigt"));
            Assert.That(detail, Does.Not.Contain("Einsatz erfassen</button>"));
        });
    }

    [Test]
    public async Task Unknown_ids_show_not_found_content_and_the_admin_may_not_open_the_pages()
    {
        Assert.That(await PageAsync($"/lotsen/anfragen/{Guid.NewGuid()}"), Does.Contain("<h1>Anfrage nicht gefunden</h1>"));
        Assert.That(await PageAsync($"/lotsen/einsaetze/{Guid.NewGuid()}"), Does.Contain("<h1>Einsatz nicht gefunden</h1>"));

        using var admin = await Host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        foreach (var pfad in new[] { "/lotsen/anfragen", "/lotsen/anfragen/neu", $"/lotsen/anfragen/{Guid.NewGuid()}", "/lotsen/einsaetze" })
        {
            using var response = await admin.GetAsync(pfad);
            Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK), pfad);
        }
    }

    private static (string, string)[] Einteilung(string lotse, string beginn)
        => [("Vermittlung.LotseId", lotse), ("Vermittlung.Tag", Dienstag.ToString("yyyy-MM-dd")), ("Vermittlung.Beginn", beginn), ("Vermittlung.DauerMinuten", "60")];

    private async Task<string> NeueAnfrageAsync(string sprache, DateOnly? von = null)
    {
        var start = von ?? Dienstag;
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Testdaten.Anfrage("K.M.", [sprache], von: start, bis: start.AddDays(6)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }


    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());


    private static FormUrlEncodedContent Fields(string page, string handler, params (string Name, string Value)[] fields)
    {
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PlatformHost.AntiforgeryToken(page)), new("_handler", handler) };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("<option value=\"([^\"]*)\"")]
    private static partial Regex OptionValues();
}
