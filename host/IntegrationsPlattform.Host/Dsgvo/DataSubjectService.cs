using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Files;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Dsgvo;

/// <summary>A record found for a data-subject request, with the module that holds it.</summary>
internal sealed record FoundRecord(string Module, string ModuleName, DataSubjectRecord Record);

/// <summary>What a module holds about one record, with the files that belong to it (content as Base64).</summary>
internal sealed record ModuleExport(string Module, string ModuleName, DataSubjectExport Data, IReadOnlyList<ExportedFile> Files);

internal sealed record ExportedFile(string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string ContentBase64);

/// <summary>
/// Runs a DSGVO data-subject request across every running module through <see cref="IDataSubjectHandler"/>.
/// Every search, export and erasure is written to the audit trail. The files a module keeps for a record
/// (<c>FileOwner</c> = the record's type and id) go with it: into the export and out with the erasure.
/// </summary>
internal sealed class DataSubjectService(IEnumerable<IDataSubjectHandler> handlers, ModuleRegistry registry, AuditTrail audit, FileCatalog files)
{
    public async Task<IReadOnlyList<FoundRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var found = new List<FoundRecord>();
        foreach (var (handler, module, name) in Handlers())
        {
            foreach (var record in await handler.FindAsync(query, cancellationToken))
            {
                found.Add(new FoundRecord(module, name, record));
            }
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Betroffenenanfrage", null, $"Suche über alle Module, {found.Count} Treffer"), "Plattform", cancellationToken);
        return found;
    }

    public async Task<IReadOnlyList<ModuleExport>> ExportAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var exports = new List<ModuleExport>();
        foreach (var (handler, module, name) in Handlers())
        {
            foreach (var record in await handler.FindAsync(query, cancellationToken))
            {
                exports.Add(new ModuleExport(module, name, await handler.ExportAsync(record, cancellationToken), await ExportFilesAsync(module, record, cancellationToken)));
                await audit.RecordAsync(new AuditEntry(AuditAction.Export, record.RecordType, record.RecordId, "Auskunft nach Art. 15 DSGVO"), module, cancellationToken);
            }
        }

        return exports;
    }

    /// <summary>Erases exactly the records the admin confirmed (module + type + id), never a fresh search result.</summary>
    public async Task<int> EraseAsync(IReadOnlyCollection<(string Module, string RecordType, string RecordId)> confirmed, DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var (handler, module, _) in Handlers())
        {
            foreach (var record in await handler.FindAsync(query, cancellationToken))
            {
                if (!confirmed.Contains((module, record.RecordType, record.RecordId)))
                {
                    continue;
                }

                await handler.EraseAsync(record, cancellationToken);
                var erasedFiles = await files.DeleteAsync(module, new FileOwner(record.RecordType, record.RecordId), null, cancellationToken);
                foreach (var file in erasedFiles)
                {
                    await audit.RecordAsync(new AuditEntry(AuditAction.Erase, "Datei", file.Id.ToString(), $"Löschung nach Art. 17 DSGVO mit {record.RecordType} {record.RecordId}"), module, cancellationToken);
                }

                await audit.RecordAsync(new AuditEntry(AuditAction.Erase, record.RecordType, record.RecordId, "Löschung nach Art. 17 DSGVO"), module, cancellationToken);
                erased++;
            }
        }

        return erased;
    }

    private async Task<IReadOnlyList<ExportedFile>> ExportFilesAsync(string module, DataSubjectRecord record, CancellationToken cancellationToken)
    {
        var exported = new List<ExportedFile>();
        foreach (var (file, path) in await files.ListAsync(module, new FileOwner(record.RecordType, record.RecordId), cancellationToken))
        {
            exported.Add(new ExportedFile(file.Name, file.ContentType, file.Size, file.Sha256, file.UploadedAt, Convert.ToBase64String(await File.ReadAllBytesAsync(path, cancellationToken))));
        }

        return exported;
    }

    private IEnumerable<(IDataSubjectHandler Handler, string Module, string ModuleName)> Handlers()
        => handlers.Select(h => registry.OfAssembly(h.GetType().Assembly) is { } m ? (h, m.Id, m.DisplayName) : (h, "Plattform", "Plattform (Benutzerkonten, öffentliche Formulare)"));
}
