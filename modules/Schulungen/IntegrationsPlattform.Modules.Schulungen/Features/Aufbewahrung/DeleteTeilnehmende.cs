using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Aufbewahrung;

/// <summary>
/// Deletes participants with their registrations and attendance: those named (a data-subject erasure) or every one whose
/// last session ended before <paramref name="EndeVor"/> (local time, the retention period) and who has no session still
/// ahead. A seat she still holds is given up first, so the next on the waiting list moves up (with the usual mail).
/// Certificates stay verifiable by their code: they lose the registration, keep session and initials (migration 0001).
/// </summary>
internal sealed record DeleteTeilnehmende(IReadOnlyList<string>? NurIds, DateTime? EndeVor) : ICommand<int>;

internal sealed class DeleteTeilnehmendeHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, AnmeldungMail mail) : IRequestHandler<DeleteTeilnehmende, int>
{
    public async Task<int> Handle(DeleteTeilnehmende request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var ids = request.NurIds?.ToList() ?? (await tx.Connection.QueryAsync<string>(
            """
            SELECT p.id FROM teilnehmende p
            WHERE EXISTS (SELECT 1 FROM anmeldungen a WHERE a.teilnehmende_id = p.id)
              AND NOT EXISTS (SELECT 1 FROM anmeldungen a JOIN termine t ON t.id = a.termin_id
                              WHERE a.teilnehmende_id = p.id AND (t.endet_am IS NULL OR t.endet_am >= @ende))
            """,
            new { ende = AnmeldungenSql.LokaleZeit(request.EndeVor ?? DateTime.MinValue) }, tx.Sql)).ToList();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var offen = await tx.Connection.QueryAsync<(string Id, string TerminId, string Status)>(
            "SELECT id, termin_id, status FROM anmeldungen WHERE teilnehmende_id IN @ids AND status IN ('angemeldet', 'warteliste')", new { ids }, tx.Sql);
        foreach (var anmeldung in offen)
        {
            if (await AnmeldungSchreiben.AbmeldenAsync(tx, anmeldung.Id, anmeldung.TerminId, anmeldung.Status == "angemeldet", jetzt) is { } nachgerueckt)
            {
                await mail.PlatzFreiAsync(tx, nachgerueckt);
            }
        }

        return await tx.Connection.ExecuteAsync("DELETE FROM teilnehmende WHERE id IN @ids", new { ids }, tx.Sql);
    }
}
