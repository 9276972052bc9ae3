using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Every municipality of the deployment with its active Träger, if any (an agreement past its planned end is not active).</summary>
internal sealed record GetAbdeckung : IQuery<IReadOnlyList<KommuneAbdeckung>>;

internal sealed class GetAbdeckungHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ILocalClock clock) : IRequestHandler<GetAbdeckung, IReadOnlyList<KommuneAbdeckung>>
{
    public async Task<IReadOnlyList<KommuneAbdeckung>> Handle(GetAbdeckung request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var aktiv = (await connection.QueryAsync<(string Ags, string TraegerId, string Name, string Beginn, string? Ende)>(
            $"""
            SELECT vk.ags, t.id, t.name, v.beginn, v.ende FROM vereinbarung_kommunen vk
            JOIN vereinbarungen v ON v.id = vk.vereinbarung_id JOIN traeger t ON t.id = v.traeger_id
            WHERE vk.aktiv = 1 AND {Vereinbarungsende.Laeuft("v")}
            """, new { heute = Vereinbarungsende.Heute(clock) })).ToDictionary(a => a.Ags);
        return deployment.Municipalities
            .Select(m => aktiv.TryGetValue(m.Ags, out var a)
                ? new KommuneAbdeckung(m.Ags, m.Name, a.TraegerId, a.Name, a.Beginn, a.Ende)
                : new KommuneAbdeckung(m.Ags, m.Name, null, null, null, null))
            .ToList();
    }
}
