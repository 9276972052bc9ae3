using PdfSharp.Fonts;

namespace IntegrationsPlattform.Host.Print;

/// <summary>
/// PDFsharp finds no font by itself on Linux: every family resolves to DejaVu Sans (regular or bold) from
/// Debian's fonts-dejavu-core (installed by <c>.ci/run</c>), which covers Latin, Greek and Cyrillic. PDFsharp
/// embeds the subset a document uses, so the PDF shows the same everywhere.
/// </summary>
internal sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private const string Directory = "/usr/share/fonts/truetype/dejavu";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Setting = new();

    /// <summary>Installs the resolver once per process (PDFsharp keeps it in a static; every host in a test run shares it).</summary>
    public static void Install()
    {
        lock (Setting)
        {
            if (GlobalFontSettings.FontResolver is not DejaVuFonts)
            {
                GlobalFontSettings.FontResolver = new DejaVuFonts();
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(Directory, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Schrift für PDF-Dokumente fehlt: {path} (Debian-Paket fonts-dejavu-core installieren).", path);
    }
}
