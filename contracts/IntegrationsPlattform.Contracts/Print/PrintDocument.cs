using IntegrationsPlattform.Contracts.Kernel;
using QRCoder;

namespace IntegrationsPlattform.Contracts.Print;

/// <summary>
/// A printable document (a certificate, a report) as a PDF and as an HTML page with the same content: a title,
/// then blocks in order. The host adds the Kreis' name above and, in the PDF, page numbers below. German
/// documents only for the PDF: it lays out left-to-right Latin, Greek and Cyrillic text; a document in Arabic,
/// Farsi or another right-to-left script is offered as its HTML page alone (<see cref="Language"/>).
/// </summary>
public sealed record PrintDocument(string Title, IReadOnlyList<PrintBlock> Blocks)
{
    /// <summary>ISO 639 code of the document's language; the HTML page takes <c>lang</c> and <c>dir</c> from it.</summary>
    public string Language { get; init; } = "de";

    /// <summary>ISO 639 code of a title in another language than the document's (a German title standing in for a missing translation); null: the document's.</summary>
    public string? TitleLanguage { get; init; }

    /// <summary>Whether the PDF can show the document: not for right-to-left languages, whose letters PDFsharp does not join.</summary>
    public bool PdfPossible => Languages.Find(Language)?.RightToLeft != true;

    /// <summary>The writing direction of the HTML page: <c>rtl</c> or <c>ltr</c>.</summary>
    public string Direction => Languages.Find(Language)?.Direction ?? "ltr";
}

/// <summary>One block of a <see cref="PrintDocument"/>.</summary>
public abstract record PrintBlock
{
    /// <summary>
    /// ISO 639 code of a heading or text in another language than the document's — a German text standing in for
    /// a missing translation; the HTML page marks it with its own <c>lang</c> and <c>dir</c>. Null: the document's.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>The writing direction of a block in its own language, else null.</summary>
    public string? Direction => Language is null ? null : Languages.Find(Language)?.Direction ?? "ltr";
}

/// <summary>A heading inside the document (the title is the first level).</summary>
public sealed record PrintHeading(string Text) : PrintBlock;

/// <summary>A paragraph of running text, wrapped at the page width.</summary>
public sealed record PrintText(string Text) : PrintBlock;

/// <summary>A table; on a new page its heading row is repeated, a long cell wraps within its column.</summary>
public sealed record PrintTable(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : PrintBlock;

/// <summary>A PNG or JPEG image, <paramref name="WidthMm"/> wide on paper, described by <paramref name="AltText"/> on the page.</summary>
public sealed record PrintImage(byte[] Content, string AltText, double WidthMm = 40) : PrintBlock;

/// <summary>A QR code of <paramref name="Content"/> (usually a link), with the text printed beside it for people without a scanner.</summary>
public sealed record PrintQrCode(string Content, string Caption) : PrintBlock
{
    /// <summary>The code's modules (true = dark), the quiet zone included; the PDF and the HTML page both draw exactly these.</summary>
    public bool[][] Modules()
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Content, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => row.Cast<bool>().ToArray()).ToArray();
    }
}

/// <summary>Renders a <see cref="PrintDocument"/> as a PDF with embedded DejaVu fonts and the Kreis' name. Inject it; its HTML twin is the component <c>PrintView</c>.</summary>
public interface IPrintDocuments
{
    /// <summary>The PDF; throws <see cref="NotSupportedException"/> for a document whose language the PDF cannot show (<see cref="PrintDocument.PdfPossible"/>).</summary>
    byte[] RenderPdf(PrintDocument document);
}
