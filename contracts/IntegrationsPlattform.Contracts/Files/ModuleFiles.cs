using System.Globalization;
using System.Text;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Modules;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.Contracts.Files;

/// <summary>
/// One purpose a module takes files for ("nachweis": a certificate of attendance), with its largest size and
/// the kinds it accepts. Every refusal is a 400 on the field <see cref="Field"/> with a German message.
/// </summary>
public sealed record FileUse(string Name, long MaxBytes, IReadOnlyList<FileKind> Allowed)
{
    /// <summary>The form field and multipart part the file comes in.</summary>
    public const string Field = "datei";

    public string TooLarge(long? bytes)
        => bytes is { } size
            ? $"Die Datei ist zu groß ({FileSize.German(size)}); höchstens {FileSize.German(MaxBytes)} erlaubt."
            : $"Die Datei ist zu groß; höchstens {FileSize.German(MaxBytes)} erlaubt.";

    public string NotAllowed(FileKind? found)
        => $"Diese Art von Datei wird hier nicht angenommen ({(found is null ? "Format nicht erkannt" : "erkannt: " + found.GermanName)}). Erlaubt: {string.Join(", ", Allowed.Select(k => k.GermanName))}.";

    /// <summary>What a form shows beside the file field, e.g. „PDF oder JPEG-Bild, höchstens 5 MB“.</summary>
    public string Hint
        => $"{string.Join(", ", Allowed.Take(Allowed.Count - 1).Select(k => k.GermanName))}{(Allowed.Count > 1 ? " oder " : "")}{Allowed[^1].GermanName}, höchstens {FileSize.German(MaxBytes)}";

    /// <summary>The <c>accept</c> attribute of a file input: a hint for the browser's file dialog, never trusted.</summary>
    public string Accept => string.Join(",", Allowed.SelectMany(k => k.Extensions));
}

/// <summary>The record a file belongs to. Use the same record type and id as the module's <c>DataSubjectRecord</c>: DSGVO export and erasure then include the files.</summary>
public sealed record FileOwner(string RecordType, string RecordId);

/// <summary>A stored file's metadata; the content lies under a generated name in the module's folder <c>files/&lt;Id&gt;/</c>.</summary>
public sealed record StoredFile(Guid Id, string RecordType, string RecordId, string Use, string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy)
{
    public string SizeText => FileSize.German(Size);
}

/// <summary>
/// The module's files (<c>files/&lt;Id&gt;/</c>, metadata in the host): inject it where the module already
/// checked that the user may see (or change) the owner record — the store itself checks only that a file
/// belongs to the owner named. Every upload, download and deletion is written to the audit trail.
/// </summary>
public interface IModuleFiles<TModule> where TModule : PlatformModule
{
    /// <summary>
    /// Stores the content when it is not empty, within the use's size and of an allowed kind (sniffed from the
    /// content); otherwise throws <see cref="RequestValidationException"/> on <see cref="FileUse.Field"/> and
    /// nothing is kept. The original name is kept cleaned (no path, no control characters, the extension of the
    /// kind found).
    /// </summary>
    Task<StoredFile> SaveAsync(FileUse use, FileOwner owner, string? fileName, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file of a form post (a page endpoint binding <see cref="IFormFile"/> checks the anti-forgery token first); null means none was chosen.</summary>
    Task<StoredFile> SaveAsync(FileUse use, FileOwner owner, IFormFile? file, CancellationToken cancellationToken = default);

    /// <summary>The file of an API call: the part <see cref="FileUse.Field"/> of a multipart body (else its only file).</summary>
    Task<StoredFile> SaveAsync(FileUse use, FileOwner owner, HttpRequest request, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredFile>> ListAsync(FileOwner owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// The download: the stored content type, <c>Content-Disposition: attachment</c> with the name (RFC 6266,
    /// <c>filename*</c> for non-ASCII) and <c>X-Content-Type-Options: nosniff</c>. A file of another owner is
    /// answered as missing (<c>RecordNotFoundException</c>, 404).
    /// </summary>
    Task<IResult> DownloadAsync(FileOwner owner, Guid fileId, CancellationToken cancellationToken = default);

    /// <summary>Deletes one file of the owner (404 when it has no such file).</summary>
    Task DeleteAsync(FileOwner owner, Guid fileId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every file of the owner; call it after the command that deleted the owner record has answered.</summary>
    Task<int> DeleteAllAsync(FileOwner owner, CancellationToken cancellationToken = default);
}

/// <summary>File sizes as German users read them: „850 Bytes“, „12,5 KB“, „3,2 MB“.</summary>
public static class FileSize
{
    public static string German(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} Bytes",
        < 1024 * 1024 => $"{GermanFormat.Round(bytes / 1024m).ToString("0.#", GermanFormat.Culture)} KB",
        _ => $"{GermanFormat.Round(bytes / 1024m / 1024m).ToString("0.#", GermanFormat.Culture)} MB",
    };
}

/// <summary>
/// The original name of an upload as it may be shown and offered for download: the last path segment only
/// (also of a Windows path), Unicode composed, without control and reserved characters, at most 120
/// characters, and ending in an extension of the kind the content really is.
/// </summary>
public static class FileNames
{
    private const int MaxLength = 120;

    public static string Clean(string? fileName, FileKind kind)
    {
        var name = (fileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Normalize(NormalizationForm.FormC);
        var kept = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            kept.Append(char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned || "<>:\"|?*".Contains(c) ? '_' : c);
        }

        var stem = Path.GetFileNameWithoutExtension(kept.ToString()).Trim().Trim('.').Trim();
        var extension = Path.GetExtension(kept.ToString()).ToLowerInvariant();
        if (!kind.Extensions.Contains(extension))
        {
            // The name said something else than the content: the content decides, so a download opens in the right program.
            stem = kept.ToString().Trim().Trim('.').Trim();
            extension = kind.Extensions[0];
        }

        if (stem.Length == 0)
        {
            stem = "datei";
        }

        return stem[..Math.Min(stem.Length, MaxLength - extension.Length)] + extension;
    }
}
