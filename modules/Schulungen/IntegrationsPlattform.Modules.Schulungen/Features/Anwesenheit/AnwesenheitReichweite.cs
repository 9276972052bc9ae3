using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>
/// The SDK's scope check (<see cref="RecordScope"/>) for a session's attendance. A session lies in its municipality and
/// belongs to its trainers: a trainer's invited account is linked to her trainer record by its user name, so the owner
/// key of an own-records grant is the id of that trainer, and she owns every session she leads.
/// </summary>
internal static class AnwesenheitReichweite
{
    public static Task<RecordScope> FuerAsync(ICurrentUser user, SqliteConnection connection, SqliteTransaction? transaction = null)
        => RecordScope.OfAsync(user, SchulungenModule.Anwesenheit, name => connection.ExecuteScalarAsync<string?>(
            "SELECT id FROM trainer WHERE benutzername = @name COLLATE NOCASE", new { name }, transaction));

    /// <summary>
    /// The session's municipality and, when the user is one of its trainers, her trainer id (the owner key she holds). A
    /// class, not a positional record: SQLite reports no type for a NULL column, and Dapper matches a record's
    /// constructor by column types.
    /// </summary>
    private sealed class Lage
    {
        public string? KommuneAgs { get; init; }

        public string? EigenerTrainer { get; init; }
    }

    /// <summary>
    /// Loads where the session lies and answers <see cref="RecordNotFoundException"/> when it is missing or the user may not
    /// read it; with <paramref name="schreiben"/> also refuses a write outside the user's scope.
    /// </summary>
    public static async Task PruefenAsync(ICurrentUser user, SqliteConnection connection, string terminId, bool schreiben, SqliteTransaction? transaction = null)
    {
        var lage = await connection.QuerySingleOrDefaultAsync<Lage>(
            """
            SELECT t.kommune_ags AS KommuneAgs,
                   (SELECT tt.trainer_id FROM termin_trainer tt JOIN trainer tr ON tr.id = tt.trainer_id
                    WHERE tt.termin_id = t.id AND tr.benutzername = @name COLLATE NOCASE) AS EigenerTrainer
            FROM termine t WHERE t.id = @terminId
            """,
            new { terminId, name = user.UserName }, transaction);
        var scope = await FuerAsync(user, connection, transaction);
        string[] kommunen = lage?.KommuneAgs is { } ags ? [ags] : [];
        if (lage is null || !scope.CanRead(kommunen, lage.EigenerTrainer))
        {
            throw new RecordNotFoundException("Diesen Termin gibt es nicht, oder er gehört nicht zu Ihren Terminen.");
        }

        if (schreiben)
        {
            scope.EnsureWritable(kommunen, lage.EigenerTrainer, "Anwesenheit", terminId, "anwesend");
        }
    }
}
