using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// What the public registration page shows of a session (course, appointments, deadline — nothing about who registered)
/// and why it takes no registration now, if so. A session of a course that is not published is not found.
/// </summary>
internal sealed record GetAnmeldeTermin(Guid TerminId) : IQuery<AnmeldeTerminSeite>;

internal sealed record AnmeldeTerminSeite(AnmeldeTermin Termin, string? Geschlossen);

internal sealed class GetAnmeldeTerminHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<GetAnmeldeTermin, AnmeldeTerminSeite>
{
    public async Task<AnmeldeTerminSeite> Handle(GetAnmeldeTermin request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var terminId = request.TerminId.ToString();
        var t = await connection.QuerySingleOrDefaultAsync<(string Kurs, string Beschreibung, string Format, string Status, string Anmeldeschluss)?>(
            """
            SELECT k.titel, k.beschreibung, k.format, t.status, t.anmeldeschluss FROM termine t JOIN kurse k ON k.id = t.kurs_id
            WHERE t.id = @terminId AND k.status = 'veroeffentlicht'
            """,
            new { terminId })
            ?? throw new RecordNotFoundException("Diesen Termin gibt es nicht.");
        var schluss = GermanFormat.ParseStoredDay(t.Anmeldeschluss);
        var termin = new AnmeldeTermin(terminId, t.Kurs, t.Beschreibung, t.Format, t.Status, schluss, await AnmeldungenSql.ZeitenAsync(connection, terminId));
        return new AnmeldeTerminSeite(termin, Anmelderegeln.WarumGeschlossen(t.Status, schluss, clock.Today, mitFrist: true));
    }
}
