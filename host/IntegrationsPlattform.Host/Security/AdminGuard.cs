using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Security;

/// <summary>
/// A deployment must never lose its last administrator: checked inside the transaction of every
/// change that could take the right away (role assignment, revoking, deactivating), before commit.
/// </summary>
internal static class AdminGuard
{
    public static async Task EnsureAnAdministratorRemainsAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var administrators = await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(DISTINCT u.id) FROM users u
            JOIN user_roles ur ON ur.user_id = u.id
            JOIN role_permissions rp ON rp.role_id = ur.role_id
            WHERE u.is_active = 1 AND rp.permission = @permission
            """,
            new { permission = PermissionCatalog.PlatformAdmin },
            transaction);
        if (administrators == 0)
        {
            throw new DomainRuleException("Mindestens ein aktives Konto muss die Plattform verwalten dürfen; diese Änderung würde das letzte entfernen.");
        }
    }
}
