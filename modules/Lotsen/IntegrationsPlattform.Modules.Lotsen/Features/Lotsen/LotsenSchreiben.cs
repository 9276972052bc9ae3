using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>Writes of the registry inside the command's transaction.</summary>
internal static class LotsenSchreiben
{
    /// <summary>Replaces languages, topics, municipalities and availability of a Lotse with the validated input.</summary>
    public static async Task ListenSchreibenAsync(ModuleTransaction tx, string id, LotseDaten d)
    {
        var c = tx.Connection;
        await c.ExecuteAsync(
            "DELETE FROM lotse_sprachen WHERE lotse_id = @id; DELETE FROM lotse_themen WHERE lotse_id = @id; DELETE FROM lotse_kommunen WHERE lotse_id = @id; DELETE FROM lotse_verfuegbarkeit WHERE lotse_id = @id;",
            new { id }, tx.Sql);
        await c.ExecuteAsync("INSERT INTO lotse_sprachen (lotse_id, code, niveau) VALUES (@id, @code, @niveau)",
            (d.Sprachen ?? []).Select(s => new { id, code = Languages.Normalize(s!.Code!), niveau = SprachniveauTexte.Parse(s.Niveau)!.Value.Schluessel() }), tx.Sql);
        await c.ExecuteAsync("INSERT OR IGNORE INTO lotse_themen (lotse_id, thema) VALUES (@id, @thema)",
            (d.Themen ?? []).Select(t => new { id, thema = t!.Trim() }), tx.Sql);
        await c.ExecuteAsync("INSERT OR IGNORE INTO lotse_kommunen (lotse_id, ags) VALUES (@id, @ags)",
            (d.Kommunen ?? []).Select(k => new { id, ags = k!.Trim() }), tx.Sql);
        await c.ExecuteAsync("INSERT INTO lotse_verfuegbarkeit (lotse_id, wochentag, von, bis) VALUES (@id, @wochentag, @von, @bis)",
            (d.Verfuegbarkeit ?? []).Select(f => new { id, wochentag = f!.Wochentag, von = f.Von!.Trim(), bis = f.Bis!.Trim() }), tx.Sql);
    }

    /// <summary>
    /// Writes a new, validated Lotse with its lists and the first entry of the status history; used by the
    /// registration and, row by row inside one transaction, by the CSV import.
    /// </summary>
    public static async Task<Guid> NeuAsync(ModuleTransaction tx, LotseDaten d, string status, string grund, string durch, ILocalClock clock, LotsenSettings settings)
    {
        var id = Guid.CreateVersion7();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var am = d.EinwilligungAm!.Value;
        await BenutzernameEindeutigAsync(() => tx.Connection.ExecuteAsync(
            """
            INSERT INTO lotsen (id, vorname, nachname, email, telefon, wohnort_ags, status, status_seit, vermittelt_durch, traeger_id, benutzername,
                                einwilligung_am, einwilligung_version, einwilligung_bis, angelegt_am, geaendert_am)
            VALUES (@id, @vorname, @nachname, @email, @telefon, @wohnort, @status, @jetzt, @vermittelt, @traeger, @benutzername,
                    @am, @version, @bis, @jetzt, @jetzt)
            """,
            new
            {
                id = id.ToString(),
                vorname = d.Vorname!.Trim(),
                nachname = d.Nachname!.Trim(),
                email = Leer(d.Email),
                telefon = Leer(d.Telefon),
                wohnort = d.WohnortAgs!.Trim(),
                status,
                jetzt,
                vermittelt = d.VermitteltDurch,
                traeger = Leer(d.TraegerId),
                benutzername = Leer(d.Benutzername),
                am = GermanFormat.StoredDay(am),
                version = settings.EinwilligungVersion,
                bis = GermanFormat.StoredDay(Einwilligung.GueltigBis(am, settings.EinwilligungGueltigMonate)),
            },
            tx.Sql));
        await ListenSchreibenAsync(tx, id.ToString(), d);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO lotse_status_verlauf (id, lotse_id, von, nach, am, durch, grund) VALUES (@vid, @id, NULL, @status, @jetzt, @durch, @grund)",
            new { vid = Guid.CreateVersion7().ToString(), id = id.ToString(), status, jetzt, durch, grund }, tx.Sql);
        return id;
    }

    /// <summary>
    /// Name and contact of every Lotse (all municipalities) except the erased ones (names "gelöscht"), for
    /// the duplicate check; <c>@ausser</c> leaves out the Lotse being changed.
    /// </summary>
    public const string AlleNichtGeloeschtenSql =
        $"SELECT vorname, nachname, email, telefon FROM lotsen WHERE NOT (vorname = '{LotsenDataSubjects.Geloescht}' AND nachname = '{LotsenDataSubjects.Geloescht}')";

    /// <summary>
    /// Refuses (400 on the name field) a person who is already a Lotse (<see cref="Dubletten"/>) — checked
    /// against every Lotse regardless of the user's scope and inside the command's transaction (BEGIN
    /// IMMEDIATE), so that of two simultaneous registrations of one person only the first is written.
    /// The message discloses nothing of the other record.
    /// </summary>
    public static async Task PruefeNichtErfasstAsync(ModuleTransaction tx, LotseDaten d, Guid? ausser)
    {
        var andere = await tx.Connection.QueryAsync<(string?, string?, string?, string?)>(
            AlleNichtGeloeschtenSql + " AND id <> @ausser", new { ausser = ausser?.ToString() ?? "" }, tx.Sql);
        if (Dubletten.IstSchonErfasst(d.Vorname, d.Nachname, d.Email, d.Telefon, andere))
        {
            throw RequestValidationException.For("nachname", Dubletten.LotseSchonErfasst);
        }
    }

    public static string? Leer(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// The status of the Lotse a command changes: 404 when it does not exist or the user may not see it, 403 when the
    /// user may not write it — as it is and, for a change of its data, as it will be (<paramref name="neu"/>).
    /// </summary>
    public static async Task<string> ZumAendernAsync(ModuleTransaction tx, Guid id, ICurrentUser user, LotseDaten? neu = null)
    {
        var row = await tx.Connection.QuerySingleOrDefaultAsync<(string Status, string? Benutzername)>(
            "SELECT status, benutzername FROM lotsen WHERE id = @id", new { id = id.ToString() }, tx.Sql);
        var kommunen = (await tx.Connection.QueryAsync<string>("SELECT ags FROM lotse_kommunen WHERE lotse_id = @id", new { id = id.ToString() }, tx.Sql)).ToList();
        var sicht = RecordScope.Of(user, LotsenModule.Bearbeiten);
        if (row.Status is null || !sicht.CanRead(kommunen, row.Benutzername))
        {
            throw new RecordNotFoundException("Diesen Lotsen gibt es nicht.");
        }

        sicht.EnsureWritable(kommunen, row.Benutzername, "Lotse", id.ToString(), "kommunen");
        if (neu is not null)
        {
            DarfSchreiben(sicht, neu, id);
        }

        return row.Status;
    }

    /// <summary>The write check of a Lotse with the given data: every municipality it serves lies in the user's scope (or it is the user's own record).</summary>
    public static void DarfSchreiben(RecordScope sicht, LotseDaten d, Guid? id)
        => sicht.EnsureWritable((d.Kommunen ?? []).Select(k => k!.Trim()).ToList(), Leer(d.Benutzername), "Lotse", id?.ToString(), "kommunen");

    /// <summary>A unique account name lost a race with another writer: the same message as the validator's.</summary>
    public static async Task<T> BenutzernameEindeutigAsync<T>(Func<Task<T>> schreiben)
    {
        try
        {
            return await schreiben();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("benutzername", StringComparison.Ordinal))
        {
            throw RequestValidationException.For("benutzername", "Dieser Benutzername ist schon einem anderen Lotsen zugeordnet.");
        }
    }
}
