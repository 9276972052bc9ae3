using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>The Träger to choose from when a Träger referred a Lotse (id, name).</summary>
internal sealed record ListTraegerAuswahl : IQuery<IReadOnlyList<(string Id, string Name)>>;

internal sealed class ListTraegerAuswahlHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<ListTraegerAuswahl, IReadOnlyList<(string Id, string Name)>>
{
    public async Task<IReadOnlyList<(string Id, string Name)>> Handle(ListTraegerAuswahl request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(string, string)>("SELECT id, name FROM traeger ORDER BY name COLLATE NOCASE")).ToList();
    }
}
