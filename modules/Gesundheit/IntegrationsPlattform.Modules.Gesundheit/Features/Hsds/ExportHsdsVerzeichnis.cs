using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// <c>GET /hsds/export</c>: the whole public directory at once — every published offer as a fully nested HSDS service,
/// ordered by id, for directories that take over the data (Open Referral's way of exchanging HSDS as JSON).
/// </summary>
internal sealed record ExportHsdsVerzeichnis(string Sprache) : IQuery<IReadOnlyList<HsdsService>>;

internal sealed class ExportHsdsVerzeichnisHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser, ILocalClock clock)
    : IRequestHandler<ExportHsdsVerzeichnis, IReadOnlyList<HsdsService>>
{
    public async Task<IReadOnlyList<HsdsService>> Handle(ExportHsdsVerzeichnis request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT a.id {HsdsSql.Veroeffentlicht} ORDER BY a.id",
            new { heute = GermanFormat.StoredDay(clock.Today) }, cancellationToken: cancellationToken))).ToList();
        return await leser.ServicesAsync(connection, ids, request.Sprache, verschachtelt: true, mitAnbieter: true, cancellationToken);
    }
}
