using Dapper;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

/// <summary>
/// The SDK's scope check (<see cref="RecordScope"/>) for requests and their assignments. Their owner is the Lotse
/// assigned to them: a Lotse's platform account is linked to her Lotse record by its user name, so the owner key of
/// an own-records grant is the id of that Lotse.
/// </summary>
internal static class AnfragenReichweite
{
    public static Task<RecordScope> FuerAsync(ICurrentUser user, string permission, SqliteConnection connection, SqliteTransaction? transaction = null)
        => RecordScope.OfAsync(user, permission, name => connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM lotsen WHERE benutzername = @name COLLATE NOCASE", new { name }, transaction));
}
