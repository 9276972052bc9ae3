using Dapper;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// Who sees a session (<see cref="SchulungenModule.Anwesenheit"/>): staff with the whole Kreis, a grant for some
/// municipalities the sessions held there, a trainer (own records) the sessions she leads — those whose trainers
/// include the trainer record linked to her account.
/// </summary>
internal static class TerminBereich
{
    /// <summary>The owner condition for SQL: the session of alias <c>t</c> has a trainer whose account is the user's.</summary>
    private const string EigeneTrainerin =
        "(SELECT tr.benutzername FROM termin_trainer tt JOIN trainer tr ON tr.id = tt.trainer_id WHERE tt.termin_id = t.id AND tr.benutzername = @scopeOwner)";

    public static RecordScope Of(ICurrentUser user) => RecordScope.Of(user, SchulungenModule.Anwesenheit);

    public static string SqlCondition(RecordScope scope, DynamicParameters parameter)
        => scope.SqlCondition(ags => $"t.kommune_ags IN {ags}", EigeneTrainerin, parameter);

    /// <summary>The read check of one session, from its municipality and its trainers' account names.</summary>
    public static bool CanRead(RecordScope scope, ICurrentUser user, string? kommune, IReadOnlyCollection<string> trainerKonten)
        => scope.CanRead(kommune is null ? [] : [kommune], trainerKonten.FirstOrDefault(k => string.Equals(k, user.UserName, StringComparison.OrdinalIgnoreCase)) ?? trainerKonten.FirstOrDefault());
}
