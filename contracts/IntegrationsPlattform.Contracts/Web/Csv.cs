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
/// Reads the CSV files staff keep today (Excel exports: ';' or ',' separated, UTF-8 with or without BOM,
/// or Windows-1252). The first line is the header; every row keeps its line number for messages.
/// </summary>
public static class CsvImport
{
    public sealed record Row(int LineNumber, IReadOnlyDictionary<string, string> Fields)
    {
        /// <summary>The trimmed value of a column, or null when empty or absent.</summary>
        public string? this[string column] => Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
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
            throw new FormatException($"Die Spalte „{duplicate.Key}“ steht zweimal in der Kopfzeile.");
        }

        var rows = new List<Row>();
        foreach (var (line, cells) in records.Skip(1))
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (cells.Count > header.Count)
            {
                throw new FormatException($"Zeile {line} hat {cells.Count} Felder, die Kopfzeile aber nur {header.Count}.");
            }

            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Count; i++)
            {
                fields[header[i]] = i < cells.Count ? cells[i] : string.Empty;
            }

            rows.Add(new Row(line, fields));
        }

        return new Table(header, rows);
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(content);
        }
    }

    private static List<(int Line, List<string> Cells)> Parse(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
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
