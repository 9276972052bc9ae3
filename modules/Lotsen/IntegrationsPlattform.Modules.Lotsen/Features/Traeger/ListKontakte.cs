using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>The contacts log of one Träger, newest first.</summary>
internal sealed record ListKontakte(string TraegerId) : IQuery<IReadOnlyList<KontaktZeile>>;

internal sealed class ListKontakteHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit) : IRequestHandler<ListKontakte, IReadOnlyList<KontaktZeile>>
{
    public async Task<IReadOnlyList<KontaktZeile>> Handle(ListKontakte request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM traeger WHERE id = @id", new { id = request.TraegerId }) == 0)
        {
            throw new RecordNotFoundException("Träger nicht gefunden.");
        }

        var kontakte = await TraegerKontakte.LadeAsync(connection, request.TraegerId);
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Traeger", request.TraegerId, $"Kontaktprotokoll, {kontakte.Count} Einträge"), cancellationToken);
        return kontakte;
    }
}
