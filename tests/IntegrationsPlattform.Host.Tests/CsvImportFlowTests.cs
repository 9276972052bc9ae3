using System.Text;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The SDK's CSV import flow with a tiny configuration: the limits a module sets, the columns, the preview naming every bad row, the upload store.</summary>
public sealed class CsvImportFlowTests
{
    private static readonly CsvImportColumns Orte = new("Orte",
    [
        new("Name", true, "name", "Pflicht.", "Erbach"),
        new("Einwohner", false, "einwohner", "Ganze Zahl.", "11000", "Einwohnerzahl"),
    ]);

    private static readonly DateTimeOffset Hochgeladen = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static byte[] Datei(string text) => Encoding.UTF8.GetBytes(text);

    private static string DateiFehler(TestDelegate aufruf)
        => Assert.Throws<RequestValidationException>(aufruf)!.Errors.Single(e => e.Field == "datei").Message;

    [Test]
    public void A_file_with_more_rows_than_the_module_allows_is_refused_naming_both_counts()
    {
        var limits = new CsvImportLimits(1024 * 1024, 2);
        var tabelle = limits.Read(Datei("Name\nErbach\nMichelstadt\nBeerfelden\n"));
        Assert.That(DateiFehler(() => limits.CheckRowCount(tabelle)), Does.Contain("3 Datenzeilen; höchstens 2 auf einmal"));
    }

    [Test]
    public void A_module_may_allow_100000_rows_for_many_small_values()
    {
        var limits = new CsvImportLimits(4 * 1024 * 1024, 100_000);
        var tabelle = limits.Read(Datei("Name\n" + string.Concat(Enumerable.Range(1, 100_000).Select(i => $"Wert {i}\n"))));
        Assert.Multiple(() =>
        {
            Assert.That(() => limits.CheckRowCount(tabelle), Throws.Nothing);
            Assert.That(tabelle.Rows, Has.Count.EqualTo(100_000));
        });
    }

    [Test]
    public void Empty_too_large_and_header_only_files_are_refused_in_German()
    {
        var limits = new CsvImportLimits(1024 * 1024, 10);
        Assert.Multiple(() =>
        {
            Assert.That(DateiFehler(() => limits.Read([])), Is.EqualTo("Die Datei ist leer."));
            Assert.That(DateiFehler(() => limits.Read(new byte[1024 * 1024 * 3 / 2])), Does.StartWith("Die Datei ist zu groß (1,5 MB); höchstens 1 MB."));
            Assert.That(DateiFehler(() => limits.CheckRowCount(limits.Read(Datei("Name\n")))), Does.Contain("nur die Kopfzeile"));
        });
    }

    [Test]
    public void Columns_match_other_spellings_and_refuse_missing_and_unknown_columns_by_name()
    {
        var zuordnung = Orte.Match(["name", "Einwohner-Zahl"]);
        var fehler = DateiFehler(() => Orte.Match(["Einwohner", "Landkreis"]));
        Assert.Multiple(() =>
        {
            Assert.That(zuordnung["Einwohner"], Is.EqualTo("Einwohner-Zahl"));
            Assert.That(fehler, Does.Contain("Es fehlen die Spalten „Name“."));
            Assert.That(fehler, Does.Contain("Unbekannte Spalten: „Landkreis“."));
            Assert.That(fehler, Does.Contain("Erwartet für Orte: Name; Einwohner."));
            Assert.That(Orte.ColumnOf("einwohner"), Is.EqualTo("Einwohner"));
        });
    }

    [Test]
    public void The_preview_names_every_bad_row_with_its_line_and_column_and_refuses_the_import()
    {
        var zeilen = CsvImportPreview.WithDuplicatesNamed(
        [
            (new CsvImportRow(2, new Dictionary<string, string> { ["Name"] = "Erbach" }, []), ["erbach"]),
            (new CsvImportRow(3, new Dictionary<string, string> { ["Name"] = "" }, ["Name: Pflichtfeld."]), []),
            (new CsvImportRow(4, new Dictionary<string, string> { ["Name"] = "erbach" }, []), ["erbach"]),
        ], "Derselbe Ort");
        var vorschau = new CsvImportPreview("orte", Orte.Names, zeilen);
        var abgelehnt = Assert.Throws<RequestValidationException>(vorschau.EnsureImportable)!;
        Assert.Multiple(() =>
        {
            Assert.That(vorschau.Summary, Is.EqualTo("0 Zeilen gültig, 3 fehlerhaft"));
            Assert.That(vorschau.Importable, Is.False);
            Assert.That(abgelehnt.Errors.Select(e => $"{e.Field}: {e.Message}"), Is.EqualTo(new[]
            {
                "Zeile 2: Doppelt in der Datei: Derselbe Ort steht auch in Zeile 4.",
                "Zeile 3: Name: Pflichtfeld.",
                "Zeile 4: Doppelt in der Datei: Derselbe Ort steht auch in Zeile 2.",
            }));
        });
    }

    [Test]
    public void Only_a_clean_file_with_rows_is_importable()
    {
        var sauber = new CsvImportPreview("orte", Orte.Names, [new CsvImportRow(2, new Dictionary<string, string> { ["Name"] = "Erbach" }, [])]);
        Assert.Multiple(() =>
        {
            Assert.That(sauber.EnsureImportable, Throws.Nothing);
            Assert.That(sauber.Summary, Is.EqualTo("1 Zeile gültig, 0 fehlerhaft"));
            Assert.That(new CsvImportPreview("orte", Orte.Names, []).Importable, Is.False);
        });
    }

    [Test]
    public void An_upload_opens_only_for_its_user_and_only_until_it_expires()
    {
        var ablage = new CsvImportUploads<string>();
        var id = ablage.Keep(new CsvImportUpload<string>("anna", "orte", "orte.csv", Datei("Name\nErbach\n"), null, null, Hochgeladen + CsvImportUploads<string>.Lifetime), Hochgeladen);
        Assert.Multiple(() =>
        {
            Assert.That(ablage.Find(id, "anna", Hochgeladen.AddMinutes(29))?.FileName, Is.EqualTo("orte.csv"));
            Assert.That(ablage.Find(id, "bernd", Hochgeladen.AddMinutes(1)), Is.Null);
            Assert.That(ablage.Find(id, "anna", Hochgeladen.AddMinutes(30)), Is.Null);
        });
    }

    [Test]
    public void A_user_keeps_at_most_five_uploads_the_oldest_go_first()
    {
        var ablage = new CsvImportUploads<string>();
        var ids = Enumerable.Range(0, 6)
            .Select(i => ablage.Keep(new CsvImportUpload<string>("anna", "orte", $"{i}.csv", [], null, null, Hochgeladen.AddMinutes(30 + i)), Hochgeladen.AddMinutes(i)))
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ablage.Find(ids[0], "anna", Hochgeladen.AddMinutes(6)), Is.Null);
            Assert.That(ids.Skip(1).Select(id => ablage.Find(id, "anna", Hochgeladen.AddMinutes(6))?.FileName), Is.EqualTo(new[] { "1.csv", "2.csv", "3.csv", "4.csv", "5.csv" }));
        });
    }

    [Test]
    public async Task An_upload_is_kept_with_its_preview_or_with_why_the_file_cannot_be_imported()
    {
        var ablage = new CsvImportUploads<string>();
        var limits = new CsvImportLimits(40, 10);
        // The module's dry run: here only the reading, which refuses an empty file as a whole.
        Task<CsvImportPreview> Pruefen(byte[] inhalt)
        {
            limits.Read(inhalt);
            return Task.FromResult(new CsvImportPreview("orte", Orte.Names, [new CsvImportRow(2, new Dictionary<string, string> { ["Name"] = "Erbach" }, [])]));
        }

        async Task<CsvImportUpload<string>> HochladenAsync(IFormFile? datei)
            => ablage.Find(await ablage.KeepUploadAsync("anna", "orte", datei, limits, Pruefen, Hochgeladen, CancellationToken.None), "anna", Hochgeladen)!;

        static FormFile Formulardatei(string name, byte[] inhalt) => new(new MemoryStream(inhalt), 0, inhalt.Length, "datei", name);

        var gut = await HochladenAsync(Formulardatei("orte.csv", Datei("Name\nErbach\n")));
        var gross = await HochladenAsync(Formulardatei("gross.csv", new byte[41]));
        var leer = await HochladenAsync(Formulardatei("leer.csv", []));
        var keine = await HochladenAsync(null);
        Assert.Multiple(() =>
        {
            Assert.That(gut.Preview?.Importable, Is.True);
            Assert.That(gut.File, Is.EqualTo(Datei("Name\nErbach\n")));
            Assert.That(gut.FileError, Is.Null);
            Assert.That(gross.FileName, Is.EqualTo("gross.csv"));
            Assert.That(gross.FileError, Does.Contain("zu groß"));
            Assert.That(gross.File, Is.Empty);
            Assert.That(gross.Preview, Is.Null);
            Assert.That(leer.FileError, Is.EqualTo("Die Datei ist leer."));
            Assert.That(keine.FileError, Is.EqualTo("Bitte eine CSV-Datei wählen."));
            Assert.That(gut.Until, Is.EqualTo(Hochgeladen + CsvImportUploads<string>.Lifetime));
        });
    }
}
