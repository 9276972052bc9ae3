using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Dsgvo;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Aufbewahrung;

/// <summary>
/// Data-subject requests of participants: found by e-mail address or by first and last name; the export holds what the
/// module keeps about her (person, schools, every registration with its dates and attendance); erasure deletes her like
/// the retention run.
/// </summary>
internal sealed class TeilnehmendeDataSubjects(IModuleDatabase<SchulungenModule> database, IMediator mediator) : IDataSubjectHandler
{
    private const string Art = "Schulungen-Teilnehmende";

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Vorname, string Nachname, long Anmeldungen)>(
            """
            SELECT p.id, p.vorname, p.nachname, (SELECT count(*) FROM anmeldungen a WHERE a.teilnehmende_id = p.id)
            FROM teilnehmende p
            WHERE (@email IS NOT NULL AND p.email = @email COLLATE NOCASE)
               OR (@name IS NOT NULL AND (p.vorname || ' ' || p.nachname = @name COLLATE NOCASE OR p.nachname = @name COLLATE NOCASE))
            """,
            new { name = Leer(query.Name), email = Leer(query.Email) });
        return rows.Select(r => new DataSubjectRecord(Art, r.Id, $"{r.Vorname} {r.Nachname}", $"Teilnehmende an Schulungen, {r.Anmeldungen} Anmeldung(en)")).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var p = await connection.QuerySingleAsync<(string Vorname, string Nachname, string Email, string? Arbeitgeber, string AngelegtAm)>(
            "SELECT vorname, nachname, email, arbeitgeber, angelegt_am FROM teilnehmende WHERE id = @id", new { id = record.RecordId });
        var schulen = await connection.QueryAsync<string>(
            "SELECT s.name FROM teilnehmende_schulen ts JOIN schulen s ON s.id = ts.schule_id WHERE ts.teilnehmende_id = @id ORDER BY s.name", new { id = record.RecordId });
        var anmeldungen = await connection.QueryAsync<(string Kurs, string? Beginn, string Status, string AngefragtAm, string? BestaetigtAm, string? AbgemeldetAm, long Anwesend)>(
            """
            SELECT k.titel, t.beginnt_am, a.status, a.angefragt_am, a.bestaetigt_am, a.abgemeldet_am,
                   (SELECT count(*) FROM anwesenheit w WHERE w.anmeldung_id = a.id AND w.anwesend = 1)
            FROM anmeldungen a JOIN termine t ON t.id = a.termin_id JOIN kurse k ON k.id = t.kurs_id
            WHERE a.teilnehmende_id = @id ORDER BY t.beginnt_am
            """,
            new { id = record.RecordId });
        return new DataSubjectExport(Art, record.RecordId, new Dictionary<string, string?>
        {
            ["Vorname"] = p.Vorname,
            ["Nachname"] = p.Nachname,
            ["E-Mail"] = p.Email,
            ["Arbeitgeber oder Träger"] = p.Arbeitgeber,
            ["Schulen"] = string.Join(", ", schulen),
            ["Erfasst am"] = p.AngelegtAm,
            ["Anmeldungen"] = string.Join(" | ", anmeldungen.Select(a =>
                $"{a.Kurs} ab {a.Beginn ?? "–"}: {a.Status}; angefragt {a.AngefragtAm}, bestätigt {a.BestaetigtAm ?? "–"}, abgemeldet {a.AbgemeldetAm ?? "–"}, anwesend an {a.Anwesend} Terminen")),
        });
    }

    public Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
        => mediator.Send(new DeleteTeilnehmende([record.RecordId], null), cancellationToken);

    private static string? Leer(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
