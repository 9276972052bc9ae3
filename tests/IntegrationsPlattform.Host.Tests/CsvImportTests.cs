using System.Text;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The SDK's CSV reader with the files Excel writes, and the files it must refuse.</summary>
public sealed class CsvImportTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Test]
    public void Reads_German_Excel_CSV_in_Windows_1252_with_quotes_euro_and_typographic_quotes()
    {
        var datei = Windows1252.GetBytes("Name;Notiz\r\nJürgen Größer;\"Kosten 5 €; „bitte“ – danke\"\r\n");
        var tabelle = CsvImport.Read(datei);
        Assert.Multiple(() =>
        {
            Assert.That(tabelle.Header, Is.EqualTo(new[] { "Name", "Notiz" }));
            Assert.That(tabelle.Rows[0]["name"], Is.EqualTo("Jürgen Größer"));
            Assert.That(tabelle.Rows[0]["Notiz"], Is.EqualTo("Kosten 5 €; „bitte“ – danke"));
        });
    }

    [Test]
    public void Reads_UTF8_with_BOM_UTF16_and_comma_or_tab_separated_files()
    {
        var bom = CsvImport.Read([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("Name;Ort\nÄnne;Erbach\n")]);
        var utf16 = CsvImport.Read([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Name\tOrt\r\nÄnne\tErbach\r\n")]);
        var komma = CsvImport.Read(Encoding.UTF8.GetBytes("Name,Ort\r\n\"Haddad, Samira\",\"Erbach\"\r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(bom.Header[0], Is.EqualTo("Name"), "the BOM is not part of the first column");
            Assert.That(bom.Rows[0]["Name"], Is.EqualTo("Änne"));
            Assert.That(utf16.Rows[0]["Ort"], Is.EqualTo("Erbach"));
            Assert.That(komma.Rows[0]["Name"], Is.EqualTo("Haddad, Samira"));
        });
    }

    [Test]
    public void Rows_keep_their_line_numbers_across_quoted_line_breaks_and_blank_lines()
    {
        var tabelle = CsvImport.Read(Encoding.UTF8.GetBytes("A;B\r\n1;\"zwei\r\nZeilen\"\r\n\r\n3;drei\r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(tabelle.Rows.Select(r => r.LineNumber), Is.EqualTo(new[] { 2, 5 }));
            Assert.That(tabelle.Rows[0]["B"], Is.EqualTo("zwei\r\nZeilen"));
        });
    }

    [Test]
    public void Extra_empty_cells_are_ignored_and_extra_content_is_an_error_of_that_row_only()
    {
        var tabelle = CsvImport.Read(Encoding.UTF8.GetBytes("A;B\r\n1;2;;\r\n3;4;5\r\n6\r\n"));
        Assert.Multiple(() =>
        {
            Assert.That(tabelle.Rows[0].Error, Is.Null);
            Assert.That(tabelle.Rows[1].Error, Does.Contain("mehr Felder (3) als die Kopfzeile Spalten (2)"));
            Assert.That(tabelle.Rows[2]["B"], Is.Null, "a short row has empty cells");
        });
    }

    private static IEnumerable<TestCaseData> KeineTabellen()
    {
        yield return new TestCaseData(Array.Empty<byte>(), "leer").SetName("leer");
        yield return new TestCaseData(Encoding.UTF8.GetBytes(" ; \r\n"), "keine Kopfzeile").SetName("leere Kopfzeile");
        yield return new TestCaseData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x0A, 0x00 }, "keine CSV-Textdatei").SetName("xlsx");
        yield return new TestCaseData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1 }, "keine CSV-Textdatei").SetName("xls");
        yield return new TestCaseData(new byte[] { 0x41, 0x3B, 0x42, 0x00, 0x0A }, "keine CSV-Textdatei").SetName("NUL-Byte");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("A;B\n\u0001\u0002\u0003\u0004;\u0005\n"), "Steuerzeichen").SetName("Steuerzeichen");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("A;B\n1;\"offen\n2;3\n"), "In Zeile 2 fehlt ein schließendes Anführungszeichen").SetName("offenes Anführungszeichen");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("A;a\n1;2\n"), "Die Spalte „A“ steht zweimal").SetName("doppelte Spalte");
    }

    [TestCaseSource(nameof(KeineTabellen))]
    public void What_is_not_a_CSV_table_is_refused_with_a_German_message(byte[] datei, string meldung)
        => Assert.That(() => CsvImport.Read(datei), Throws.TypeOf<FormatException>().With.Message.Contains(meldung));
}
