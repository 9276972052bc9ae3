using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>
/// The provider organisations as the module's kind of scope group: a provider's accounts hold
/// <see cref="GesundheitModule.Angebote"/> for their provider only, and the offers carry the provider's id
/// (<c>angebote.anbieter_id</c>) as their group.
/// </summary>
internal sealed class AnbieterGruppen(IModuleDatabase<GesundheitModule> database) : IScopeGroupProvider
{
    public static readonly ScopeGroupKind Art = new("gesundheit.anbieter", "Anbieter", "Anbieter");

    public ScopeGroupKind Kind => Art;

    public async Task<IReadOnlyList<ScopeGroup>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Name)>(
            new CommandDefinition("SELECT id, name FROM anbieter ORDER BY name COLLATE NOCASE", cancellationToken: cancellationToken));
        return rows.Select(r => new ScopeGroup(r.Id, r.Name)).ToList();
    }
}
