using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record GetLotse(Guid Id) : IQuery<LotseDetail>;

internal sealed class GetLotseHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetLotse, LotseDetail>
{
    public async Task<LotseDetail> Handle(GetLotse request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var detail = await LotseLesen.LadenAsync(connection, request.Id.ToString());
        if (detail is null || !RecordScope.Of(user, LotsenModule.Lesen).CanRead(detail.Kommunen, detail.Benutzername))
        {
            throw new RecordNotFoundException("Diesen Lotsen gibt es nicht.");
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Lotse", detail.Id), cancellationToken);
        return detail;
    }
}
