using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// The size and row limits of one import (a module may allow a larger file for many small values), and
/// the reading of the file within them. Every refusal is a 400 on the field "datei" with a German message.
/// </summary>
public sealed record CsvImportLimits(int MaxBytes, int MaxRows)
{
    /// <summary>2 MB and 5,000 data rows: enough for a register's records, small enough to preview on one page.</summary>
    public static CsvImportLimits Standard { get; } = new(2 * 1024 * 1024, 5000);

    /// <summary>The file as a table, or a 400 naming what is wrong with the file as a whole (empty, too large, unreadable).</summary>
    public CsvImport.Table Read(byte[] file)
    {
        if (file.Length == 0)
        {
            throw RequestValidationException.For("datei", "Die Datei ist leer.");
        }

        if (file.Length > MaxBytes)
        {
            throw RequestValidationException.For("datei", TooLarge(file.Length));
        }

        try
        {
            return CsvImport.Read(file);
        }
        catch (FormatException ex)
        {
            throw RequestValidationException.For("datei", ex.Message);
        }
    }

    /// <summary>Refuses a table without data rows or with more than <see cref="MaxRows"/>; call it after the columns are matched, so that a wrong file is named as such first.</summary>
    public void CheckRowCount(CsvImport.Table table)
    {
        if (table.Rows.Count == 0)
        {
            throw RequestValidationException.For("datei", "Die Datei enthält nur die Kopfzeile, aber keine Datenzeilen.");
        }

        if (table.Rows.Count > MaxRows)
        {
            throw RequestValidationException.For("datei",
                $"Die Datei hat {table.Rows.Count.ToString("N0", GermanFormat.Culture)} Datenzeilen; höchstens {MaxRows.ToString("N0", GermanFormat.Culture)} auf einmal. Bitte in mehrere Dateien aufteilen.");
        }
    }

    public string TooLarge(long bytes)
        => $"Die Datei ist zu groß ({(bytes / 1024.0 / 1024.0).ToString("0.0", GermanFormat.Culture)} MB); höchstens {MaxBytes / 1024 / 1024} MB. Bitte in mehrere Dateien aufteilen.";

    /// <summary>The file of an API call: from a multipart form (field "datei", else the first file) or the raw body (text/csv), read no further than the limit.</summary>
    public async Task<byte[]> ReadRequestAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                throw RequestValidationException.For("datei", "Das Formular ist fehlerhaft (multipart/form-data). Bitte die CSV-Datei im Feld „datei“ senden.");
            }

            var file = form.Files.GetFile("datei") ?? (form.Files.Count > 0 ? form.Files[0] : null)
                ?? throw RequestValidationException.For("datei", "Bitte die CSV-Datei im Feld „datei“ senden.");
            return await ReadFileAsync(file, ct);
        }

        using var buffer = new MemoryStream();
        var block = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(block, ct)) > 0)
        {
            buffer.Write(block, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw RequestValidationException.For("datei", TooLarge(request.ContentLength ?? buffer.Length));
            }
        }

        return buffer.ToArray();
    }

    /// <summary>An uploaded file's content, refused unread when it is larger than the limit.</summary>
    public async Task<byte[]> ReadFileAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length > MaxBytes)
        {
            throw RequestValidationException.For("datei", TooLarge(file.Length));
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }
}

/// <summary>A column of an import file: its name in the header, whether it must be there, what it holds (for the page that explains the file), and the field of the module's usual checks it feeds.</summary>
public sealed record CsvImportColumn(string Name, bool Required, string Field, string Description, string Example, params string[] Aliases);

/// <summary>
/// The columns of one kind of import file (<paramref name="Kind"/> as in "Erwartet für Lotsen: …"), the
/// template, and how a header is matched to them. <paramref name="WrongFileHint"/> is added when the header
/// does not fit, e.g. "Ist es die richtige Datei (Lotsen oder Träger)?" for a module with two imports.
/// </summary>
public sealed record CsvImportColumns(string Kind, IReadOnlyList<CsvImportColumn> Columns, string? WrongFileHint = null)
{
    public IReadOnlyList<string> Names => Columns.Select(c => c.Name).ToList();

    /// <summary>The template: the header row alone, as German Excel opens it (UTF-8 with BOM, ';').</summary>
    public byte[] Template() => CsvExport.Write(Names, []);

    /// <summary>The column a field error of the usual checks belongs to ("wohnortAgs" → "Wohnort").</summary>
    public string ColumnOf(string field) => Columns.FirstOrDefault(c => c.Field == field)?.Name ?? field;

    /// <summary>
    /// Which header cell holds which column (column name → header cell; spelling, case, blanks, hyphens and
    /// umlauts ignored: "Email", "e-mail", "Verfuegbarkeit" all match). Unknown and missing required columns
    /// are refused, so that a typo does not silently drop a column.
    /// </summary>
    public IReadOnlyDictionary<string, string> Match(IReadOnlyList<string> header)
    {
        var matched = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var cell in header.Where(h => h.Length > 0))
        {
            var column = Columns.FirstOrDefault(c => new[] { c.Name }.Concat(c.Aliases).Any(n => Normalized(n) == Normalized(cell)));
            if (column is null)
            {
                unknown.Add(cell);
            }
            else if (!matched.TryAdd(column.Name, cell))
            {
                throw RequestValidationException.For("datei", $"Die Spalte „{column.Name}“ steht zweimal in der Kopfzeile („{matched[column.Name]}“ und „{cell}“).");
            }
        }

        var missing = Columns.Where(c => c.Required && !matched.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0 || unknown.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0)
            {
                parts.Add($"Es fehlen die Spalten {string.Join(", ", missing.Select(n => $"„{n}“"))}.");
            }

            if (unknown.Count > 0)
            {
                parts.Add($"Unbekannte Spalten: {string.Join(", ", unknown.Take(10).Select(n => $"„{FieldRules.Echo(n)}“"))}.");
            }

            parts.Add($"Erwartet für {Kind}: {string.Join("; ", Names)}.");
            if (WrongFileHint is not null)
            {
                parts.Add(WrongFileHint);
            }

            throw RequestValidationException.For("datei", string.Join(" ", parts));
        }

        return matched;
    }

    private static string Normalized(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        return new string(t.Where(char.IsLetterOrDigit).ToArray());
    }
}

/// <summary>One row of the preview: its line in the file, the values as they will be stored (by column name), and every problem of the row, each starting with its column.</summary>
public sealed record CsvImportRow(
    [property: JsonPropertyName("zeile")] int Line,
    [property: JsonPropertyName("werte")] IReadOnlyDictionary<string, string> Values,
    [property: JsonPropertyName("fehler")] IReadOnlyList<string> Errors)
{
    [JsonPropertyName("gueltig")]
    public bool Valid => Errors.Count == 0;
}

/// <summary>
/// The preview of a file: every row, valid or not, and the summary. Only a clean file is imported: the
/// import checks the file again inside its one command and calls <see cref="EnsureImportable"/>, so all
/// rows are written in that command's transaction, or none.
/// </summary>
public sealed record CsvImportPreview(
    [property: JsonPropertyName("art")] string Kind,
    [property: JsonPropertyName("spalten")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("zeilen")] IReadOnlyList<CsvImportRow> Rows)
{
    [JsonPropertyName("gueltig")]
    public int ValidCount => Rows.Count(r => r.Valid);

    [JsonPropertyName("fehlerhaft")]
    public int InvalidCount => Rows.Count - ValidCount;

    /// <summary>Only a file whose every row is valid (and that has rows) can be imported.</summary>
    [JsonPropertyName("importierbar")]
    public bool Importable => Rows.Count > 0 && InvalidCount == 0;

    /// <summary>"12 Zeilen gültig, 2 fehlerhaft".</summary>
    [JsonPropertyName("zusammenfassung")]
    public string Summary => $"{ValidCount} {(ValidCount == 1 ? "Zeile" : "Zeilen")} gültig, {InvalidCount} fehlerhaft";

    /// <summary>The bad rows as field errors ("Zeile 7" → its messages): the body of the 400 when an import is refused.</summary>
    public IReadOnlyList<FieldError> AsErrors()
        => Rows.Where(r => !r.Valid).SelectMany(r => r.Errors.Select(e => new FieldError($"Zeile {r.Line}", e))).ToList();

    /// <summary>Refuses the import of a file with a bad row (400 naming every bad row), so that nothing of it is written.</summary>
    public void EnsureImportable()
    {
        if (!Importable)
        {
            throw new RequestValidationException(AsErrors());
        }
    }

    /// <summary>
    /// The rows with every duplicate inside the file named on each of its rows. <paramref name="keys"/> gives
    /// each row's identity keys (a row matching another on any key is a duplicate); <paramref name="what"/>
    /// says what is the same, as in "Doppelt in der Datei: Derselbe Träger (Name) steht auch in Zeile 3.".
    /// </summary>
    public static IReadOnlyList<CsvImportRow> WithDuplicatesNamed(IReadOnlyList<(CsvImportRow Row, IReadOnlyList<string> Keys)> rows, string what)
    {
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (row, keys) in rows)
        {
            foreach (var key in keys.Distinct())
            {
                if (!lines.TryGetValue(key, out var list))
                {
                    lines[key] = list = [];
                }

                list.Add(row.Line);
            }
        }

        return rows.Select(r =>
        {
            var others = r.Keys.SelectMany(k => lines[k]).Where(n => n != r.Row.Line).Distinct().Order().ToList();
            return others.Count == 0 ? r.Row
                : r.Row with { Errors = [.. r.Row.Errors, $"Doppelt in der Datei: {what} steht auch in Zeile {string.Join(", ", others)}."] };
        }).ToList();
    }
}

/// <summary>An uploaded file between preview and import: whose it is, which kind of import, what it holds, its preview or the reason it cannot be read.</summary>
public sealed record CsvImportUpload<TKind>(string User, TKind Kind, string FileName, byte[] File, CsvImportPreview? Preview, string? FileError, DateTimeOffset Until)
{
    /// <summary>Set when the import was tried and refused because the data changed since the preview.</summary>
    public string? ImportError { get; init; }
}

public static class CsvImportUploads
{
    /// <summary>Whose an upload is (for <see cref="CsvImportUploads{TKind}.Find"/> and <see cref="CsvImportUploads{TKind}.KeepUploadAsync"/>): the user's id, or the name of an account without one.</summary>
    public static string Owner(ICurrentUser user) => user.UserId?.ToString() ?? user.UserName ?? "";
}

/// <summary>
/// Keeps a module's uploads for the page flow (upload → preview page → import) in memory for a short time
/// (<see cref="Lifetime"/>), under a random id that only the uploading user can open. Bounded: at most a few
/// per user and in all; the oldest go first. The data never touches the disk and is gone after the import
/// or a restart. A module registers one as a singleton (<c>services.AddSingleton&lt;CsvImportUploads&lt;MyKind&gt;&gt;()</c>).
/// </summary>
public sealed class CsvImportUploads<TKind>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private const int PerUser = 5;

    private const int InAll = 50;

    private readonly ConcurrentDictionary<string, CsvImportUpload<TKind>> _uploads = new(StringComparer.Ordinal);

    /// <summary>
    /// The upload step of the page flow: reads the posted <paramref name="file"/> within <paramref name="limits"/>,
    /// runs the module's dry run <paramref name="check"/> on it and keeps the file with its preview, or, when the
    /// reading or the check refuses the file as a whole (400), with that reason as <see cref="CsvImportUpload{TKind}.FileError"/>
    /// and without its content. Returns the id for the preview page's URL.
    /// </summary>
    public async Task<string> KeepUploadAsync(string user, TKind kind, IFormFile? file, CsvImportLimits limits, Func<byte[], Task<CsvImportPreview>> check, DateTimeOffset now, CancellationToken ct)
    {
        var fileName = Path.GetFileName(file?.FileName ?? "");
        CsvImportPreview? preview = null;
        string? fileError = null;
        byte[] content = [];
        if (file is null || (file.Length == 0 && fileName.Length == 0))
        {
            fileError = "Bitte eine CSV-Datei wählen.";
        }
        else
        {
            try
            {
                content = await limits.ReadFileAsync(file, ct);
                preview = await check(content);
            }
            catch (RequestValidationException ex)
            {
                fileError = string.Join(" ", ex.Errors.Select(e => e.Message));
                content = [];
            }
        }

        return Keep(new CsvImportUpload<TKind>(user, kind, fileName, content, preview, fileError, now + Lifetime), now);
    }

    /// <summary>Keeps the upload and returns its id, for the preview page's URL.</summary>
    public string Keep(CsvImportUpload<TKind> upload, DateTimeOffset now)
    {
        foreach (var expired in _uploads.Where(u => u.Value.Until <= now).ToList())
        {
            _uploads.TryRemove(expired.Key, out _);
        }

        foreach (var old in _uploads.Where(u => u.Value.User == upload.User).OrderByDescending(u => u.Value.Until).Skip(PerUser - 1).ToList())
        {
            _uploads.TryRemove(old.Key, out _);
        }

        foreach (var old in _uploads.OrderByDescending(u => u.Value.Until).Skip(InAll - 1).ToList())
        {
            _uploads.TryRemove(old.Key, out _);
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _uploads[id] = upload;
        return id;
    }

    /// <summary>The upload, if it exists, has not expired and belongs to <paramref name="user"/>.</summary>
    public CsvImportUpload<TKind>? Find(string id, string user, DateTimeOffset now)
        => _uploads.TryGetValue(id, out var upload) && upload.User == user && upload.Until > now ? upload : null;

    public void Replace(string id, CsvImportUpload<TKind> upload) => _uploads[id] = upload;

    public void Remove(string id) => _uploads.TryRemove(id, out _);
}

/// <summary>
/// How the cells every register has are read: lists, German dates, municipalities by name or AGS. Only the
/// reading lives here; whether a value is allowed is decided by the module's usual checks.
/// </summary>
public static class CsvImportCells
{
    /// <summary>A list cell: values separated by ',' (inside a ';'-separated file) or line breaks; blanks dropped.</summary>
    public static IReadOnlyList<string> List(string? cell)
        => string.IsNullOrWhiteSpace(cell) ? [] : cell.Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A day as German Excel writes it (<c>31.01.2026</c>, also <c>31.1.26</c>) or ISO (<c>2026-01-31</c>).</summary>
    public static bool TryDay(string text, out DateOnly day)
        => DateOnly.TryParseExact(text.Trim(), ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy", "yyyy-MM-dd"], GermanFormat.Culture, DateTimeStyles.None, out day);

    /// <summary>
    /// The AGS of a municipality given by AGS, by its name (case ignored) or by the first word(s) of a
    /// unique name ("Höchst" for "Höchst i. Odw."); the text itself when nothing matches, so that the
    /// usual check names it as unknown.
    /// </summary>
    public static string Municipality(string text, DeploymentInfo deployment)
    {
        var t = text.Trim();
        if (deployment.FindMunicipality(t) is { } byAgs)
        {
            return byAgs.Ags;
        }

        var sameName = deployment.Municipalities.FirstOrDefault(m => string.Equals(m.Name, t, StringComparison.CurrentCultureIgnoreCase));
        if (sameName is not null)
        {
            return sameName.Ags;
        }

        var startsWith = deployment.Municipalities.Where(m => m.Name.StartsWith(t + " ", StringComparison.CurrentCultureIgnoreCase)).ToList();
        return startsWith.Count == 1 ? startsWith[0].Ags : t;
    }
}
