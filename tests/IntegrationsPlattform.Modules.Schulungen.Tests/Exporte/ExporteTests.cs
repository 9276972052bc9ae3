using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Exporte;

/// <summary>
/// The CSV downloads of the list pages as German Excel opens them (UTF-8 with BOM, „;“): the session list with its
/// filters, a session's registrations (staff only, audited) and attendance, the course catalogue.
/// </summary>
public sealed class ExporteTests : SchulungenFixture
{
    private const string Erbach = "06437006";

    [Test]
    public async Task The_session_list_exports_the_filtered_sessions()
    {
        var kurs = await SchulungenApi.KursAsync(StaffApi, "Export-Kurs Termine", "veroeffentlicht");
        await SchulungenApi.TerminAsync(StaffApi, kurs, Erbach, 20);
        var andererKurs = await SchulungenApi.KursAsync(StaffApi, "Export-Kurs anderer", "veroeffentlicht");
        await SchulungenApi.TerminAsync(StaffApi, andererKurs, Erbach, 21);

        var (antwort, zeilen) = await CsvAsync(StaffBrowser, $"/schulungen/termine/export.csv?kurs={kurs}");

        Assert.Multiple(() =>
        {
            Assert.That(zeilen[0], Is.EqualTo("Kurs;Beginn;Ende;Kommune;Termintage;Plätze;Belegt;Warteliste;Anmeldeschluss;Status"));
            Assert.That(zeilen, Has.Count.EqualTo(2), "the course filter applies");
            Assert.That(zeilen[1], Does.StartWith($"Export-Kurs Termine;{TestClock.Today.AddDays(20):dd.MM.yyyy} 09:00;{TestClock.Today.AddDays(20):dd.MM.yyyy} 16:00;Erbach;1;"));
        });
        AssertCsv(antwort);
    }

    [Test]
    public async Task The_catalogue_exports_its_courses_with_the_search()
    {
        await SchulungenApi.KursAsync(StaffApi, "Export-Katalog Elternarbeit", "veroeffentlicht");

        var (antwort, zeilen) = await CsvAsync(StaffBrowser, "/schulungen/kurse/export.csv?suche=Export-Katalog");

        Assert.Multiple(() =>
        {
            Assert.That(zeilen[0], Is.EqualTo("Titel;Format;Unterrichtseinheiten;Stunden;Status;Termine"));
            Assert.That(zeilen, Has.Count.EqualTo(2));
            Assert.That(zeilen[1], Does.StartWith("Export-Katalog Elternarbeit;"));
        });
        AssertCsv(antwort);
    }

    [Test]
    public async Task A_sessions_registrations_and_attendance_export_with_names_and_the_export_is_audited()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1);
        var da = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Exportova");
        NachweisDaten.Anmeldung(db, Clock, termin.Id, "Jonas", "Keller");
        using (var erfasst = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = termin.Zeiten[0], anwesend = new[] { da } }))
        {
            Assert.That(erfasst.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        }

        var (anmeldungenAntwort, anmeldungen) = await CsvAsync(StaffBrowser, $"/schulungen/termine/{termin.Id}/anmeldungen.csv");
        var (anwesenheitAntwort, anwesenheit) = await CsvAsync(StaffBrowser, $"/schulungen/termine/{termin.Id}/anwesenheit.csv");
        var audit = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=" + Uri.EscapeDataString($"Anmeldungen des Termins {termin.Id} (CSV)"));

        Assert.Multiple(() =>
        {
            Assert.That(anmeldungen[0], Is.EqualTo("Nachname;Vorname;E-Mail;Schulen;Arbeitgeber oder Träger;Status;Warteplatz;Bestätigt am;Abgemeldet am"));
            Assert.That(anmeldungen.Skip(1), Has.Some.StartsWith($"Exportova;Aylin;{Email(db, da)};;;"));
            Assert.That(anwesenheit[0], Does.StartWith("Name;Termintag 1 (").And.EndWith(");Anteil;Status"));
            Assert.That(anwesenheit.Skip(1), Has.Some.EqualTo("\"Exportova, Aylin\";anwesend;100 %;vollständig teilgenommen").Or.Some.EqualTo("Exportova, Aylin;anwesend;100 %;vollständig teilgenommen"));
            Assert.That(anwesenheit.Skip(1), Has.Some.Contains("abwesend;0 %;nicht erschienen"));
            Assert.That(audit.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("action").GetString()), Has.Some.EqualTo("Export"));
        });
        AssertCsv(anmeldungenAntwort);
        AssertCsv(anwesenheitAntwort);
    }

    [Test]
    public async Task A_trainer_gets_neither_registrations_nor_the_catalogue_and_no_other_trainers_attendance()
    {
        using var db = ModuleDatabase();
        var konto = await TestAccounts.CreateAsync(AdminApi, "trainerin-export", TestGrant.OwnRecords(Anwesenheit));
        using var trainerin = await Host.SignedInClientAsync(konto.UserName, TestAccounts.Password);
        var fremd = NachweisDaten.Termin(db, Clock, trainerKonto: "andere-trainerin-export");
        var eigener = NachweisDaten.Termin(db, Clock, trainerKonto: konto.UserName);
        NachweisDaten.Anmeldung(db, Clock, eigener.Id, "Mara", "Lorenz");

        using var anmeldungen = await trainerin.GetAsync($"/schulungen/termine/{eigener.Id}/anmeldungen.csv");
        using var katalog = await trainerin.GetAsync("/schulungen/kurse/export.csv");
        using var fremdeAnwesenheit = await trainerin.GetAsync($"/schulungen/termine/{fremd.Id}/anwesenheit.csv");
        var (_, eigeneAnwesenheit) = await CsvAsync(trainerin, $"/schulungen/termine/{eigener.Id}/anwesenheit.csv");
        var (_, termine) = await CsvAsync(trainerin, "/schulungen/termine/export.csv");

        Assert.Multiple(() =>
        {
            Assert.That(anmeldungen.Headers.Location?.OriginalString, Does.Contain("/account/denied"), "refused like a page");
            Assert.That(katalog.Headers.Location?.OriginalString, Does.Contain("/account/denied"));
            Assert.That(fremdeAnwesenheit.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(eigeneAnwesenheit.Skip(1), Has.Some.StartsWith("\"Lorenz, Mara\"").Or.Some.StartsWith("Lorenz, Mara"));
            Assert.That(termine, Has.Count.EqualTo(2), "her own session only");
        });
    }

    private static async Task<(HttpResponseMessage Antwort, List<string> Zeilen)> CsvAsync(HttpClient client, string pfad)
    {
        var antwort = await client.GetAsync(pfad);
        var bytes = await antwort.Content.ReadAsByteArrayAsync();
        Assert.That(antwort.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM, as Excel needs it");
        var text = new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3);
        return (antwort, text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).ToList());
    }

    private static void AssertCsv(HttpResponseMessage antwort)
    {
        Assert.That(antwort.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        antwort.Dispose();
    }

    private static string Email(Microsoft.Data.Sqlite.SqliteConnection db, string anmeldung)
        => Dapper.SqlMapper.ExecuteScalar<string>(db, "SELECT p.email FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.id = @anmeldung", new { anmeldung })!;
}
