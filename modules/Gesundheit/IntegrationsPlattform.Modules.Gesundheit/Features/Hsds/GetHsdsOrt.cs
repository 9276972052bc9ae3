using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary><c>GET /hsds/locations/{id}</c>: a place where a published offer is held; any other place is not public and not found.</summary>
internal sealed record GetHsdsOrt(string Id) : IQuery<HsdsLocation>;

internal sealed class GetHsdsOrtHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser) : IRequestHandler<GetHsdsOrt, HsdsLocation>
{
    public async Task<HsdsLocation> Handle(GetHsdsOrt request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var orte = await leser.LocationsAsync(connection, [request.Id], cancellationToken);
        return orte.SingleOrDefault() ?? throw new RecordNotFoundException("Kein Ort eines veröffentlichten Angebots mit dieser Kennung.");
    }
}
