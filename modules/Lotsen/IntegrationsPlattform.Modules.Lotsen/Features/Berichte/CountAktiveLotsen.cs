using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

/// <summary>Active Lotsen right now (the per-municipality table counts a Lotse once per municipality served).</summary>
internal sealed record CountAktiveLotsen : IQuery<long>;

internal sealed class CountAktiveLotsenHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<CountAktiveLotsen, long>
{
    public async Task<long> Handle(CountAktiveLotsen request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM lotsen WHERE status = 'aktiv'");
    }
}
