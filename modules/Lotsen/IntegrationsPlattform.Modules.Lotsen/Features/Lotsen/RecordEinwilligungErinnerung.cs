using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>Marks the reminder of one Lotse as sent, only if it was not (a second run or a racing one sends nothing).</summary>
internal sealed record RecordEinwilligungErinnerung(string LotseId, string Am, string? Zuruecknehmen = null) : ICommand<bool>;

internal sealed class RecordEinwilligungErinnerungHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<RecordEinwilligungErinnerung, bool>
{
    public async Task<bool> Handle(RecordEinwilligungErinnerung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var sql = request.Zuruecknehmen is null
            ? "UPDATE lotsen SET erinnerung_am = @am WHERE id = @id AND erinnerung_am IS NULL"
            : "UPDATE lotsen SET erinnerung_am = NULL WHERE id = @id AND erinnerung_am = @am";
        return await tx.Connection.ExecuteAsync(sql, new { id = request.LotseId, am = request.Am }, tx.Sql) == 1;
    }
}
