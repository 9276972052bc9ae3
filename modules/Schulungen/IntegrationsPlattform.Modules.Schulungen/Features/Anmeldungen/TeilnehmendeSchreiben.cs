using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// The participant of a registration: one record per e-mail address (the one she confirmed), made at her first
/// registration; each later one brings her name, employer and schools up to date, so the module holds only what she
/// gave last.
/// </summary>
internal static class TeilnehmendeSchreiben
{
    /// <summary>Her id, after refusing a second registration for the same session (while the first is not cancelled).</summary>
    public static async Task<string> FuerAnmeldungAsync(ModuleTransaction tx, string terminId, AnmeldungEingabe eingabe, string jetzt)
    {
        var schulen = (eingabe.Schulen ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var bekannt = (await tx.Connection.QueryAsync<string>("SELECT id FROM schulen WHERE id IN @schulen", new { schulen }, tx.Sql)).ToHashSet(StringComparer.Ordinal);
        if (schulen.FirstOrDefault(s => !bekannt.Contains(s)) is { } unbekannt)
        {
            throw RequestValidationException.For("schulen", $"Diese Schule ist nicht bekannt: {FieldRules.Echo(unbekannt)}");
        }

        var person = new
        {
            email = eingabe.Email!.Trim(),
            vorname = eingabe.Vorname!.Trim(),
            nachname = eingabe.Nachname!.Trim(),
            arbeitgeber = string.IsNullOrWhiteSpace(eingabe.Arbeitgeber) ? null : eingabe.Arbeitgeber.Trim(),
            jetzt,
            neu = Guid.CreateVersion7().ToString(),
        };
        var id = await tx.Connection.QuerySingleOrDefaultAsync<string>("SELECT id FROM teilnehmende WHERE email = @email COLLATE NOCASE", person, tx.Sql);
        if (id is null)
        {
            id = person.neu;
            await tx.Connection.ExecuteAsync(
                "INSERT INTO teilnehmende (id, vorname, nachname, email, arbeitgeber, angelegt_am) VALUES (@neu, @vorname, @nachname, @email, @arbeitgeber, @jetzt)",
                person, tx.Sql);
        }
        else
        {
            var gehalten = await tx.Connection.QuerySingleOrDefaultAsync<string>(
                "SELECT status FROM anmeldungen WHERE termin_id = @terminId AND teilnehmende_id = @id AND status <> 'abgemeldet'", new { terminId, id }, tx.Sql);
            if (gehalten is not null)
            {
                throw new DomainRuleException(Anmelderegeln.SchonAngemeldet(gehalten));
            }

            await tx.Connection.ExecuteAsync(
                "UPDATE teilnehmende SET vorname = @vorname, nachname = @nachname, arbeitgeber = @arbeitgeber WHERE id = @id",
                new { person.vorname, person.nachname, person.arbeitgeber, id }, tx.Sql);
            await tx.Connection.ExecuteAsync("DELETE FROM teilnehmende_schulen WHERE teilnehmende_id = @id", new { id }, tx.Sql);
        }

        await tx.Connection.ExecuteAsync(
            "INSERT INTO teilnehmende_schulen (teilnehmende_id, schule_id) VALUES (@id, @schule)", schulen.Select(schule => new { id, schule }), tx.Sql);
        return id;
    }
}
