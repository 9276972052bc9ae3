using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>
/// Marks the reminder of one Lotse as sent and puts its mail into the outbox in the same transaction, only if it was
/// not marked yet (a second run or a racing one sends nothing): a reminder is recorded if and only if its mail is on its way.
/// </summary>
internal sealed record RecordEinwilligungErinnerung(string LotseId, string Am, OutgoingMail Mail) : ICommand<bool>;

internal sealed class RecordEinwilligungErinnerungHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<RecordEinwilligungErinnerung, bool>
{
    public async Task<bool> Handle(RecordEinwilligungErinnerung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var markiert = await tx.Connection.ExecuteAsync(
            "UPDATE lotsen SET erinnerung_am = @am WHERE id = @id AND erinnerung_am IS NULL", new { id = request.LotseId, am = request.Am }, tx.Sql) == 1;
        if (markiert)
        {
            tx.MailAfterCommit(request.Mail);
        }

        return markiert;
    }
}
