using Dapper;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features;

/// <summary>
/// What a user may see of requests and assignments under one permission: everything, the
/// municipalities of their grant (a Träger's coordinators), or — for a Lotse — only what they were
/// assigned to (their platform account is linked to their Lotse record by user name).
/// </summary>
internal sealed record Sichtbereich(bool Alle, IReadOnlyCollection<string> Kommunen, string? EigenerLotseId)
{
    public static readonly Sichtbereich Nichts = new(false, [], null);

    public bool Sieht(string kommuneAgs, string? lotseId)
        => Alle || Kommunen.Contains(kommuneAgs) || (EigenerLotseId is not null && lotseId == EigenerLotseId);

    /// <summary>
    /// A WHERE condition over the given columns; its parameters are <see cref="Parameter"/>. Lists
    /// filter in SQL so that paging counts only visible rows.
    /// </summary>
    public string Bedingung(string kommuneSpalte, string lotseSpalte)
        => $"(@sichtAlle = 1 OR {kommuneSpalte} IN @sichtKommunen OR {lotseSpalte} = @sichtLotse)";

    public void Parameter(DynamicParameters parameter)
    {
        parameter.Add("sichtAlle", Alle ? 1 : 0);
        parameter.Add("sichtKommunen", Kommunen);
        parameter.Add("sichtLotse", EigenerLotseId);
    }

    public static async Task<Sichtbereich> FuerAsync(ICurrentUser user, string permission, SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        var scope = user.ScopeOf(permission);
        switch (scope?.Kind)
        {
            case null:
                return Nichts;
            case ScopeKind.All:
                return new Sichtbereich(true, [], null);
            case ScopeKind.Municipalities:
                return new Sichtbereich(false, scope.MunicipalityAgs, null);
            default:
                var lotseId = user.UserName is null
                    ? null
                    : await connection.ExecuteScalarAsync<string?>("SELECT id FROM lotsen WHERE benutzername = @name", new { name = user.UserName }, transaction);
                return new Sichtbereich(false, [], lotseId);
        }
    }
}
