using System.IO.Compression;
using System.Text;
using IntegrationsPlattform.Contracts.Files;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The SDK's recognition of uploads by their content, the cleaning of their names and the limits' messages.</summary>
[TestFixture]
public sealed class FileSniffingTests
{
    private static IEnumerable<TestCaseData> Recognised()
    {
        yield return new TestCaseData("%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), "x.bin", "pdf").SetName("PDF");
        yield return new TestCaseData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "x", "png").SetName("PNG");
        yield return new TestCaseData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46 }, "x.png", "jpeg").SetName("JPEG named .png");
        yield return new TestCaseData("GIF87a\u0001\0\u0001\0"u8.ToArray(), "x", "gif").SetName("GIF");
        yield return new TestCaseData("RIFF\u0024\0\0\0WEBPVP8 "u8.ToArray(), "x", "webp").SetName("WebP");
        yield return new TestCaseData(Zip(("[Content_Types].xml", "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")), "x.zip", "docx").SetName("DOCX");
        yield return new TestCaseData(Zip(("[Content_Types].xml", "<Types><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>")), "x", "xlsx").SetName("XLSX");
        yield return new TestCaseData(Zip(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")), "x", "odt").SetName("ODT");
        yield return new TestCaseData("Name;Kommune\nErika;Erbach\n"u8.ToArray(), "liste.CSV", "csv").SetName("CSV by its name");
        yield return new TestCaseData(Encoding.UTF8.GetPreamble().Concat("Grüße aus Höchst, مرحبا"u8.ToArray()).ToArray(), "notiz", "text").SetName("UTF-8 text with BOM");
    }

    [TestCaseSource(nameof(Recognised))]
    public void ContentIsRecognised(byte[] content, string name, string kind)
        => Assert.That(FileSniffer.Sniff(new MemoryStream(content), name)?.Key, Is.EqualTo(kind));

    private static IEnumerable<TestCaseData> Unknown()
    {
        yield return new TestCaseData("MZ\u0090\0\u0003\0\0\0"u8.ToArray()).SetName("program (NUL bytes)");
        yield return new TestCaseData(new byte[] { 0x47, 0x72, 0xFC, 0x65 }).SetName("Windows-1252 text, not UTF-8");
        yield return new TestCaseData(Zip(("readme.txt", "kein Office-Dokument"))).SetName("plain zip");
        yield return new TestCaseData(Zip(("[Content_Types].xml", "<Types><Override ContentType=\"application/vnd.ms-word.document.macroEnabled.main+xml\"/></Types>"))).SetName("Word document with macros");
        yield return new TestCaseData("PK\u0003\u0004kaputt"u8.ToArray()).SetName("broken zip");
    }

    [TestCaseSource(nameof(Unknown))]
    public void UnknownContentHasNoKindWhateverItsName(byte[] content)
        => Assert.That(FileSniffer.Sniff(new MemoryStream(content), "bild.png"), Is.Null);

    [Test]
    public void SvgIsOnlyTextNotAnImage()
        => Assert.That(FileSniffer.Sniff(new MemoryStream("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray()), "bild.svg"), Is.EqualTo(FileKind.Text));

    [TestCase("C:\\Users\\erika\\Bescheid.pdf", "pdf", "Bescheid.pdf")]
    [TestCase("../../etc/passwd", "text", "passwd.txt")]
    [TestCase("Foto.JPEG", "jpeg", "Foto.jpeg")]
    [TestCase("rechnung.pdf.exe", "pdf", "rechnung.pdf.exe.pdf")]
    [TestCase("ta\u0000b\u202Egnp.pdf", "pdf", "ta_b_gnp.pdf")]
    [TestCase("...", "png", "datei.png")]
    [TestCase(null, "csv", "datei.csv")]
    [TestCase("Mu\u0308ller.odt", "odt", "Müller.odt")]
    public void NameIsCleanedAndEndsInTheKindOfItsContent(string? name, string kind, string expected)
        => Assert.That(FileNames.Clean(name, FileKind.All.Single(k => k.Key == kind)), Is.EqualTo(expected));

    [Test]
    public void LongNameKeepsItsExtension()
        => Assert.That(FileNames.Clean(new string('a', 300) + ".pdf", FileKind.Pdf), Has.Length.EqualTo(120).And.EndsWith("a.pdf"));

    [Test]
    public void UseNamesItsLimitAndKindsInGerman()
    {
        var use = new FileUse("nachweis", 5 * 1024 * 1024, [FileKind.Pdf, FileKind.Jpeg]);
        Assert.Multiple(() =>
        {
            Assert.That(use.TooLarge(7_500_000), Is.EqualTo("Die Datei ist zu groß (7,2 MB); höchstens 5 MB erlaubt."));
            Assert.That(use.NotAllowed(FileKind.Docx), Is.EqualTo("Diese Art von Datei wird hier nicht angenommen (erkannt: Word-Dokument (DOCX)). Erlaubt: PDF, JPEG-Bild."));
            Assert.That(use.Hint, Is.EqualTo("PDF oder JPEG-Bild, höchstens 5 MB"));
            Assert.That(use.Accept, Is.EqualTo(".pdf,.jpg,.jpeg"));
            Assert.That(FileSize.German(850), Is.EqualTo("850 Bytes"));
            Assert.That(FileSize.German(12_800), Is.EqualTo("12,5 KB"));
        });
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
