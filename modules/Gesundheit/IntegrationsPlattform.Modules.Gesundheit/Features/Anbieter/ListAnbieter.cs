using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>
/// The provider organisations the user may maintain offers for: staff all, a provider's account its own, a
/// municipality grant those with an offer in its municipalities.
/// </summary>
internal sealed record ListAnbieter : IQuery<IReadOnlyList<AnbieterZeile>>;

internal sealed class ListAnbieterHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user) : IRequestHandler<ListAnbieter, IReadOnlyList<AnbieterZeile>>
{
    public async Task<IReadOnlyList<AnbieterZeile>> Handle(ListAnbieter request, CancellationToken cancellationToken)
    {
        var parameter = new DynamicParameters();
        var sicht = RecordScope.Of(user, GesundheitModule.Angebote).SqlCondition(
            ags => $"EXISTS (SELECT 1 FROM angebote a WHERE a.anbieter_id = n.id AND {AngeboteSql.InKommunen(ags)})", ownerColumn: null, parameter, groupColumn: "n.id");
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AnbieterZeile>(
            $"SELECT n.id, n.name, n.beschreibung, n.email, n.website FROM anbieter n WHERE {sicht} ORDER BY n.name COLLATE NOCASE", parameter)).ToList();
    }
}
