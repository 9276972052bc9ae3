using System.Data;
using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;

/// <summary>
/// Who may reach an offer's texts: the offers belong to their provider (the scope group), so staff with the whole
/// Kreis reach every offer and a provider's accounts only their own. An offer outside the scope does not exist for
/// the user (404), also for a change.
/// </summary>
internal static class AngebotZugriff
{
    internal sealed record Kopf(string Id, string AnbieterId, string Status);

    public static async Task<Kopf> LesenAsync(IDbConnection connection, IDbTransaction? transaction, string id, RecordScope scope)
    {
        var kopf = await connection.QuerySingleOrDefaultAsync<Kopf>(
            "SELECT id, anbieter_id AS AnbieterId, status FROM angebote WHERE id = @id", new { id }, transaction);
        if (kopf is null || !scope.CanRead([], null, [kopf.AnbieterId]))
        {
            throw new RecordNotFoundException("Angebot nicht gefunden.");
        }

        return kopf;
    }

    /// <summary>The SQL condition of the offers (alias <c>a</c>) the scope reaches, for lists.</summary>
    public static string Bedingung(RecordScope scope, DynamicParameters parameter)
        => scope.SqlCondition(_ => "0 = 1", null, parameter, groupColumn: "a.anbieter_id");
}
