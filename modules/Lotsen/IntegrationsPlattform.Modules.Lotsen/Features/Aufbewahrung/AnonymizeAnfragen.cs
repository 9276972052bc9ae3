using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Aufbewahrung;

/// <summary>
/// Anonymises what the module holds about people seeking advice once their request has been closed for
/// the retention period: pseudonym, contact, free-text notes. Topic, languages, municipality, status and
/// the assignments' hours stay, so the reports keep their figures.
/// </summary>
internal sealed record AnonymizeAnfragen(IReadOnlyList<string>? NurIds, DateTimeOffset? GeschlossenVor) : ICommand<int>;

internal sealed class AnonymizeAnfragenHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock) : IRequestHandler<AnonymizeAnfragen, int>
{
    private const string Auswahl = """
        anonymisiert_am IS NULL
        AND ((@stichtag IS NOT NULL AND geschlossen_am < @stichtag) OR (@alleIds = 0 AND id IN @ids))
        """;

    public async Task<int> Handle(AnonymizeAnfragen request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var p = new
        {
            stichtag = request.GeschlossenVor is { } vor ? GermanFormat.StoredInstant(vor) : null,
            alleIds = request.NurIds is null ? 1 : 0,
            ids = request.NurIds ?? [],
            jetzt = GermanFormat.StoredInstant(clock.UtcNow),
        };
        await tx.Connection.ExecuteAsync($"UPDATE anfrage_aktivitaeten SET notiz = NULL WHERE anfrage_id IN (SELECT id FROM anfragen WHERE {Auswahl})", p, tx.Sql);
        await tx.Connection.ExecuteAsync($"UPDATE einsaetze SET bemerkung = NULL WHERE anfrage_id IN (SELECT id FROM anfragen WHERE {Auswahl})", p, tx.Sql);
        await tx.Connection.ExecuteAsync($"UPDATE anfragen SET status_grund = NULL WHERE {Auswahl}", p, tx.Sql);
        return await tx.Connection.ExecuteAsync($"UPDATE anfragen SET kennung = NULL, kontakt = NULL, ziel = NULL, anonymisiert_am = @jetzt WHERE {Auswahl}", p, tx.Sql);
    }
}
