using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Import;

/// <summary>
/// The CSV import through its JSON API: the preview names every bad row, an import writes all rows or
/// none (also when the data changes between preview and import, when two imports race, and when a
/// write fails in the middle), the encodings and separators Excel writes, broken files, permissions, audit.
/// </summary>
public sealed class ImportApiTests : LotsenFixture
{
    internal const string LotsenKopf = "Vorname;Nachname;E-Mail;Telefon;Wohnort;Sprachen;Themen;Kommunen;Verfügbarkeit;Vermittelt durch;Einwilligung am;Status";
    internal const string TraegerKopf = "Name;Ansprechperson;E-Mail;Telefon;Kommunen;Notiz";

    internal static string Einwilligung => TestClock.Today.AddDays(-10).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A valid Lotse row; <paramref name="nachname"/> makes it unique to the test.</summary>
    internal static string Lotse(string nachname, string vorname = "Samira", string? email = null, string wohnort = "Erbach", string sprachen = "ar:muttersprache, fa:gut",
        string themen = "Behörden, Schule", string kommunen = "Erbach, Michelstadt", string fenster = "Di 09:00-12:00, Do 14:00-17:00", string vermittelt = "Ehrenamtsagentur",
        string? einwilligung = null, string status = "", string telefon = "06062 12345")
        => $"{vorname};{nachname};{email ?? $"{vorname}.{nachname}@demo.invalid".ToLowerInvariant()};{telefon};{wohnort};{sprachen};{themen};{kommunen};{fenster};{vermittelt};{einwilligung ?? Einwilligung};{status}";

    internal const string ImportSchonErfasst = "Diese Person ist schon als Lotse erfasst (gleicher Vor- und Nachname und gleiche E-Mail-Adresse oder Telefonnummer). Bitte die Zeile aus der Datei löschen.";

    internal static byte[] Datei(string kopf, params string[] zeilen) => Encoding.UTF8.GetBytes(string.Join("\r\n", [kopf, .. zeilen]) + "\r\n");

    private async Task<HttpResponseMessage> SendeAsync(string art, byte[] datei, bool probelauf, HttpClient? client = null)
    {
        var inhalt = new ByteArrayContent(datei);
        inhalt.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await (client ?? StaffApi).PostAsync($"/api/lotsen/import/{art}?probelauf={(probelauf ? "true" : "false")}", inhalt);
    }

    private async Task<JsonElement> VorschauAsync(string art, byte[] datei)
    {
        using var response = await SendeAsync(art, datei, probelauf: true);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<string> Fehler(JsonElement vorschau, int zeile)
        => vorschau.GetProperty("zeilen").EnumerateArray().Single(z => z.GetProperty("zeile").GetInt32() == zeile)
            .GetProperty("fehler").EnumerateArray().Select(f => f.GetString()!).ToList();

    // --- preview names every bad row -----------------------------------------------------------------

    [TestCase("unbekannte Sprache", "Samira;{0};s@demo.invalid;;Erbach;xx:gut;;Erbach;;Ehrenamtsagentur;{1};", "Sprachen: Unbekannter Sprachcode „xx“")]
    [TestCase("Sprache ohne Niveau", "Samira;{0};s@demo.invalid;;Erbach;Arabisch;;Erbach;;Ehrenamtsagentur;{1};", "Sprachen: Arabisch: Bitte das Niveau angeben")]
    [TestCase("unbekannter Wohnort", "Samira;{0};s@demo.invalid;;Darmstadt;ar:gut;;Erbach;;Ehrenamtsagentur;{1};", "Wohnort: Keine Kommune im Odenwaldkreis: Darmstadt.")]
    [TestCase("unbekannte Kommune (AGS)", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;06411000;;Ehrenamtsagentur;{1};", "Kommunen: Keine Kommune im Odenwaldkreis: 06411000.")]
    [TestCase("ohne Kommune", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;;;Ehrenamtsagentur;{1};", "Kommunen: Bitte mindestens eine Kommune wählen.")]
    [TestCase("ohne Nachnamen", "Samira;;s@demo.invalid;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;{1};", "Nachname: Bitte den Nachnamen angeben.")]
    [TestCase("falsche E-Mail", "Samira;{0};kein-at;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;{1};", "E-Mail: Bitte eine gültige E-Mail-Adresse angeben")]
    [TestCase("weder E-Mail noch Telefon", "Samira;{0};;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;{1};", "Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.")]
    [TestCase("überlappende Zeitfenster", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;Di 09:00-12:00, Di 11:00-13:00;Ehrenamtsagentur;{1};", "Verfügbarkeit: Dienstag: 09:00–12:00 und 11:00–13:00 überschneiden sich.")]
    [TestCase("unlesbares Zeitfenster", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;Dienstags vormittags;Ehrenamtsagentur;{1};", "Verfügbarkeit: „Dienstags vormittags“ ist kein Zeitfenster")]
    [TestCase("verkehrtes Zeitfenster", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;Mi 12:00-09:00;Ehrenamtsagentur;{1};", "„von“ (12:00) muss vor „bis“ (09:00) liegen")]
    [TestCase("unmögliches Datum", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;31.02.2026;", "Einwilligung am: „31.02.2026“ ist kein gültiges Datum")]
    [TestCase("Einwilligung in der Zukunft", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;01.01.2099;", "darf nicht in der Zukunft liegen")]
    [TestCase("ohne Einwilligung", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;;", "Ohne dokumentierte Einwilligung")]
    [TestCase("unbekanntes Thema", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;Astrologie;Erbach;;Ehrenamtsagentur;{1};", "Themen: Unbekanntes Thema „Astrologie“")]
    [TestCase("unbekannte Vermittlung", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;;Zeitung;{1};", "Vermittelt durch: Bitte angeben, wer die Person vermittelt hat")]
    [TestCase("Status aktiv", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;{1};aktiv", "Status: „aktiv“ kann nicht importiert werden")]
    [TestCase("zu viele Felder", "Samira;{0};s@demo.invalid;;Erbach;ar:gut;;Erbach;;Ehrenamtsagentur;{1};;Zusatz", "mehr Felder (13) als die Kopfzeile Spalten (12)")]
    public async Task The_preview_names_the_bad_Lotse_row_and_nothing_is_written(string fall, string zeile, string erwartet)
    {
        var nachname = "Vorschau" + Guid.NewGuid().ToString("N")[..8];
        var datei = Datei(LotsenKopf, Lotse(nachname + "Gut"), string.Format(System.Globalization.CultureInfo.InvariantCulture, zeile, nachname, Einwilligung));
        var vorschau = await VorschauAsync("lotsen", datei);
        using var import = await SendeAsync("lotsen", datei, probelauf: false);
        var problem = await import.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(Fehler(vorschau, 2), Is.Empty, fall + ": the good row stays good");
            Assert.That(Fehler(vorschau, 3), Has.Some.Contains(erwartet), fall);
            Assert.That(vorschau.GetProperty("zusammenfassung").GetString(), Is.EqualTo("1 Zeile gültig, 1 fehlerhaft"));
            Assert.That(vorschau.GetProperty("importierbar").GetBoolean(), Is.False);
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("Zeile 3").EnumerateArray().Select(e => e.GetString()), Has.Some.Contains(erwartet));
            Assert.That(problem.GetProperty("errors").TryGetProperty("Zeile 2", out _), Is.False);
            Assert.That(Count("lotsen", "nachname LIKE @n", new { n = nachname + "%" }), Is.Zero, "nothing of the file is written");
        });
    }

    [TestCase("ohne Namen", ";Petra Beispiel;p@demo.invalid;;Erbach;", "Name: Bitte den Namen des Trägers angeben.")]
    [TestCase("unbekannte Kommune", "{0} B;;;;Darmstadt;", "Kommunen: Keine Kommune im Odenwaldkreis: Darmstadt.")]
    [TestCase("falsche E-Mail", "{0} B;;kein-at;;Erbach;", "E-Mail: Bitte eine gültige E-Mail-Adresse angeben")]
    [TestCase("falsche Telefonnummer", "{0} B;;;0606x;Erbach;", "Telefon: Die Telefonnummer darf nur Ziffern")]
    [TestCase("schon erfasster Name", "Bestehender Importträger e. V.;;;;Erbach;", "Name: Ein Träger mit diesem Namen ist schon erfasst.")]
    public async Task The_preview_names_the_bad_Traeger_row_and_nothing_is_written(string fall, string zeile, string erwartet)
    {
        if (Count("traeger", "name = 'Bestehender Importträger e. V.'") == 0)
        {
            using var angelegt = await StaffApi.PostAsJsonAsync("/api/lotsen/traeger", new { name = "Bestehender Importträger e. V." });
            Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        var name = "Vorschauträger " + Guid.NewGuid().ToString("N")[..8];
        var datei = Datei(TraegerKopf, $"{name} A;Ida Muster;ida@demo.invalid;06062 1;Erbach, Michelstadt;", string.Format(System.Globalization.CultureInfo.InvariantCulture, zeile, name));
        var vorschau = await VorschauAsync("traeger", datei);
        using var import = await SendeAsync("traeger", datei, probelauf: false);

        Assert.Multiple(() =>
        {
            Assert.That(Fehler(vorschau, 2), Is.Empty, fall);
            Assert.That(Fehler(vorschau, 3), Has.Some.Contains(erwartet), fall);
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("traeger", "name LIKE @n", new { n = name + "%" }), Is.Zero);
        });
    }

    [Test]
    public async Task Duplicates_within_the_file_and_with_existing_Lotsen_are_named_on_every_row()
    {
        var nachname = "Doppelt" + Guid.NewGuid().ToString("N")[..8];
        var bestehend = Register.LotsenApi.Gueltig("Bestand" + nachname, vorname: "Karim", email: "karim@bestand.invalid");
        await Register.LotsenApi.AnlegenAsync(StaffApi, bestehend);
        var datei = Datei(LotsenKopf,
            Lotse(nachname, email: "gleich@demo.invalid"),
            Lotse(nachname + "Anders"),
            Lotse(nachname.ToUpperInvariant(), email: "GLEICH@demo.invalid"),
            Lotse("Bestand" + nachname, vorname: "Karim", email: "karim@bestand.invalid"));
        var vorschau = await VorschauAsync("lotsen", datei);

        Assert.Multiple(() =>
        {
            Assert.That(Fehler(vorschau, 2), Has.Some.Contains("Doppelt in der Datei").And.Some.Contains("Zeile 4"));
            Assert.That(Fehler(vorschau, 3), Is.Empty);
            Assert.That(Fehler(vorschau, 4), Has.Some.Contains("Doppelt in der Datei").And.Some.Contains("Zeile 2"));
            Assert.That(Fehler(vorschau, 5), Has.Some.Contains("ist schon als Lotse erfasst"));
            Assert.That(vorschau.GetProperty("zusammenfassung").GetString(), Is.EqualTo("1 Zeile gültig, 3 fehlerhaft"));
        });
    }

    [Test]
    public async Task The_same_person_is_found_whatever_the_case_the_blanks_or_the_spelling_of_the_phone_number()
    {
        var x = Guid.NewGuid().ToString("N")[..8];
        var bestehend = Register.LotsenApi.Gueltig("Bestand" + x, vorname: "Anna Maria", email: $"anna.{x}@bestand.invalid");
        await Register.LotsenApi.AnlegenAsync(StaffApi, bestehend);
        var datei = Datei(LotsenKopf,
            Lotse($" BESTAND{x.ToUpperInvariant()} ", vorname: "anna  maria", email: $"andere.{x}@demo.invalid", telefon: "+49 6062 123456"),
            Lotse("Zwilling" + x, vorname: "Jonas", email: $"jonas.{x}@demo.invalid", telefon: "0171 1111111"),
            Lotse("zwilling" + x, vorname: "JONAS", email: $"anders.{x}@demo.invalid", telefon: "0049 (171) 111 1111"),
            Lotse("Bestand" + x, vorname: "Anna Maria", email: $"namensvetterin.{x}@demo.invalid", telefon: "0171 999999"));
        var vorschau = await VorschauAsync("lotsen", datei);

        Assert.Multiple(() =>
        {
            Assert.That(Fehler(vorschau, 2), Is.EqualTo(new[] { ImportSchonErfasst }),
                "same name in other case and spacing, same phone in international spelling");
            Assert.That(Fehler(vorschau, 3), Has.One.Contains("Doppelt in der Datei").And.Contains("Zeile 4"));
            Assert.That(Fehler(vorschau, 4), Has.One.Contains("Doppelt in der Datei").And.Contains("Zeile 3"));
            Assert.That(Fehler(vorschau, 5), Is.Empty, "a namesake with other contact data is another person");
        });
    }

    [Test]
    public async Task A_coordinator_is_told_that_a_person_of_another_municipality_exists_and_nothing_more()
    {
        var x = Guid.NewGuid().ToString("N")[..8];
        var fremd = Register.LotsenApi.Gueltig("Fremd" + x, vorname: "Leyla", email: $"leyla.{x}@demo.invalid", kommunen: [Testdaten.Michelstadt]);
        fremd["wohnortAgs"] = Testdaten.Michelstadt;
        var fremdId = await Register.LotsenApi.AnlegenAsync(StaffApi, fremd);
        using var koordination = await TestKonten.ApiAsync(Host, AdminApi, "import-erbach",
            TestKonten.Recht("lotsen.import"), TestKonten.Recht("lotsen.lesen", Testdaten.Erbach), TestKonten.Recht("lotsen.bearbeiten", Testdaten.Erbach));
        using var sichtbar = await koordination.GetAsync($"/api/lotsen/lotsen/{fremdId}");
        var datei = Datei(LotsenKopf,
            Lotse("Eigen" + x, kommunen: "Erbach"),
            Lotse("Fremd" + x, vorname: "Leyla", email: $"leyla.{x}@demo.invalid", kommunen: "Erbach", telefon: ""));

        using var vorschauAntwort = await SendeAsync("lotsen", datei, probelauf: true, koordination);
        var text = await vorschauAntwort.Content.ReadAsStringAsync();
        using var import = await SendeAsync("lotsen", datei, probelauf: false, koordination);
        var problem = await import.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(sichtbar.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the Lotse of Michelstadt is outside the coordinator's scope");
            Assert.That(vorschauAntwort.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var vorschau = JsonDocument.Parse(text).RootElement;
            Assert.That(Fehler(vorschau, 2), Is.Empty);
            Assert.That(Fehler(vorschau, 3), Is.EqualTo(new[] { ImportSchonErfasst }));
            Assert.That(text, Does.Not.Contain(fremdId).And.Not.Contain("Michelstadt"), "nothing of the existing record is disclosed");
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem, Does.Contain("Zeile 3").And.Not.Contain(fremdId).And.Not.Contain("Michelstadt"));
            Assert.That(Count("lotsen", "nachname IN (@a, @b)", new { a = "Eigen" + x, b = "Fremd" + x }), Is.EqualTo(1), "only the existing one; nothing imported");
        });
    }

    [Test]
    public async Task A_coordinators_row_reaching_beyond_her_municipalities_is_a_bad_row_and_nothing_is_imported()
    {
        var x = Guid.NewGuid().ToString("N")[..8];
        using var koordination = await TestKonten.ApiAsync(Host, AdminApi, "import-bereich",
            TestKonten.Recht("lotsen.import"), TestKonten.Recht("lotsen.lesen", Testdaten.Erbach), TestKonten.Recht("lotsen.bearbeiten", Testdaten.Erbach));
        var datei = Datei(LotsenKopf, Lotse("Innen" + x, kommunen: "Erbach"), Lotse("Geteilt" + x, kommunen: "Erbach, Oberzent"));

        using var vorschauAntwort = await SendeAsync("lotsen", datei, probelauf: true, koordination);
        var text = await vorschauAntwort.Content.ReadAsStringAsync();
        using var import = await SendeAsync("lotsen", datei, probelauf: false, koordination);

        Assert.Multiple(() =>
        {
            Assert.That(vorschauAntwort.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            var vorschau = JsonDocument.Parse(text).RootElement;
            Assert.That(Fehler(vorschau, 2), Is.Empty);
            Assert.That(Fehler(vorschau, 3), Has.One.StartsWith("Kommunen: Außerhalb Ihres Bereichs"));
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("lotsen", "nachname IN (@a, @b)", new { a = "Innen" + x, b = "Geteilt" + x }), Is.Zero);
        });
    }

    [Test]
    public async Task A_Lotse_registered_between_preview_and_import_stops_the_whole_import()
    {
        var x = "Zwischen" + Guid.NewGuid().ToString("N")[..8];
        var datei = Datei(LotsenKopf, Lotse(x + "A"), Lotse(x + "B", vorname: "Omid", email: $"omid.{x}@demo.invalid"), Lotse(x + "C"));
        var vorschau = await VorschauAsync("lotsen", datei);
        await Register.LotsenApi.AnlegenAsync(StaffApi, Register.LotsenApi.Gueltig(x + "B", vorname: "Omid", email: $"OMID.{x}@demo.invalid"));

        using var import = await SendeAsync("lotsen", datei, probelauf: false);
        var problem = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(vorschau.GetProperty("importierbar").GetBoolean(), Is.True);
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("Zeile 3")[0].GetString(), Is.EqualTo(ImportSchonErfasst));
            Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "Zeile 3" }));
            Assert.That(Count("lotsen", "nachname IN (@a, @c)", new { a = x + "A", c = x + "C" }), Is.Zero, "rows before and after the conflict are not written");
            Assert.That(Count("lotsen", "nachname = @b", new { b = x + "B" }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_Traeger_name_twice_in_the_file_is_named_on_both_rows()
    {
        var name = "Zwilling " + Guid.NewGuid().ToString("N")[..8];
        var vorschau = await VorschauAsync("traeger", Datei(TraegerKopf, $"{name};;;;;", $"{name.ToUpperInvariant()};;;;;"));
        Assert.Multiple(() =>
        {
            Assert.That(Fehler(vorschau, 2), Has.Some.Contains("Doppelt in der Datei: Derselbe Träger (Name) steht auch in Zeile 3."));
            Assert.That(Fehler(vorschau, 3), Has.Some.Contains("steht auch in Zeile 2"));
        });
    }

    // --- import: all rows or none --------------------------------------------------------------------

    [Test]
    public async Task A_valid_file_imports_every_row_with_its_lists_in_German_names_and_writes_one_audit_entry()
    {
        var nachname = "Komplett" + Guid.NewGuid().ToString("N")[..8];
        var datei = Datei(LotsenKopf,
            Lotse(nachname + "A", sprachen: "Arabisch (Muttersprache), Dari (gut)", themen: "Behörden, kita", kommunen: "06437006, Höchst", fenster: "Montag 9:00-12:00, Fr 14:00–17:30"),
            Lotse(nachname + "B", vermittelt: "selbst", status: "in Schulung", wohnort: "06437011"),
            Lotse(nachname + "C", vermittelt: "Träger", fenster: ""));
        var vorschau = await VorschauAsync("lotsen", datei);
        using var response = await SendeAsync("lotsen", datei, probelauf: false);
        var ergebnis = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var db = ModuleDatabase();
        var a = db.QuerySingle<string>("SELECT id FROM lotsen WHERE nachname = @n", new { n = nachname + "A" });
        var audit = (await Register.LotsenApi.AuditAsync(AdminApi, "CSV-Import")).GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("details").GetString() == "CSV-Import: 3 Datensätze" && r.GetProperty("recordType").GetString() == "Lotse").ToList();

        Assert.Multiple(() =>
        {
            var werte = vorschau.GetProperty("zeilen")[0].GetProperty("werte");
            Assert.That(werte.GetProperty("Sprachen").GetString(), Is.EqualTo("Arabisch (Muttersprache), Dari (gut)"));
            Assert.That(werte.GetProperty("Kommunen").GetString(), Is.EqualTo("Erbach, Höchst i. Odw."));
            Assert.That(werte.GetProperty("Themen").GetString(), Is.EqualTo("Behörden, Kita"));
            Assert.That(werte.GetProperty("Verfügbarkeit").GetString(), Is.EqualTo("Montag 09:00–12:00, Freitag 14:00–17:30"));
            Assert.That(vorschau.GetProperty("zusammenfassung").GetString(), Is.EqualTo("3 Zeilen gültig, 0 fehlerhaft"));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ergebnis.GetProperty("importiert").GetInt32(), Is.EqualTo(3));
            Assert.That(ergebnis.GetProperty("meldung").GetString(), Is.EqualTo("3 Lotsen importiert"));
            Assert.That(Count("lotsen", "nachname LIKE @n", new { n = nachname + "%" }), Is.EqualTo(3));
            Assert.That(db.Query<string>("SELECT code || ':' || niveau FROM lotse_sprachen WHERE lotse_id = @a ORDER BY code", new { a }), Is.EqualTo(new[] { "ar:muttersprache", "prs:gut" }));
            Assert.That(db.Query<string>("SELECT ags FROM lotse_kommunen WHERE lotse_id = @a ORDER BY ags", new { a }), Is.EqualTo(new[] { "06437006", "06437009" }));
            Assert.That(db.Query<string>("SELECT thema FROM lotse_themen WHERE lotse_id = @a ORDER BY thema", new { a }), Is.EqualTo(new[] { "behoerden", "kita" }));
            Assert.That(db.Query<string>("SELECT wochentag || ' ' || von || '-' || bis FROM lotse_verfuegbarkeit WHERE lotse_id = @a ORDER BY wochentag", new { a }), Is.EqualTo(new[] { "1 09:00-12:00", "5 14:00-17:30" }));
            Assert.That(Count("lotsen", "nachname = @n AND status = 'in_schulung' AND vermittelt_durch = 'selbst' AND wohnort_ags = '06437011'", new { n = nachname + "B" }), Is.EqualTo(1));
            Assert.That(Count("lotsen", "nachname = @n AND status = 'interessiert' AND vermittelt_durch = 'traeger'", new { n = nachname + "C" }), Is.EqualTo(1));
            Assert.That(Count("lotse_status_verlauf v JOIN lotsen l ON l.id = v.lotse_id", "l.nachname LIKE @n AND v.grund = 'CSV-Import' AND v.von IS NULL", new { n = nachname + "%" }), Is.EqualTo(3));
            Assert.That(audit, Has.Count.GreaterThanOrEqualTo(1), "one Create entry with the count");
            Assert.That(audit.Select(r => r.GetProperty("action").GetString()), Is.All.EqualTo("Create"));
            Assert.That(audit.Select(r => r.GetProperty("recordId").ValueKind), Is.All.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task A_valid_Traeger_file_imports_every_candidate_as_identified_with_its_municipalities()
    {
        var name = "Importträger " + Guid.NewGuid().ToString("N")[..8];
        using var response = await SendeAsync("traeger", Datei(TraegerKopf,
            $"{name} Eins;Ida Muster;ida@demo.invalid;06062 1;Erbach, Michelstadt;über die Ehrenamtsagentur",
            $"{name} Zwei;;;;06437014;"), probelauf: false);
        var ergebnis = await response.Content.ReadFromJsonAsync<JsonElement>();
        using var db = ModuleDatabase();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(ergebnis.GetProperty("meldung").GetString(), Is.EqualTo("2 Träger importiert"));
            Assert.That(Count("traeger", "name LIKE @n AND status = 'identifiziert'", new { n = name + "%" }), Is.EqualTo(2));
            Assert.That(db.Query<string>("SELECT k.ags FROM traeger_kommunen k JOIN traeger t ON t.id = k.traeger_id WHERE t.name = @n ORDER BY k.ags", new { n = name + " Eins" }),
                Is.EqualTo(new[] { "06437006", "06437011" }));
            Assert.That(Count("traeger_status_verlauf v JOIN traeger t ON t.id = v.traeger_id", "t.name LIKE @n AND v.grund = 'CSV-Import'", new { n = name + "%" }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_Traeger_entered_by_someone_else_between_preview_and_import_stops_the_whole_import()
    {
        var name = "Zwischendurch " + Guid.NewGuid().ToString("N")[..8];
        var datei = Datei(TraegerKopf, $"{name} Eins;;;;;", $"{name} Zwei;;;;;", $"{name} Drei;;;;;");
        var vorschau = await VorschauAsync("traeger", datei);
        using (var anderer = await StaffApi.PostAsJsonAsync("/api/lotsen/traeger", new { name = $"{name} Zwei" }))
        {
            Assert.That(anderer.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        using var import = await SendeAsync("traeger", datei, probelauf: false);
        var problem = await import.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(vorschau.GetProperty("importierbar").GetBoolean(), Is.True);
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("Zeile 3")[0].GetString(), Does.Contain("schon erfasst"));
            Assert.That(Count("traeger", "name IN (@a, @b)", new { a = $"{name} Eins", b = $"{name} Drei" }), Is.Zero, "rows before and after the conflict are not written");
            Assert.That(Count("traeger", "name = @n", new { n = $"{name} Zwei" }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_write_failing_in_the_middle_rolls_back_the_rows_written_before_it()
    {
        var name = "Mittendrin " + Guid.NewGuid().ToString("N")[..8];
        using (var db = ModuleDatabase())
        {
            // Stands in for any failure the checks could not foresee (disk full, a constraint): the second row's insert fails.
            db.Execute($"CREATE TRIGGER test_import_abbruch BEFORE INSERT ON traeger WHEN NEW.name = '{name} Zwei' BEGIN SELECT RAISE(ABORT, 'simulierter Fehler'); END");
        }

        try
        {
            using var import = await SendeAsync("traeger", Datei(TraegerKopf, $"{name} Eins;;;;Erbach;", $"{name} Zwei;;;;;", $"{name} Drei;;;;;"), probelauf: false);
            Assert.Multiple(() =>
            {
                Assert.That((int)import.StatusCode, Is.EqualTo(500));
                Assert.That(Count("traeger", "name LIKE @n", new { n = name + "%" }), Is.Zero, "the first row, written before the failure, is rolled back");
                Assert.That(Count("traeger_kommunen k JOIN traeger t ON t.id = k.traeger_id", "t.name LIKE @n", new { n = name + "%" }), Is.Zero);
                Assert.That(Count("traeger_status_verlauf v JOIN traeger t ON t.id = v.traeger_id", "t.name LIKE @n", new { n = name + "%" }), Is.Zero);
            });
        }
        finally
        {
            using var db = ModuleDatabase();
            db.Execute("DROP TRIGGER test_import_abbruch");
        }
    }

    [Test]
    public async Task Two_imports_of_the_same_Traeger_racing_import_once()
    {
        var name = "Wettlauf " + Guid.NewGuid().ToString("N")[..8];
        var datei = Datei(TraegerKopf, Enumerable.Range(1, 40).Select(i => $"{name} {i:00};;;;Erbach;").ToArray());
        var antworten = await Task.WhenAll(SendeAsync("traeger", datei, probelauf: false), SendeAsync("traeger", datei, probelauf: false));
        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(antworten.Select(a => a.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.BadRequest }));
                Assert.That(Count("traeger", "name LIKE @n", new { n = name + "%" }), Is.EqualTo(40), "each candidate once");
            });
        }
        finally
        {
            foreach (var antwort in antworten)
            {
                antwort.Dispose();
            }
        }
    }

    // --- encodings, separators, broken files ---------------------------------------------------------

    [Test]
    public async Task A_Windows_1252_file_from_German_Excel_keeps_its_umlauts()
    {
        var nachname = "Größer" + Guid.NewGuid().ToString("N")[..6];
        var text = $"{LotsenKopf}\r\n{Lotse(nachname, vorname: "Jürgen", email: "juergen@demo.invalid", wohnort: "Höchst i. Odw.", themen: "Behörden", kommunen: "Fränkisch-Crumbach")}\r\n";
        var datei = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text);
        Assert.That(datei, Does.Contain((byte)0xFC), "the file really is Windows-1252 (ü = FC)");
        using var response = await SendeAsync("lotsen", datei, probelauf: false);
        var antwort = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), antwort);
            Assert.That(Count("lotsen", "vorname = 'Jürgen' AND nachname = @nachname AND wohnort_ags = '06437009'", new { nachname }), Is.EqualTo(1));
            Assert.That(Count("lotse_kommunen k JOIN lotsen l ON l.id = k.lotse_id", "l.nachname = @nachname AND k.ags = '06437007'", new { nachname }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_UTF8_file_with_BOM_and_a_comma_separated_file_with_quoted_lists_are_read()
    {
        var mitBom = "Bom" + Guid.NewGuid().ToString("N")[..8];
        var komma = "Komma" + Guid.NewGuid().ToString("N")[..8];
        byte[] bom = [.. Encoding.UTF8.GetPreamble(), .. Datei(LotsenKopf, Lotse(mitBom))];
        var kommaDatei = Encoding.UTF8.GetBytes(
            "Vorname,Nachname,E-Mail,Wohnort,Sprachen,Kommunen,Verfügbarkeit,Vermittelt durch,Einwilligung am\n" +
            $"Lena,{komma},lena@demo.invalid,Michelstadt,\"uk:muttersprache, ru:verhandlungssicher\",\"Michelstadt, Erbach\",\"Sa 10:00-12:00, So 10:00-12:00\",selbst,{Einwilligung}\n");
        using var a = await SendeAsync("lotsen", bom, probelauf: false);
        using var b = await SendeAsync("lotsen", kommaDatei, probelauf: false);
        var textA = await a.Content.ReadAsStringAsync();
        var textB = await b.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(a.StatusCode, Is.EqualTo(HttpStatusCode.OK), textA);
            Assert.That(b.StatusCode, Is.EqualTo(HttpStatusCode.OK), textB);
            Assert.That(Count("lotsen", "nachname = @mitBom AND vorname = 'Samira'", new { mitBom }), Is.EqualTo(1), "the BOM is not part of the first column's name");
            Assert.That(Count("lotse_sprachen s JOIN lotsen l ON l.id = s.lotse_id", "l.nachname = @komma", new { komma }), Is.EqualTo(2));
            Assert.That(Count("lotse_verfuegbarkeit v JOIN lotsen l ON l.id = v.lotse_id", "l.nachname = @komma", new { komma }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_multipart_upload_is_read_like_a_raw_body()
    {
        var name = "Multipart " + Guid.NewGuid().ToString("N")[..8];
        using var form = new MultipartFormDataContent();
        var datei = new ByteArrayContent(Datei(TraegerKopf, $"{name};;;;Oberzent;"));
        datei.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(datei, "datei", "traeger.csv");
        using var response = await StaffApi.PostAsync("/api/lotsen/import/traeger?probelauf=true", form);
        var vorschau = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(vorschau.GetProperty("zeilen")[0].GetProperty("werte").GetProperty("Kommunen").GetString(), Is.EqualTo("Oberzent"));
            Assert.That(Count("traeger", "name = @name", new { name }), Is.Zero, "a dry run writes nothing");
        });
    }

    private static IEnumerable<TestCaseData> KaputteDateien()
    {
        yield return new TestCaseData(Array.Empty<byte>(), "Die Datei ist leer.").SetName("leere Datei");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("\r\n\r\n"), "keine Kopfzeile").SetName("nur Leerzeilen");
        yield return new TestCaseData(Encoding.UTF8.GetBytes(LotsenKopf + "\r\n"), "nur die Kopfzeile").SetName("nur Kopfzeile");
        yield return new TestCaseData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00 }, "keine CSV-Textdatei").SetName("Excel-Arbeitsmappe (zip)");
        yield return new TestCaseData(Enumerable.Range(0, 2000).Select(i => (byte)(i * 7 % 256)).ToArray(), "keine CSV-Textdatei").SetName("Binärdaten");
        yield return new TestCaseData(Encoding.UTF8.GetBytes(LotsenKopf + "\r\nSamira;\"Haddad;x\r\n"), "fehlt ein schließendes Anführungszeichen").SetName("offenes Anführungszeichen");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("Name;Ort\r\nA;B\r\n"), "Es fehlen die Spalten „Vorname“, „Nachname“").SetName("falsche Spalten");
        yield return new TestCaseData(Encoding.UTF8.GetBytes(LotsenKopf + ";Telfon\r\n"), "Unbekannte Spalten: „Telfon“").SetName("unbekannte Spalte");
        yield return new TestCaseData(Encoding.UTF8.GetBytes(TraegerKopf + "\r\nA;;;;;\r\n"), "Ist es die richtige Datei").SetName("Trägerdatei als Lotsen");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("{\"vorname\": \"Samira\"}"), "Es fehlen die Spalten").SetName("JSON statt CSV");
    }

    [TestCaseSource(nameof(KaputteDateien))]
    public async Task A_broken_file_is_a_clear_400_and_writes_nothing(byte[] datei, string erwartet)
    {
        var vorher = Count("lotsen");
        using var vorschau = await SendeAsync("lotsen", datei, probelauf: true);
        using var import = await SendeAsync("lotsen", datei, probelauf: false);
        var problem = await vorschau.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(vorschau.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("datei")[0].GetString(), Does.Contain(erwartet));
            Assert.That(Count("lotsen"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_file_too_large_or_with_too_many_rows_is_refused_with_the_limit()
    {
        var gross = new byte[3 * 1024 * 1024];
        Array.Fill(gross, (byte)'a');
        var viele = Datei(TraegerKopf, Enumerable.Range(1, 5001).Select(i => $"Massenträger {i};;;;;").ToArray());
        using var zuGross = await SendeAsync("traeger", gross, probelauf: true);
        using var zuViele = await SendeAsync("traeger", viele, probelauf: false);
        var a = await zuGross.Content.ReadFromJsonAsync<JsonElement>();
        var b = await zuViele.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(zuGross.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(a.GetProperty("errors").GetProperty("datei")[0].GetString(), Does.Contain("zu groß (3,0 MB); höchstens 2 MB"));
            Assert.That(zuViele.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(b.GetProperty("errors").GetProperty("datei")[0].GetString(), Does.Contain("5.001 Datenzeilen; höchstens 5.000"));
            Assert.That(Count("traeger", "name LIKE 'Massenträger %'"), Is.Zero);
        });
    }

    [Test]
    public async Task A_bad_probelauf_value_is_a_400()
    {
        using var response = await StaffApi.PostAsync("/api/lotsen/import/traeger?probelauf=vielleicht", new ByteArrayContent(Datei(TraegerKopf, "X;;;;;")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    // --- permissions -----------------------------------------------------------------------------------

    private static IEnumerable<TestCaseData> Rechte()
    {
        yield return new TestCaseData("lotsen", new[] { "lotsen.import" }, HttpStatusCode.Forbidden).SetName("Lotsen: nur Import");
        yield return new TestCaseData("lotsen", new[] { "lotsen.import", "lotsen.traeger" }, HttpStatusCode.Forbidden).SetName("Lotsen: Import und Trägersuche");
        yield return new TestCaseData("lotsen", new[] { "lotsen.bearbeiten", "lotsen.lesen" }, HttpStatusCode.Forbidden).SetName("Lotsen: Bearbeiten ohne Import");
        yield return new TestCaseData("lotsen", new[] { "lotsen.import", "lotsen.bearbeiten" }, HttpStatusCode.OK).SetName("Lotsen: Import und Bearbeiten");
        yield return new TestCaseData("traeger", new[] { "lotsen.import" }, HttpStatusCode.Forbidden).SetName("Träger: nur Import");
        yield return new TestCaseData("traeger", new[] { "lotsen.import", "lotsen.bearbeiten" }, HttpStatusCode.Forbidden).SetName("Träger: Import und Bearbeiten");
        yield return new TestCaseData("traeger", new[] { "lotsen.traeger" }, HttpStatusCode.Forbidden).SetName("Träger: Trägersuche ohne Import");
        yield return new TestCaseData("traeger", new[] { "lotsen.import", "lotsen.traeger" }, HttpStatusCode.OK).SetName("Träger: Import und Trägersuche");
    }

    /// <summary>Importing Lotsen writes the registry's personal data (lotsen.bearbeiten), importing Träger the Träger search (lotsen.traeger).</summary>
    [TestCaseSource(nameof(Rechte))]
    public async Task An_import_needs_the_import_permission_and_the_permission_of_what_it_writes(string art, string[] rechte, HttpStatusCode erwartet)
    {
        var x = "Recht" + Guid.NewGuid().ToString("N")[..8];
        using var nutzer = await TestKonten.ApiAsync(Host, AdminApi, "import-" + art, rechte.Select(r => TestKonten.Recht(r)).ToArray());
        var datei = art == "lotsen" ? Datei(LotsenKopf, Lotse(x)) : Datei(TraegerKopf, $"{x} e. V.;;;;Erbach;");
        using var vorschau = await SendeAsync(art, datei, probelauf: true, nutzer);
        using var import = await SendeAsync(art, datei, probelauf: false, nutzer);
        Assert.Multiple(async () =>
        {
            Assert.That(vorschau.StatusCode, Is.EqualTo(erwartet), await vorschau.Content.ReadAsStringAsync());
            Assert.That(import.StatusCode, Is.EqualTo(erwartet), await import.Content.ReadAsStringAsync());
            Assert.That(Count("lotsen", "nachname = @x", new { x }) + Count("traeger", "name = @n", new { n = $"{x} e. V." }), Is.EqualTo(erwartet == HttpStatusCode.OK ? 1 : 0));
        });
    }

    [TestCase("lotsen")]
    [TestCase("traeger")]
    public async Task The_API_needs_a_login_and_the_import_permission(string art)
    {
        using var anonymous = Host.Anonymous();
        var datei = Datei(TraegerKopf, "Unbefugt e. V.;;;;;");
        using var ohne = await SendeAsync(art, datei, probelauf: false, anonymous);
        using var admin = await SendeAsync(art, datei, probelauf: false, AdminApi);
        Assert.Multiple(() =>
        {
            Assert.That(ohne.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Count("traeger", "name = 'Unbefugt e. V.'"), Is.Zero);
        });
    }

    [Test]
    public async Task The_import_is_in_the_OpenAPI_document()
    {
        using var anonymous = Host.Anonymous();
        var dokument = await anonymous.GetStringAsync("/openapi/v1.json");
        Assert.That(dokument, Does.Contain("/api/lotsen/import/lotsen").And.Contain("/api/lotsen/import/traeger"));
    }
}
