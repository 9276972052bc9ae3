using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

internal sealed record GetEinsatz(Guid Id) : IQuery<EinsatzZeile>;

internal sealed class GetEinsatzHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetEinsatz, EinsatzZeile>
{
    public async Task<EinsatzZeile> Handle(GetEinsatz request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var einsatz = await EinsatzAbfrage.LadeAsync(connection, null, request.Id.ToString(), await AnfragenReichweite.FuerAsync(user, LotsenModule.EinsaetzeErfassen, connection));
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Einsatz", einsatz.Id), cancellationToken);
        return einsatz;
    }
}
