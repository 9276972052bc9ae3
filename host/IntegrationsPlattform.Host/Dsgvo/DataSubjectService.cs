using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Dsgvo;

/// <summary>A record found for a data-subject request, with the module that holds it.</summary>
internal sealed record FoundRecord(string Module, string ModuleName, DataSubjectRecord Record);

internal sealed record ModuleExport(string Module, string ModuleName, DataSubjectExport Data);

/// <summary>
/// Runs a DSGVO data-subject request across every running module through <see cref="IDataSubjectHandler"/>.
/// Every search, export and erasure is written to the audit trail.
/// </summary>
internal sealed class DataSubjectService(IEnumerable<IDataSubjectHandler> handlers, ModuleRegistry registry, AuditTrail audit)
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
                exports.Add(new ModuleExport(module, name, await handler.ExportAsync(record, cancellationToken)));
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
                await audit.RecordAsync(new AuditEntry(AuditAction.Erase, record.RecordType, record.RecordId, "Löschung nach Art. 17 DSGVO"), module, cancellationToken);
                erased++;
            }
        }

        return erased;
    }

    private IEnumerable<(IDataSubjectHandler Handler, string Module, string ModuleName)> Handlers()
        => handlers.Select(h => registry.OfAssembly(h.GetType().Assembly) is { } m ? (h, m.Id, m.DisplayName) : (h, "Plattform", "Plattform (Benutzerkonten, öffentliche Formulare)"));
}
