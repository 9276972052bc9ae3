using System.Globalization;
using System.Text;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// CSV as German Excel opens it: UTF-8 with BOM, ';' as separator, CRLF, fields quoted when needed.
/// Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendRow(text, header);
        foreach (var row in rows)
        {
            AppendRow(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.GetCultureInfo("de-DE"));

    private static void AppendRow(StringBuilder text, IReadOnlyList<string?> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            text.Append(Escape(cells[i] ?? string.Empty));
        }

        text.Append("\r\n");
    }

    private static string Escape(string cell)
    {
        if (cell.Length > 0 && "=+-@\t\r".Contains(cell[0]) && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.GetCultureInfo("de-DE"), out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([';', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}

/// <summary>
/// Reads the CSV files staff keep today (Excel exports: ';', ',' or tab separated, UTF-8 with or without
/// BOM, UTF-16 with BOM, or Windows-1252). The first line is the header; every row keeps its line number
/// for messages. What is not a CSV table at all (empty, a binary file such as an .xlsx workbook, an
/// unclosed quote) is refused with a <see cref="FormatException"/> carrying a German message.
/// </summary>
public static class CsvImport
{
    /// <summary>
    /// One data row. <see cref="Error"/> is set (in German) when the row has more non-empty fields than the
    /// header has columns, so that a caller can name that row instead of refusing the whole file.
    /// </summary>
    public sealed record Row(int LineNumber, IReadOnlyDictionary<string, string> Fields)
    {
        /// <summary>The trimmed value of a column, or null when empty or absent.</summary>
        public string? this[string column] => Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public string? Error { get; init; }
    }

    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<Row> Rows);

    /// <summary>Throws <see cref="FormatException"/> with a German message when the file is not a CSV table.</summary>
    public static Table Read(byte[] content)
    {
        var text = Decode(content);
        var records = Parse(text);
        if (records.Count == 0 || records[0].Cells.All(string.IsNullOrWhiteSpace))
        {
            throw new FormatException("Die Datei ist leer oder hat keine Kopfzeile.");
        }

        var header = records[0].Cells.Select(h => h.Trim()).ToList();
        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Die Spalte „{Short(duplicate.Key)}“ steht zweimal in der Kopfzeile.");
        }

        var rows = new List<Row>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                if (header[i].Length > 0)
                {
                    fields[header[i]] = i < cells.Count ? cells[i] : string.Empty;
                }
            }

            // Excel writes trailing separators for empty cells; only extra cells with content are an error.
            var extra = cells.Skip(header.Count).Count(c => !string.IsNullOrWhiteSpace(c));
            rows.Add(new Row(line, fields)
            {
                Error = extra == 0 ? null
                    : $"Die Zeile hat mehr Felder ({header.Count + extra}) als die Kopfzeile Spalten ({header.Count}). Enthält ein Wert das Trennzeichen, muss er in Anführungszeichen stehen.",
            });
        }

        return new Table(header, rows);
    }

    private static string Decode(byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            // Excel's "Unicode-Text": UTF-16 with BOM.
            var utf16 = content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return CheckText(utf16.GetString(content, 2, content.Length - 2));
        }

        if (LooksBinary(content))
        {
            throw new FormatException("Die Datei ist keine CSV-Textdatei (vielleicht eine Excel-Arbeitsmappe). Bitte in Excel „Speichern unter“ → „CSV (Trennzeichen-getrennt)“ wählen.");
        }

        try
        {
            return CheckText(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF'));
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: what German Excel writes as "CSV (Trennzeichen-getrennt)" is Windows-1252 (€, „“ and – included).
            return CheckText(Windows1252.GetString(content));
        }
    }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>Zip (.xlsx, .ods), OLE (.xls), PDF, or NUL bytes: not a text file.</summary>
    private static bool LooksBinary(byte[] content)
        => content.AsSpan().StartsWith("PK\u0003\u0004"u8)
           || content.AsSpan().StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })
           || content.AsSpan().StartsWith("%PDF"u8)
           || content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0);

    private static string CheckText(string text)
    {
        var control = text.Count(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t'));
        return control > 0 && control * 100 > text.Length
            ? throw new FormatException("Die Datei ist keine CSV-Textdatei (sie enthält Steuerzeichen). Bitte eine mit Excel als CSV gespeicherte Datei wählen.")
            : text;
    }

    /// <summary>The separator is the most frequent of ';', ',' and tab in the header line (ties: ';', as German Excel writes).</summary>
    private static char Separator(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var semicolons = firstLine.Count(c => c == ';');
        var commas = firstLine.Count(c => c == ',');
        var tabs = firstLine.Count(c => c == '\t');
        return tabs > semicolons && tabs > commas ? '\t' : commas > semicolons ? ',' : ';';
    }

    private static string Short(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static List<(int Line, List<string> Cells)> Parse(string text)
    {
        var separator = Separator(text);
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells));
                cells = [];
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"In Zeile {recordLine} fehlt ein schließendes Anführungszeichen.");
        }

        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }

        return records;
    }
}
