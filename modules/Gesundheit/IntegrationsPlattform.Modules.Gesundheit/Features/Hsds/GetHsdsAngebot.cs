using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary><c>GET /hsds/services/{id}</c>: one published offer as a fully nested HSDS service; any other id is not found.</summary>
internal sealed record GetHsdsAngebot(string Id, string Sprache) : IQuery<HsdsService>;

internal sealed class GetHsdsAngebotHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser) : IRequestHandler<GetHsdsAngebot, HsdsService>
{
    public async Task<HsdsService> Handle(GetHsdsAngebot request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var services = await leser.ServicesAsync(connection, [request.Id], request.Sprache, verschachtelt: true, mitAnbieter: true, cancellationToken);
        return services.SingleOrDefault() ?? throw new RecordNotFoundException("Kein veröffentlichtes Angebot mit dieser Kennung.");
    }
}
