using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>
/// Erases a Lotse's person: names become "gelöscht", contact and account are removed, languages, topics
/// and availability deleted, the free-text reasons of status changes blanked (staff may have named the person). The row stays (with municipalities, status and trainings) because
/// assignments point at it and the figures for the reports must survive.
/// </summary>
internal sealed record AnonymizeLotse(string Id) : ICommand<Done>;

internal sealed class AnonymizeLotseHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock) : IRequestHandler<AnonymizeLotse, Done>
{
    public async Task<Done> Handle(AnonymizeLotse request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await tx.Connection.ExecuteAsync(
            """
            UPDATE lotsen SET vorname = @geloescht, nachname = @geloescht, email = NULL, telefon = NULL, benutzername = NULL, erinnerung_am = NULL, geaendert_am = @jetzt WHERE id = @id;
            DELETE FROM lotse_sprachen WHERE lotse_id = @id;
            DELETE FROM lotse_themen WHERE lotse_id = @id;
            DELETE FROM lotse_verfuegbarkeit WHERE lotse_id = @id;
            UPDATE lotse_status_verlauf SET grund = NULL WHERE lotse_id = @id;
            """,
            new { id = request.Id, geloescht = LotsenDataSubjects.Geloescht, jetzt = GermanFormat.StoredInstant(clock.UtcNow) }, tx.Sql);
        return Done.Value;
    }
}
