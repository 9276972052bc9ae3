using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>
/// Follows the Lotsen module's reports on the requests handed over from here: created there, matched with a Lotse,
/// done or cancelled. Reports on other modules' requests, on requests entered in the Lotsen module, and steps the
/// hand-over's lifecycle does not allow any more (a late or repeated report) change nothing. Runs in the delivery's
/// transaction, together with the inbox record, so each report is applied once.
/// </summary>
internal sealed class LotsenRueckmeldungen(IModuleDatabase<GesundheitModule> database, ILocalClock clock)
    : INotificationHandler<LotsenAnfrageAngelegt>, INotificationHandler<LotsenAnfrageVermittelt>, INotificationHandler<LotsenAnfrageAbgeschlossen>
{
    public Task Handle(LotsenAnfrageAngelegt notification, CancellationToken cancellationToken)
        => FolgenAsync(notification.QuelleModul, notification.KorrelationsId, notification.AnfrageId, "angelegt");

    public Task Handle(LotsenAnfrageVermittelt notification, CancellationToken cancellationToken)
        => FolgenAsync(notification.QuelleModul, notification.KorrelationsId, notification.AnfrageId, "vermittelt");

    public Task Handle(LotsenAnfrageAbgeschlossen notification, CancellationToken cancellationToken)
        => FolgenAsync(notification.QuelleModul, notification.KorrelationsId, notification.AnfrageId, notification.Erledigt ? "erledigt" : "abgebrochen");

    private async Task FolgenAsync(string? quelleModul, Guid? korrelation, Guid anfrageId, string nach)
    {
        if (quelleModul != GesundheitModule.ModulId || korrelation is not { } id)
        {
            return;
        }

        var tx = database.Transaction;
        var status = await tx.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT status FROM lotsen_uebergaben WHERE korrelations_id = @id", new { id = id.ToString() }, tx.Sql);
        if (status is null || !Lebenszyklen.LotsenUebergabe.Get(status).Next.Contains(nach))
        {
            return;
        }

        await tx.Connection.ExecuteAsync(
            "UPDATE lotsen_uebergaben SET status = @nach, status_seit = @jetzt, anfrage_id = @anfrage WHERE korrelations_id = @id",
            new { id = id.ToString(), nach, jetzt = GermanFormat.StoredInstant(clock.UtcNow), anfrage = anfrageId.ToString() },
            tx.Sql);
    }
}
