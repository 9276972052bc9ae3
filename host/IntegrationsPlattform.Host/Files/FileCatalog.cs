using Dapper;
using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Files;

/// <summary>
/// The modules' files: metadata in <c>host.db</c> (<c>module_files</c>), content in <c>files/&lt;Id&gt;/</c>
/// under a generated name. Writes the row only after the content is complete on disk, and deletes the row
/// before the content, so that a row never points at a half-written file.
/// </summary>
internal sealed class FileCatalog(HostDatabase database, PlatformOptions options)
{
    private const string Columns = "id AS Id, record_type AS RecordType, record_id AS RecordId, use AS Use, name AS Name, content_type AS ContentType, size AS Size, sha256 AS Sha256, uploaded_at AS UploadedAt, uploaded_by AS UploadedBy";

    public string Directory(string module) => options.ModuleFilesDirectory(module);

    public string PathOf(string module, string storedName) => Path.Combine(Directory(module), storedName);

    public async Task AddAsync(string module, StoredFile file, string storedName, CancellationToken cancellationToken)
        => await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO module_files (id, module, record_type, record_id, use, name, stored_name, content_type, size, sha256, uploaded_at, uploaded_by)
            VALUES (@id, @module, @RecordType, @RecordId, @Use, @Name, @storedName, @ContentType, @Size, @Sha256, @uploadedAt, @UploadedBy)
            """,
            new { id = file.Id.ToString(), module, file.RecordType, file.RecordId, file.Use, file.Name, storedName, file.ContentType, file.Size, file.Sha256, uploadedAt = file.UploadedAt.ToString("O"), file.UploadedBy },
            transaction), cancellationToken);

    /// <summary>The owner's files in the order they came, each with the path of its content.</summary>
    public async Task<IReadOnlyList<(StoredFile File, string Path)>> ListAsync(string module, FileOwner owner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRow>(
            $"SELECT {Columns}, stored_name AS StoredName FROM module_files WHERE module = @module AND record_type = @RecordType AND record_id = @RecordId ORDER BY uploaded_at, id",
            new { module, owner.RecordType, owner.RecordId });
        return rows.Select(r => (r.ToStoredFile(), PathOf(module, r.StoredName))).ToList();
    }

    /// <summary>The file with its stored name, or null when the owner has no such file.</summary>
    public async Task<(StoredFile File, string Path)?> FindAsync(string module, FileOwner owner, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<FileRow>(
            $"SELECT {Columns}, stored_name AS StoredName FROM module_files WHERE id = @id AND module = @module AND record_type = @RecordType AND record_id = @RecordId",
            new { id = id.ToString(), module, owner.RecordType, owner.RecordId });
        return row is null ? null : (row.ToStoredFile(), PathOf(module, row.StoredName));
    }

    /// <summary>Deletes the rows of the owner (all, or the one with <paramref name="id"/>), then their content; answers the files deleted.</summary>
    public async Task<IReadOnlyList<StoredFile>> DeleteAsync(string module, FileOwner owner, Guid? id, CancellationToken cancellationToken)
    {
        var deleted = await database.WriteAsync(async (connection, transaction) =>
        {
            var parameters = new { module, owner.RecordType, owner.RecordId, id = id?.ToString() };
            const string Filter = "module = @module AND record_type = @RecordType AND record_id = @RecordId AND (@id IS NULL OR id = @id)";
            var rows = (await connection.QueryAsync<FileRow>($"SELECT {Columns}, stored_name AS StoredName FROM module_files WHERE {Filter}", parameters, transaction)).ToList();
            await connection.ExecuteAsync($"DELETE FROM module_files WHERE {Filter}", parameters, transaction);
            return rows;
        }, cancellationToken);
        foreach (var row in deleted)
        {
            File.Delete(PathOf(module, row.StoredName));
        }

        return deleted.Select(r => r.ToStoredFile()).ToList();
    }

    /// <summary>The bytes of a module's files on disk (<c>files/&lt;Id&gt;</c>), for <c>/admin/modules</c> and <c>modules list</c>.</summary>
    public static long Bytes(string filesDirectory)
    {
        var directory = new DirectoryInfo(filesDirectory);
        return directory.Exists ? directory.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
    }

    private sealed record FileRow(string Id, string RecordType, string RecordId, string Use, string Name, string ContentType, long Size, string Sha256, string UploadedAt, string UploadedBy, string StoredName)
    {
        public StoredFile ToStoredFile()
            => new(Guid.Parse(Id), RecordType, RecordId, Use, Name, ContentType, Size, Sha256, DateTimeOffset.Parse(UploadedAt, System.Globalization.CultureInfo.InvariantCulture), UploadedBy);
    }
}
