using System.IO.Compression;
using System.Text;

namespace IntegrationsPlattform.Contracts.Files;

/// <summary>
/// A kind of file the platform recognises by its content: the content type it is served with, its German
/// name for messages and the extensions its stored name may end in (the first is added to a name without one).
/// </summary>
public sealed record FileKind(string Key, string ContentType, string GermanName, params string[] Extensions)
{
    public static FileKind Pdf { get; } = new("pdf", "application/pdf", "PDF", ".pdf");
    public static FileKind Png { get; } = new("png", "image/png", "PNG-Bild", ".png");
    public static FileKind Jpeg { get; } = new("jpeg", "image/jpeg", "JPEG-Bild", ".jpg", ".jpeg");
    public static FileKind Gif { get; } = new("gif", "image/gif", "GIF-Bild", ".gif");
    public static FileKind WebP { get; } = new("webp", "image/webp", "WebP-Bild", ".webp");
    public static FileKind Docx { get; } = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-Dokument (DOCX)", ".docx");
    public static FileKind Xlsx { get; } = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-Tabelle (XLSX)", ".xlsx");
    public static FileKind Odt { get; } = new("odt", "application/vnd.oasis.opendocument.text", "OpenDocument-Text (ODT)", ".odt");
    public static FileKind Text { get; } = new("text", "text/plain; charset=utf-8", "Textdatei", ".txt");
    public static FileKind Csv { get; } = new("csv", "text/csv; charset=utf-8", "CSV-Datei", ".csv");

    /// <summary>Images a browser shows safely (no SVG: it can carry script).</summary>
    public static IReadOnlyList<FileKind> Images { get; } = [Png, Jpeg, Gif, WebP];

    /// <summary>Documents people send in: PDF, office files and images.</summary>
    public static IReadOnlyList<FileKind> Documents { get; } = [Pdf, Docx, Xlsx, Odt, Png, Jpeg];

    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Odt, Text, Csv];
}

/// <summary>
/// Recognises a file by its first bytes and, for the zip-based office formats, by the entry that names the
/// document type — never by its name or the content type the browser sent. Only for plain text, which has
/// no signature, does the name choose between <see cref="FileKind.Csv"/> and <see cref="FileKind.Text"/>:
/// both are served as harmless text.
/// </summary>
public static class FileSniffer
{
    private const string WordMain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private const string ExcelMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The kind of the content (a seekable stream, read from the start), or null for an unknown or broken file.</summary>
    public static FileKind? Sniff(Stream content, string? fileName)
    {
        content.Position = 0;
        var head = new byte[16];
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var start = head.AsSpan(0, length);
        return start switch
        {
            _ when start.StartsWith("%PDF-"u8) => FileKind.Pdf,
            _ when start.StartsWith(PngSignature) => FileKind.Png,
            _ when start.StartsWith(JpegSignature) => FileKind.Jpeg,
            _ when start.StartsWith("GIF87a"u8) || start.StartsWith("GIF89a"u8) => FileKind.Gif,
            _ when start.Length >= 12 && start.StartsWith("RIFF"u8) && start[8..12].SequenceEqual("WEBP"u8) => FileKind.WebP,
            _ when start.StartsWith("PK\u0003\u0004"u8) => OfficeDocument(content),
            _ => IsUtf8Text(content) ? TextKind(fileName) : null,
        };
    }

    /// <summary>An ODT names itself in its first entry "mimetype"; DOCX and XLSX in "[Content_Types].xml". Any other zip is unknown.</summary>
    private static FileKind? OfficeDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.GetEntry("mimetype") is { } mimetype && ReadEntry(mimetype, 200).Trim() == FileKind.Odt.ContentType)
            {
                return FileKind.Odt;
            }

            var types = zip.GetEntry("[Content_Types].xml") is { } entry ? ReadEntry(entry, 64 * 1024) : "";
            return types.Contains(WordMain, StringComparison.Ordinal) ? FileKind.Docx
                : types.Contains(ExcelMain, StringComparison.Ordinal) ? FileKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string ReadEntry(ZipArchiveEntry entry, int maxChars)
    {
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var buffer = new char[maxChars];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, maxChars));
    }

    /// <summary>Valid UTF-8 (a BOM allowed) without NUL characters: binary data almost always breaks one of both.</summary>
    private static bool IsUtf8Text(Stream content)
    {
        try
        {
            using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            var buffer = new char[8192];
            int read;
            var any = false;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                any = true;
                if (buffer.AsSpan(0, read).Contains('\0'))
                {
                    return false;
                }
            }

            return any;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static FileKind TextKind(string? fileName)
        => string.Equals(Path.GetExtension(fileName ?? ""), ".csv", StringComparison.OrdinalIgnoreCase) ? FileKind.Csv : FileKind.Text;
}
