using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// <c>GET /hsds/organizations/{id}</c>: a provider with its published offers (fully nested services) and their places; a
/// provider without a published offer is not public and not found.
/// </summary>
internal sealed record GetHsdsAnbieter(string Id, string Sprache) : IQuery<HsdsOrganization>;

internal sealed class GetHsdsAnbieterHandler(IModuleDatabase<GesundheitModule> database, HsdsLeser leser, ILocalClock clock)
    : IRequestHandler<GetHsdsAnbieter, HsdsOrganization>
{
    public async Task<HsdsOrganization> Handle(GetHsdsAnbieter request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var angebote = (await connection.QueryAsync<string>(new CommandDefinition(
            $"SELECT a.id {HsdsSql.Veroeffentlicht} AND a.anbieter_id = @id ORDER BY a.id",
            new { id = request.Id, heute = GermanFormat.StoredDay(clock.Today) }, cancellationToken: cancellationToken))).ToList();
        var anbieter = angebote.Count > 0 ? (await leser.OrganizationsAsync(connection, [request.Id], vollstaendig: true, cancellationToken)).SingleOrDefault() : null;
        if (anbieter is null)
        {
            throw new RecordNotFoundException("Kein Anbieter mit veröffentlichten Angeboten unter dieser Kennung.");
        }

        var services = await leser.ServicesAsync(connection, angebote, request.Sprache, verschachtelt: true, mitAnbieter: false, cancellationToken);
        return anbieter with { Locations = HsdsLeser.LocationsOf(services), Services = services };
    }
}
