using Dapper;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Dsgvo;

/// <summary>The host's own personal data: user accounts. Erasure anonymises the account and deactivates it (audit entries keep their meaning).</summary>
internal sealed class AccountDataSubjectHandler(HostDatabase database, PermissionCache cache) : IDataSubjectHandler
{
    private const string RecordType = "Benutzerkonto";

    private sealed record Row(string Id, string UserName, string DisplayName, string? Email, string CreatedAt, long IsActive);

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(query, cancellationToken);
        return rows.Select(r => new DataSubjectRecord(RecordType, r.Id, r.DisplayName, $"Benutzername {r.UserName}, angelegt {r.CreatedAt[..10]}")).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<Row>(
            "SELECT id, user_name AS UserName, display_name AS DisplayName, email, created_at AS CreatedAt, is_active AS IsActive FROM users WHERE id = @id", new { id = record.RecordId });
        var roles = await connection.QueryAsync<string>("SELECT r.name FROM roles r JOIN user_roles ur ON ur.role_id = r.id WHERE ur.user_id = @id", new { id = record.RecordId });
        return new DataSubjectExport(RecordType, row.Id, new Dictionary<string, string?>
        {
            ["Benutzername"] = row.UserName,
            ["Name"] = row.DisplayName,
            ["E-Mail"] = row.Email,
            ["Angelegt"] = row.CreatedAt,
            ["Aktiv"] = row.IsActive == 1 ? "ja" : "nein",
            ["Rollen"] = string.Join(", ", roles),
        });
    }

    public async Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await database.WriteAsync(async (c, t) =>
        {
            var anonymous = "geloescht-" + record.RecordId[^12..];
            await c.ExecuteAsync(
                "UPDATE users SET user_name = @anonymous, display_name = 'Gelöschte Person', email = NULL, is_active = 0, password_hash = '-', security_stamp = @anonymous WHERE id = @id",
                new { anonymous, id = record.RecordId }, t);
            await c.ExecuteAsync("DELETE FROM api_tokens WHERE user_id = @id", new { id = record.RecordId }, t);
            await c.ExecuteAsync("DELETE FROM calendar_feed_tokens WHERE user_id = @id", new { id = record.RecordId }, t);
            await c.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @id", new { id = record.RecordId }, t);
            await c.ExecuteAsync("UPDATE audit_log SET user_name = 'Gelöschte Person' WHERE user_id = @id", new { id = record.RecordId }, t);
        }, cancellationToken);

        // The account is inactive now: its cookie sessions and remembered tokens end with the next request.
        cache.Clear();
    }

    private async Task<IReadOnlyList<Row>> QueryAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Name) && string.IsNullOrWhiteSpace(query.Email))
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            """
            SELECT id, user_name AS UserName, display_name AS DisplayName, email, created_at AS CreatedAt, is_active AS IsActive FROM users
            WHERE password_hash <> '-' AND ((@name IS NOT NULL AND (display_name LIKE '%' || @name || '%' OR user_name = @name)) OR (@email IS NOT NULL AND email = @email COLLATE NOCASE))
            """,
            new { name = string.IsNullOrWhiteSpace(query.Name) ? null : query.Name.Trim(), email = string.IsNullOrWhiteSpace(query.Email) ? null : query.Email.Trim() });
        return rows.ToList();
    }
}
