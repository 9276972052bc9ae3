using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>What the session commands share: reading inside the transaction, trainers, appointments, the database's refusals.</summary>
internal static class TerminSchreiben
{
    public sealed record Stand(string Status, string? Kommune, long Kapazitaet, long MaxWarteliste, string Anmeldeschluss);

    public static async Task<Stand> LeseAsync(ModuleTransaction tx, string id)
        => await tx.Connection.QuerySingleOrDefaultAsync<Stand>(
               "SELECT status, kommune_ags AS Kommune, kapazitaet, max_warteliste AS MaxWarteliste, anmeldeschluss FROM termine WHERE id = @id", new { id }, tx.Sql)
           ?? throw new RecordNotFoundException("Termin nicht gefunden.");

    public static string? Sauber(string? wert) => string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();

    /// <summary>A session that is held, evaluated or cancelled keeps its appointments and set-up as they were.</summary>
    public static void PruefeAenderbar(string status)
    {
        if (status is "durchgefuehrt" or "ausgewertet" or "abgesagt")
        {
            throw new DomainRuleException($"Termin: Ein Termin mit dem Status „{Domain.Lebenszyklen.Termin.Label(status)}“ wird nicht mehr geändert.");
        }
    }

    /// <summary>Replaces the session's trainers; an id that names no trainer is refused at the field.</summary>
    public static async Task SetzeTrainerAsync(ModuleTransaction tx, string id, IReadOnlyList<string>? trainer)
    {
        var ids = (trainer ?? []).Select(t => Guid.Parse(t).ToString()).Distinct().ToList();
        var bekannt = await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM trainer WHERE id IN @ids", new { ids }, tx.Sql);
        if (bekannt != ids.Count)
        {
            throw RequestValidationException.For("trainer", "Bitte nur Trainerinnen und Trainer aus der Liste wählen.");
        }

        await tx.Connection.ExecuteAsync("DELETE FROM termin_trainer WHERE termin_id = @id", new { id }, tx.Sql);
        await tx.Connection.ExecuteAsync("INSERT INTO termin_trainer (termin_id, trainer_id) VALUES (@id, @trainer)", ids.Select(t => new { id, trainer = t }), tx.Sql);
    }

    public static async Task<string> ZeitNeuAsync(ModuleTransaction tx, string terminId, GepruefteZeit zeit)
    {
        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort, online_link) VALUES (@id, @terminId, @beginn, @ende, @ort, @link)",
            new { id, terminId, beginn = zeit.Beginn, ende = zeit.Ende, ort = zeit.Ort, link = zeit.OnlineLink }, tx.Sql);
        return id;
    }

    /// <summary>A change the attendees' calendars should show: the iCalendar sequence goes up in the same transaction.</summary>
    public static Task KalenderGeaendertAsync(ModuleTransaction tx, string id, string jetzt)
        => tx.Connection.ExecuteAsync("UPDATE termine SET kalender_sequenz = kalender_sequenz + 1, geaendert_am = @jetzt WHERE id = @id", new { id, jetzt }, tx.Sql);

    /// <summary>
    /// Runs a write the capacity triggers guard; the database's refusal (also one a concurrent registration caused
    /// since the check) becomes the German message at the field.
    /// </summary>
    public static async Task MitPlatzregelnAsync(Func<Task> schreiben)
    {
        try
        {
            await schreiben();
        }
        catch (SqliteException ex) when (ex.Message.Contains("kapazitaet_unter_anmeldungen", StringComparison.Ordinal))
        {
            throw RequestValidationException.For("kapazitaet", "Die Zahl der Plätze darf nicht unter die Zahl der Angemeldeten sinken.");
        }
        catch (SqliteException ex) when (ex.Message.Contains("warteliste_unter_wartenden", StringComparison.Ordinal))
        {
            throw RequestValidationException.For("maxWarteliste", "Die Warteliste darf nicht kleiner werden, als Personen auf ihr stehen.");
        }
    }
}
