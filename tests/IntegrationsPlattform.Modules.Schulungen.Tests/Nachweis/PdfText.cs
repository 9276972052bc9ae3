using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// The text a PDF shows, read back as a reader copies it: PDFsharp writes glyph ids (<c>&lt;…&gt; Tj</c>), and each font's
/// ToUnicode map turns them into characters. PDFsharp itself extracts no text; this is enough for the platform's documents.
/// </summary>
internal static partial class PdfText
{
    public static string Of(byte[] bytes)
    {
        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in pdf.Pages)
        {
            var fonts = page.Resources.Elements.GetDictionary("/Font")!;
            var maps = fonts.Elements.Keys.ToDictionary(name => name, name => Map(fonts.Elements.GetDictionary(name)));
            var content = string.Concat(page.Contents.Elements.Select(e => Encoding.Latin1.GetString(((PdfDictionary)((PdfReference)e).Value).Stream.UnfilteredValue)));
            var font = new Dictionary<int, char>();
            foreach (Match token in Token().Matches(content))
            {
                if (token.Groups["font"].Success)
                {
                    font = maps.GetValueOrDefault("/" + token.Groups["font"].Value) ?? [];
                }
                else
                {
                    // PDFsharp wraps long strings over several lines.
                    var hex = string.Concat(token.Groups["hex"].Value.Where(char.IsAsciiHexDigit));
                    for (var i = 0; i + 4 <= hex.Length; i += 4)
                    {
                        text.Append(font.GetValueOrDefault(int.Parse(hex.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture), '?'));
                    }

                    text.Append(' ');
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static Dictionary<int, char> Map(PdfDictionary? font)
    {
        var map = new Dictionary<int, char>();
        if (font?.Elements.GetDictionary("/ToUnicode") is not { } cmap)
        {
            return map;
        }

        var text = Encoding.ASCII.GetString(cmap.Stream.UnfilteredValue);
        foreach (Match range in Range().Matches(text))
        {
            var (first, last, code) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
            for (var glyph = first; glyph <= last; glyph++)
            {
                map[glyph] = (char)(code + glyph - first);
            }
        }

        return map;
    }

    private static int Hex(string digits) => int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/(?<font>[A-Za-z0-9]+)\s+[\d.]+\s+Tf|<(?<hex>[0-9A-Fa-f\s]+)>\s*Tj")]
    private static partial Regex Token();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
