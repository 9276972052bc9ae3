using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Print;
using IntegrationsPlattform.Host.Print;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Printable documents: the PDF opens in PDFsharp with the DejaVu fonts embedded and every character it shows
/// mapped back to text, long tables continue on further pages, and the HTML twin shows the same blocks with the
/// same QR code; right-to-left documents are HTML only. Through the Beispiel plugin: its certificate as PDF and page.
/// </summary>
[TestFixture]
public sealed partial class PrintDocumentsTests : HostFixture
{
    private static readonly DeploymentInfo Kreis = new("Odenwaldkreis", "06437", "Erbach", [new Municipality("06437006", "Erbach")]);

    private static PrintDocument Sample(int rows) => new("Teilnahmebescheinigung Größe & Übung",
    [
        new PrintText("Frau Şahin hat am Kurs „Vielfalt in der Schulsozialarbeit“ teilgenommen. " + string.Concat(Enumerable.Repeat("Ein langer Satz, der umbrechen muss. ", 30))),
        new PrintHeading("Termine"),
        new PrintTable("Termine des Kurses", ["Nr.", "Thema", "Ort"], Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)[i.ToString(CultureInfo.InvariantCulture), $"Thema {i}: Antidiskriminierung im Schulalltag, Fallarbeit", "Erbach"]).ToList()),
        new PrintImage(RgbPng(40, 20), "Siegel", 30),
        new PrintQrCode("https://kreis.example/schulungen/1", "Online prüfen:"),
    ]);

    [Test]
    public void PdfOpensWithEmbeddedDejaVuFontsAndTheTextItShows()
    {
        var bytes = new PdfDocuments(Kreis).RenderPdf(Sample(rows: 3));
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var objects = pdf.Internals.GetAllObjects().OfType<PdfDictionary>().ToList();
        var embedded = objects.Where(d => d.Elements.ContainsKey("/FontFile2")).Select(d => d.Elements.GetName("/FontName")).ToList();
        var mapped = objects.Where(d => d.Elements.GetName("/Type") == "/Font" && d.Elements.ContainsKey("/ToUnicode"))
            .SelectMany(d => MappedCharacters(((PdfReference)d.Elements["/ToUnicode"]!).Value as PdfDictionary)).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(pdf.PageCount, Is.EqualTo(1));
            Assert.That(pdf.Info.Title, Is.EqualTo("Teilnahmebescheinigung Größe & Übung"));
            Assert.That(pdf.Info.Author, Is.EqualTo("Odenwaldkreis"));
            Assert.That(embedded, Has.Some.EndsWith("+DejaVu Sans").And.Some.EndsWith("+DejaVu Sans,Bold"), "subsets of both faces embedded");
            Assert.That("TeilnahmebescheinigungGrößeÜbungŞahinOdenwaldkreisSeite".ToHashSet().Except(mapped), Is.Empty, "every character shown is text in the PDF");
            Assert.That(objects.Count(d => d.Elements.GetName("/Subtype") == "/Image"), Is.EqualTo(1));
        });
    }

    [Test]
    public void LongTableContinuesOnFurtherPages()
    {
        using var pdf = PdfReader.Open(new MemoryStream(new PdfDocuments(Kreis).RenderPdf(Sample(rows: 120))), PdfDocumentOpenMode.Import);
        Assert.That(pdf.PageCount, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void RightToLeftDocumentIsHtmlOnly()
    {
        var arabic = new PrintDocument("شهادة مشاركة", [new PrintText("نص")]) { Language = "ar" };
        Assert.Multiple(() =>
        {
            Assert.That(arabic.PdfPossible, Is.False);
            Assert.That(arabic.Direction, Is.EqualTo("rtl"));
            Assert.That(() => new PdfDocuments(Kreis).RenderPdf(arabic), Throws.TypeOf<NotSupportedException>());
            Assert.That(Sample(1).PdfPossible, Is.True);
        });
    }

    [Test]
    public async Task HtmlTwinShowsTheSameBlocksWithLanguageAndDirection()
    {
        var document = Sample(rows: 2) with { Language = "fa" };
        var html = await RenderAsync(document);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<article class=\"print-document\" lang=\"fa\" dir=\"rtl\">"));
            Assert.That(html, Does.Contain("<p class=\"print-kreis\">Odenwaldkreis</p>"));
            Assert.That(html, Does.Contain("<h1>Teilnahmebescheinigung Größe & Übung</h1>"));
            Assert.That(html, Does.Contain("<th scope=\"col\">Thema</th>"));
            Assert.That(Regex.Count(html, "<tr>"), Is.EqualTo(3), "heading row and two rows");
            Assert.That(html, Does.Contain("alt=\"Siegel\"").And.Contain("src=\"data:image/png;base64,"));
            Assert.That(QrModules(html), Is.EqualTo(Dark(new PrintQrCode("https://kreis.example/schulungen/1", "").Modules())));
        });
    }

    /// <summary>A German title or text standing in for a missing translation keeps its own language inside a Farsi page.</summary>
    [Test]
    public async Task HtmlTwinMarksABlockInAnotherLanguage()
    {
        var document = new PrintDocument("Impftag", [new PrintHeading("زمان"), new PrintText("Anmeldung im Sekretariat") { Language = "de" }, new PrintText("رایگان")]) { Language = "fa", TitleLanguage = "de" };
        var html = await RenderAsync(document);

        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<p lang=\"de\" dir=\"ltr\">Anmeldung im Sekretariat</p>"));
            Assert.That(html, Does.Contain("<h1 lang=\"de\" dir=\"ltr\">Impftag</h1>"));
            Assert.That(html, Does.Contain("<h2>زمان</h2>").And.Contain("<p>رایگان</p>"), "a block in the document's language needs no mark");
        });
    }

    private static async Task<string> RenderAsync(PrintDocument document)
    {
        var services = new ServiceCollection().AddSingleton(Kreis).BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () => WebUtility.HtmlDecode((await renderer.RenderComponentAsync<PrintView>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Document"] = document }))).ToHtmlString()));
    }

    [Test]
    public async Task BeispielCertificateIsAPdfAndAPageWithTheSameQrCodeToThatPage()
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Sprachkurs Bad König", kommuneAgs = "06437006" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

        using var api = await StaffApi.GetAsync($"/api/beispiel/eintraege/{id}/bescheinigung.pdf");
        using var download = await browser.GetAsync($"/beispiel/eintraege/{id}/bescheinigung.pdf");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/beispiel/eintraege/{id}/druck"));
        using var pdf = PdfReader.Open(await api.Content.ReadAsStreamAsync(), PdfDocumentOpenMode.Import);
        var link = Regex.Match(page, "<span class=\"print-qr-content\" dir=\"ltr\">([^<]+)</span>").Groups[1].Value;

        Assert.Multiple(async () =>
        {
            Assert.That(api.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Has.Length.GreaterThan(1000));
            Assert.That(pdf.Info.Title, Is.EqualTo("Bescheinigung: Sprachkurs Bad König"));
            Assert.That(page, Does.Contain("<h1>Bescheinigung: Sprachkurs Bad König</h1>"));
            Assert.That(page, Does.Contain("alt=\"Siegel des Beispielprogramms\""));
            Assert.That(link, Does.EndWith($"/beispiel/eintraege/{id}/druck"));
            Assert.That(QrModules(page), Is.EqualTo(Dark(new PrintQrCode(link, "").Modules())));
        });
    }

    /// <summary>A plain 8-bit RGB PNG, the kind a logo is saved as.</summary>
    private static byte[] RgbPng(int width, int height)
    {
        var raw = new byte[height * (1 + width * 3)];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                raw[y * (1 + width * 3) + 1 + x * 3 + 2] = 0x93;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [.. BigEndian(width), .. BigEndian(height), 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();

        static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

        // PNG's CRC-32 (polynomial 0xEDB88320), bit by bit: a few bytes only.
        static uint Crc32(byte[] bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
                }
            }

            return ~crc;
        }

        static void Chunk(Stream png, string type, byte[] data)
        {
            var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            png.Write(BigEndian(data.Length));
            png.Write(typed);
            png.Write(BigEndian((int)Crc32(typed)));
        }
    }

    /// <summary>The characters a font's ToUnicode map names: PDFsharp writes "&lt;first glyph&gt;&lt;last glyph&gt;&lt;first code point&gt;" ranges.</summary>
    private static IEnumerable<char> MappedCharacters(PdfDictionary? cmap)
    {
        var text = Encoding.ASCII.GetString(cmap!.Stream.UnfilteredValue);
        foreach (Match entry in CmapRange().Matches(text))
        {
            var (first, last, code) = (Hex(entry.Groups[1].Value), Hex(entry.Groups[2].Value), Hex(entry.Groups[3].Value));
            for (var glyph = first; glyph <= last; glyph++)
            {
                yield return (char)(code + glyph - first);
            }
        }

        static int Hex(string digits) => int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static HashSet<(int Column, int Row)> QrModules(string html)
        => QrPath().Matches(Regex.Match(html, "<path fill=\"#000\" d=\"([^\"]*)\"").Groups[1].Value)
            .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToHashSet();

    private static HashSet<(int Column, int Row)> Dark(bool[][] modules)
        => modules.SelectMany((row, y) => row.Select((dark, x) => (dark, x, y))).Where(m => m.dark).Select(m => (m.x, m.y)).ToHashSet();

    [GeneratedRegex(@"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>")]
    private static partial Regex CmapRange();

    [GeneratedRegex(@"M(\d+) (\d+)h1v1h-1z")]
    private static partial Regex QrPath();
}
