using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;
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

internal sealed class RegisterLotseHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock, LotsenSettings settings)
    : IRequestHandler<RegisterLotse, Guid>
{
    public async Task<Guid> Handle(RegisterLotse request, CancellationToken cancellationToken)
    {
        LotsenSchreiben.DarfSchreiben(RecordScope.Of(user, LotsenModule.Bearbeiten), request.Daten, id: null);
        await LotsenSchreiben.PruefeNichtErfasstAsync(database.Transaction, request.Daten, ausser: null);
        var id = await LotsenSchreiben.NeuAsync(database.Transaction, request.Daten, "interessiert", "Registrierung", user.UserName ?? "System", clock, settings);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Lotse", id.ToString()), cancellationToken);
        return id;
    }
}

internal sealed class UpdateLotseHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<UpdateLotse, Done>
{
    public async Task<Done> Handle(UpdateLotse request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await LotsenSchreiben.ZumAendernAsync(tx, request.Id, user, request.Daten);
        var d = request.Daten;
        await LotsenSchreiben.PruefeNichtErfasstAsync(tx, d, ausser: request.Id);
        await LotsenSchreiben.BenutzernameEindeutigAsync(() => tx.Connection.ExecuteAsync(
            """
            UPDATE lotsen SET vorname = @vorname, nachname = @nachname, email = @email, telefon = @telefon, wohnort_ags = @wohnort,
                vermittelt_durch = @vermittelt, traeger_id = @traeger, benutzername = @benutzername, geaendert_am = @jetzt
            WHERE id = @id
            """,
            new
            {
                id = request.Id.ToString(),
                vorname = d.Vorname!.Trim(),
                nachname = d.Nachname!.Trim(),
                email = LotsenSchreiben.Leer(d.Email),
                telefon = LotsenSchreiben.Leer(d.Telefon),
                wohnort = d.WohnortAgs!.Trim(),
                vermittelt = d.VermitteltDurch,
                traeger = LotsenSchreiben.Leer(d.TraegerId),
                benutzername = LotsenSchreiben.Leer(d.Benutzername),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql));
        await LotsenSchreiben.ListenSchreibenAsync(tx, request.Id.ToString(), d);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", request.Id.ToString(), "Stammdaten"), cancellationToken);
        return Done.Value;
    }
}

internal sealed class ChangeLotseStatusHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<ChangeLotseStatus, Done>
{
    public async Task<Done> Handle(ChangeLotseStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToString();
        var von = await LotsenSchreiben.ZumAendernAsync(tx, request.Id, user);
        var basis = await tx.Connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM lotse_qualifikationen WHERE lotse_id = @id AND art = @art", new { id, art = Qualifikationen.Basisqualifizierung }, tx.Sql) > 0;
        LotsenStatusRegel.PruefeWechsel(von, request.Status!, basis);

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        // Conditional on the status read above: inside BEGIN IMMEDIATE nobody else writes, and the condition keeps it honest anyway.
        var geaendert = await tx.Connection.ExecuteAsync(
            "UPDATE lotsen SET status = @nach, status_seit = @jetzt, geaendert_am = @jetzt WHERE id = @id AND status = @von",
            new { id, nach = request.Status, von, jetzt }, tx.Sql);
        if (geaendert != 1)
        {
            throw new DomainRuleException("Der Status wurde gerade von jemand anderem geändert. Bitte die Seite neu laden.");
        }

        await tx.Connection.ExecuteAsync(
            "INSERT INTO lotse_status_verlauf (id, lotse_id, von, nach, am, durch, grund) VALUES (@vid, @id, @von, @nach, @jetzt, @durch, @grund)",
            new { vid = Guid.CreateVersion7().ToString(), id, von, nach = request.Status, jetzt, durch = user.UserName ?? "System", grund = LotsenSchreiben.Leer(request.Grund) },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", id, $"Status {von} → {request.Status}"), cancellationToken);
        return Done.Value;
    }
}

internal sealed class AddQualifikationHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<AddQualifikation, Guid>
{
    public async Task<Guid> Handle(AddQualifikation request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await LotsenSchreiben.ZumAendernAsync(tx, request.LotseId, user);
        var id = Guid.CreateVersion7();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO lotse_qualifikationen (id, lotse_id, art, datum, anbieter, angelegt_am) VALUES (@id, @lotse, @art, @datum, @anbieter, @jetzt)",
            new
            {
                id = id.ToString(),
                lotse = request.LotseId.ToString(),
                art = request.Art!.Trim(),
                datum = GermanFormat.StoredDay(request.Datum!.Value),
                anbieter = request.Anbieter!.Trim(),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", request.LotseId.ToString(), $"Qualifikation {request.Art!.Trim()}"), cancellationToken);
        return id;
    }
}

internal sealed class RenewEinwilligungHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock, LotsenSettings settings)
    : IRequestHandler<RenewEinwilligung, Done>
{
    public async Task<Done> Handle(RenewEinwilligung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await LotsenSchreiben.ZumAendernAsync(tx, request.Id, user);
        var am = request.Am!.Value;
        await tx.Connection.ExecuteAsync(
            "UPDATE lotsen SET einwilligung_am = @am, einwilligung_version = @version, einwilligung_bis = @bis, erinnerung_am = NULL, geaendert_am = @jetzt WHERE id = @id",
            new
            {
                id = request.Id.ToString(),
                am = GermanFormat.StoredDay(am),
                version = settings.EinwilligungVersion,
                bis = GermanFormat.StoredDay(Einwilligung.GueltigBis(am, settings.EinwilligungGueltigMonate)),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", request.Id.ToString(), "Einwilligung erneuert"), cancellationToken);
        return Done.Value;
    }
}
