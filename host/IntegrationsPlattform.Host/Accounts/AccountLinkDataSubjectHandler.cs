using Dapper;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Accounts;

/// <summary>
/// Invitations (found by address or name) and password-reset requests (by address) the host holds until
/// <see cref="AccountLinkCleanupJob"/> deletes them; erasure deletes the row, and its link stops working.
/// </summary>
internal sealed class AccountLinkDataSubjectHandler(HostDatabase database) : IDataSubjectHandler
{
    private const string Invitation = "Einladung zu einem Konto";
    private const string Reset = "Anforderung eines neuen Passworts";

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var email = string.IsNullOrWhiteSpace(query.Email) ? null : AccountLinks.Normalize(query.Email);
        var name = string.IsNullOrWhiteSpace(query.Name) ? null : "%" + query.Name.Trim() + "%";
        await using var connection = await database.OpenAsync(cancellationToken);
        var invitations = await connection.QueryAsync<(string Id, string DisplayName, string RoleKey, string CreatedAt)>(
            "SELECT id, display_name, role_key, created_at FROM invitations WHERE email = @email OR display_name LIKE @name", new { email, name });
        var resets = await connection.QueryAsync<(string Id, string Email, string CreatedAt)>(
            "SELECT id, email, created_at FROM password_resets WHERE email = @email", new { email });
        return invitations.Select(i => new DataSubjectRecord(Invitation, i.Id, i.DisplayName, $"Rolle {i.RoleKey}, eingeladen {i.CreatedAt[..10]}"))
            .Concat(resets.Select(r => new DataSubjectRecord(Reset, r.Id, r.Email, $"angefordert {r.CreatedAt[..10]}")))
            .ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (record.RecordType == Invitation)
        {
            var i = await connection.QuerySingleAsync<(string Email, string DisplayName, string RoleKey, string ScopeLabel, string CreatedAt, string ExpiresAt, string? AcceptedAt)>(
                "SELECT email, display_name, role_key, scope_label, created_at, expires_at, accepted_at FROM invitations WHERE id = @id", new { id = record.RecordId });
            return new DataSubjectExport(Invitation, record.RecordId, new Dictionary<string, string?>
            {
                ["E-Mail"] = i.Email,
                ["Name"] = i.DisplayName,
                ["Rolle"] = i.RoleKey,
                ["Bereich"] = i.ScopeLabel,
                ["Eingeladen"] = i.CreatedAt,
                ["Link gültig bis"] = i.ExpiresAt,
                ["Angenommen"] = i.AcceptedAt,
            });
        }

        var r = await connection.QuerySingleAsync<(string Email, string CreatedAt, string ExpiresAt, string? UsedAt)>(
            "SELECT email, created_at, expires_at, used_at FROM password_resets WHERE id = @id", new { id = record.RecordId });
        return new DataSubjectExport(Reset, record.RecordId, new Dictionary<string, string?>
        {
            ["E-Mail"] = r.Email,
            ["Angefordert"] = r.CreatedAt,
            ["Link gültig bis"] = r.ExpiresAt,
            ["Verwendet"] = r.UsedAt,
        });
    }

    public Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
        => database.WriteAsync(
            (c, t) => c.ExecuteAsync(record.RecordType == Invitation ? "DELETE FROM invitations WHERE id = @id" : "DELETE FROM password_resets WHERE id = @id", new { id = record.RecordId }, t),
            cancellationToken);
}
