using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Features.Termine;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>
/// A session's attendance is read and written by whoever sees the session (<see cref="TerminBereich"/>): staff all,
/// a municipality grant the sessions there, a trainer the sessions she leads.
/// </summary>
internal static class AnwesenheitReichweite
{
    private sealed class Lage
    {
        public string? KommuneAgs { get; init; }
    }

    /// <summary>
    /// Answers <see cref="RecordNotFoundException"/> when the session is missing or the user may not see it; with
    /// <paramref name="schreiben"/> also refuses a write outside the user's scope.
    /// </summary>
    public static async Task PruefenAsync(ICurrentUser user, SqliteConnection connection, string terminId, bool schreiben, SqliteTransaction? transaction = null)
    {
        var lage = await connection.QuerySingleOrDefaultAsync<Lage>("SELECT kommune_ags AS KommuneAgs FROM termine WHERE id = @terminId", new { terminId }, transaction);
        var trainerKonten = (await connection.QueryAsync<string>(
            "SELECT tr.benutzername FROM termin_trainer tt JOIN trainer tr ON tr.id = tt.trainer_id WHERE tt.termin_id = @terminId AND tr.benutzername IS NOT NULL",
            new { terminId }, transaction)).ToList();
        var scope = TerminBereich.Of(user);
        if (lage is null || !TerminBereich.CanRead(scope, user, lage.KommuneAgs, trainerKonten))
        {
            throw new RecordNotFoundException("Diesen Termin gibt es nicht, oder er gehört nicht zu Ihren Terminen.");
        }

        if (schreiben)
        {
            var eigenes = trainerKonten.FirstOrDefault(k => string.Equals(k, user.UserName, StringComparison.OrdinalIgnoreCase));
            scope.EnsureWritable(lage.KommuneAgs is { } ags ? [ags] : [], eigenes, "Anwesenheit", terminId, "anwesend");
        }
    }
}
