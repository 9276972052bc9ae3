using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Dsgvo;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

internal sealed class EintragDataSubjects(IModuleDatabase<BeispielModule> database) : IDataSubjectHandler
{
    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Name, string Titel)>(
            "SELECT id, person_name, titel FROM eintraege WHERE (@name IS NOT NULL AND person_name LIKE '%' || @name || '%') OR (@email IS NOT NULL AND person_email = @email)",
            new { name = query.Name, email = query.Email });
        return rows.Select(r => new DataSubjectRecord("Eintrag", r.Id, r.Name, r.Titel)).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<(string Titel, string? Name, string? Email)>("SELECT titel, person_name, person_email FROM eintraege WHERE id = @id", new { id = record.RecordId });
        return new DataSubjectExport("Eintrag", record.RecordId, new Dictionary<string, string?> { ["Titel"] = row.Titel, ["Name"] = row.Name, ["E-Mail"] = row.Email });
    }

    public async Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE eintraege SET person_name = NULL, person_email = NULL WHERE id = @id", new { id = record.RecordId });
    }
}
