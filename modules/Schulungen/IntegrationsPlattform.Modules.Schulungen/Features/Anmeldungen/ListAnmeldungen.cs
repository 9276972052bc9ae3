using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// A session's registrations for staff: seats first (in order of confirmation), then the waiting list in its order, then
/// the cancelled ones; with the seats taken and free. One audit entry with the count (an Export entry when
/// <paramref name="AlsExport"/>: read for a CSV download).
/// </summary>
internal sealed record ListAnmeldungen(Guid TerminId, bool AlsExport = false) : IQuery<TerminAnmeldungen>;

internal sealed class ListAnmeldungenHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit) : IRequestHandler<ListAnmeldungen, TerminAnmeldungen>
{
    public async Task<TerminAnmeldungen> Handle(ListAnmeldungen request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var terminId = request.TerminId.ToString();
        var termin = await connection.QuerySingleOrDefaultAsync<(string Kurs, string Status, long Kapazitaet, long MaxWarteliste)?>(
            "SELECT k.titel, t.status, t.kapazitaet, t.max_warteliste FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @terminId",
            new { terminId })
            ?? throw new RecordNotFoundException("Der Termin wurde nicht gefunden.");
        var zeilen = (await connection.QueryAsync<Zeile>(
            $"""
            SELECT a.id, p.id AS TeilnehmendeId, p.vorname, p.nachname, p.email, p.arbeitgeber,
                   coalesce((SELECT group_concat(s.name, ', ') FROM teilnehmende_schulen ts JOIN schulen s ON s.id = ts.schule_id
                             WHERE ts.teilnehmende_id = p.id), '') AS schulen,
                   a.status, a.bestaetigt_am AS BestaetigtAm, a.abgemeldet_am AS AbgemeldetAm
            FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id
            WHERE a.termin_id = @terminId AND a.status <> 'angefragt'
            ORDER BY CASE WHEN a.status IN {AnmeldungenSql.Platzstatus} THEN 0 WHEN a.status = 'warteliste' THEN 1 ELSE 2 END,
                     a.warteposition, a.bestaetigt_am, a.id
            """,
            new { terminId })).ToList();
        var warteplatz = 0;
        var anmeldungen = zeilen.Select(z => new AnmeldungZeile(
            z.Id, z.TeilnehmendeId, z.Vorname, z.Nachname, z.Email, z.Arbeitgeber, z.Schulen, z.Status,
            z.Status == "warteliste" ? ++warteplatz : null, z.BestaetigtAm ?? "", z.AbgemeldetAm)).ToList();
        await audit.RecordAsync(
            new AuditEntry(request.AlsExport ? AuditAction.Export : AuditAction.List, "Anmeldung", null, $"Anmeldungen des Termins {terminId}{(request.AlsExport ? " (CSV)" : "")}: {anmeldungen.Count}"),
            cancellationToken);
        return new TerminAnmeldungen(
            terminId, termin.Kurs, termin.Status, (int)termin.Kapazitaet, (int)termin.MaxWarteliste,
            anmeldungen.Count(a => a.Warteplatz is null && a.Status is not "abgemeldet"), warteplatz, anmeldungen);
    }

    /// <summary>A row as Dapper reads it: by property names, since an empty result gives the computed columns no type to match a constructor by.</summary>
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string TeilnehmendeId { get; init; } = "";
        public string Vorname { get; init; } = "";
        public string Nachname { get; init; } = "";
        public string Email { get; init; } = "";
        public string? Arbeitgeber { get; init; }
        public string Schulen { get; init; } = "";
        public string Status { get; init; } = "";
        public string? BestaetigtAm { get; init; }
        public string? AbgemeldetAm { get; init; }
    }
}
