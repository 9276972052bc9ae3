using Dapper;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.OptIn;

/// <summary>
/// Entries of public forms the host holds until their confirmation (or until the cleanup job): found by the e-mail
/// address they were sent with, exported with what was entered, erased by deleting them (the link then stops working).
/// </summary>
internal sealed class OptInDataSubjectHandler(HostDatabase database) : IDataSubjectHandler
{
    private const string RecordType = "Eingabe eines öffentlichen Formulars (Bestätigung ausstehend)";

    private sealed record Row(string Id, string Kind, string Email, string? Payload, string CreatedAt, string ExpiresAt, string? ConfirmedAt);

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Email))
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(Select + " WHERE email = @email", new { email = query.Email.Trim().ToLowerInvariant() });
        return rows.Select(r => new DataSubjectRecord(RecordType, r.Id, r.Email, $"{r.Kind}, gesendet {r.CreatedAt[..10]}{(r.ConfirmedAt is null ? ", unbestätigt" : ", bestätigt (beim Modul gespeichert)")}")).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(Select + " WHERE id = @id", new { id = record.RecordId });
        return new DataSubjectExport(RecordType, row.Id, new Dictionary<string, string?>
        {
            ["Formular"] = row.Kind,
            ["E-Mail"] = row.Email,
            ["Angaben"] = row.Payload,
            ["Gesendet"] = row.CreatedAt,
            ["Link gültig bis"] = row.ExpiresAt,
            ["Bestätigt"] = row.ConfirmedAt,
        });
    }

    public Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
        => database.WriteAsync((c, t) => c.ExecuteAsync("DELETE FROM opt_in WHERE id = @id", new { id = record.RecordId }, t), cancellationToken);

    private const string Select = "SELECT id, kind, email, payload, created_at AS CreatedAt, expires_at AS ExpiresAt, confirmed_at AS ConfirmedAt FROM opt_in";
}
