namespace IntegrationsPlattform.Contracts.Dsgvo;

/// <summary>Who an admin looks for in a data-subject request (DSGVO Art. 15/17): name and/or e-mail.</summary>
public sealed record DataSubjectQuery(string? Name, string? Email);

/// <summary>A record a module holds about the person; <paramref name="RecordId"/> is the module's own id.</summary>
public sealed record DataSubjectRecord(string RecordType, string RecordId, string DisplayName, string Summary);

/// <summary>Everything a module holds about one record, as field/value pairs for the export.</summary>
public sealed record DataSubjectExport(string RecordType, string RecordId, IReadOnlyDictionary<string, string?> Fields);

/// <summary>Each module answers data-subject requests for its own data, files and mail through this one contract.</summary>
public interface IDataSubjectHandler
{
    Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken);

    Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes or anonymises the record; figures for reports may survive without the person.</summary>
    Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken);
}
