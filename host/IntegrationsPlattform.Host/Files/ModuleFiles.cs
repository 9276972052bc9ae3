using System.Security.Cryptography;
using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Files;

/// <summary>
/// <see cref="IModuleFiles{TModule}"/>: an upload is streamed into a temporary file in the module's folder
/// (never further than the use's limit), recognised by its content, hashed, then renamed to its generated
/// name and only then recorded. Whatever fails on the way leaves neither a file nor a row.
/// </summary>
internal sealed class ModuleFiles<TModule>(ModuleRegistry registry, FileCatalog catalog, AuditTrail audit, ICurrentUser user, TimeProvider time) : IModuleFiles<TModule>
    where TModule : PlatformModule
{
    private const string RecordType = "Datei";

    private readonly string _module = registry.OfModuleType(typeof(TModule)).Id;

    public async Task<StoredFile> SaveAsync(FileUse use, FileOwner owner, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var directory = catalog.Directory(_module);
        Directory.CreateDirectory(directory);
        var id = Guid.CreateVersion7();
        var storedName = id.ToString("N");
        var upload = Path.Combine(directory, $".upload-{storedName}");
        try
        {
            StoredFile file;
            await using (var temporary = new FileStream(upload, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await CopyWithinLimitAsync(content, temporary, use, cancellationToken);
                if (temporary.Length == 0)
                {
                    throw RequestValidationException.For(FileUse.Field, "Die Datei ist leer.");
                }

                var kind = FileSniffer.Sniff(temporary, fileName);
                if (kind is null || !use.Allowed.Contains(kind))
                {
                    throw RequestValidationException.For(FileUse.Field, use.NotAllowed(kind));
                }

                temporary.Position = 0;
                var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(temporary, cancellationToken));
                file = new StoredFile(id, owner.RecordType, owner.RecordId, use.Name, FileNames.Clean(fileName, kind), kind.ContentType, temporary.Length, sha256, time.GetUtcNow(), user.UserName ?? "System");
                await temporary.FlushAsync(cancellationToken);
                temporary.Flush(flushToDisk: true);
            }

            File.Move(upload, catalog.PathOf(_module, storedName));
            try
            {
                await catalog.AddAsync(_module, file, storedName, cancellationToken);
            }
            catch
            {
                File.Delete(catalog.PathOf(_module, storedName));
                throw;
            }

            await audit.RecordAsync(new AuditEntry(AuditAction.Create, RecordType, id.ToString(), $"zu {owner.RecordType} {owner.RecordId}, {file.ContentType}, {file.Size} Bytes"), _module, cancellationToken);
            return file;
        }
        finally
        {
            File.Delete(upload);
        }
    }

    public async Task<StoredFile> SaveAsync(FileUse use, FileOwner owner, IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            throw RequestValidationException.For(FileUse.Field, "Bitte eine Datei wählen.");
        }

        if (file.Length > use.MaxBytes)
        {
            throw RequestValidationException.For(FileUse.Field, use.TooLarge(file.Length));
        }

        await using var content = file.OpenReadStream();
        return await SaveAsync(use, owner, file.FileName, content, cancellationToken);
    }

    public async Task<StoredFile> SaveAsync(FileUse use, FileOwner owner, HttpRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.HasFormContentType)
        {
            throw RequestValidationException.For(FileUse.Field, $"Bitte die Datei als multipart/form-data im Feld „{FileUse.Field}“ senden.");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            // Kestrel's form reader refuses a part beyond its own limit or a broken body; both are the sender's to fix.
            throw RequestValidationException.For(FileUse.Field, $"Das Formular ist fehlerhaft oder die Datei zu groß (höchstens {FileSize.German(use.MaxBytes)}).");
        }

        return await SaveAsync(use, owner, form.Files.GetFile(FileUse.Field) ?? (form.Files.Count == 1 ? form.Files[0] : null), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredFile>> ListAsync(FileOwner owner, CancellationToken cancellationToken = default)
        => (await catalog.ListAsync(_module, owner, cancellationToken)).Select(f => f.File).ToList();

    public async Task<IResult> DownloadAsync(FileOwner owner, Guid fileId, CancellationToken cancellationToken = default)
    {
        var (file, path) = await catalog.FindAsync(_module, owner, fileId, cancellationToken) ?? throw new RecordNotFoundException("Datei nicht gefunden.");
        await audit.RecordAsync(new AuditEntry(AuditAction.View, RecordType, fileId.ToString(), $"Download, zu {owner.RecordType} {owner.RecordId}"), _module, cancellationToken);
        // Results.File writes Content-Disposition as RFC 6266 asks: attachment; filename="ASCII fallback"; filename*=UTF-8''…
        return Results.File(path, file.ContentType, file.Name);
    }

    public async Task DeleteAsync(FileOwner owner, Guid fileId, CancellationToken cancellationToken = default)
    {
        if ((await catalog.DeleteAsync(_module, owner, fileId, cancellationToken)).Count == 0)
        {
            throw new RecordNotFoundException("Datei nicht gefunden.");
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.Erase, RecordType, fileId.ToString(), $"gelöscht, zu {owner.RecordType} {owner.RecordId}"), _module, cancellationToken);
    }

    public async Task<int> DeleteAllAsync(FileOwner owner, CancellationToken cancellationToken = default)
    {
        var deleted = await catalog.DeleteAsync(_module, owner, null, cancellationToken);
        foreach (var file in deleted)
        {
            await audit.RecordAsync(new AuditEntry(AuditAction.Erase, RecordType, file.Id.ToString(), $"gelöscht mit {owner.RecordType} {owner.RecordId}"), _module, cancellationToken);
        }

        return deleted.Count;
    }

    private static async Task CopyWithinLimitAsync(Stream content, Stream target, FileUse use, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (target.Length + read > use.MaxBytes)
            {
                throw RequestValidationException.For(FileUse.Field, use.TooLarge(content.CanSeek ? content.Length : null));
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
