using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>What the Träger commands share: reading the record inside the command's transaction, who acts, the status history.</summary>
internal static class TraegerSchreiben
{
    public static string Wer(ICurrentUser user) => user.DisplayName ?? user.UserName ?? "System";

    public static string? Sauber(string? wert) => string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();

    public static List<string> Kommunen(IReadOnlyList<string>? kommunen) => (kommunen ?? []).Select(k => k.Trim()).Distinct().Order(StringComparer.Ordinal).ToList();

    public static async Task<string> StatusAsync(ModuleTransaction tx, string id)
        => await tx.Connection.QuerySingleOrDefaultAsync<string>("SELECT status FROM traeger WHERE id = @id", new { id }, tx.Sql)
           ?? throw new RecordNotFoundException("Träger nicht gefunden.");

    public static async Task PruefeNameFreiAsync(ModuleTransaction tx, string name, string? ausser)
    {
        // Compared as the import compares (Unicode case folding, blanks), not with NOCASE, which folds A–Z only.
        var namen = await tx.Connection.QueryAsync<string?>(
            "SELECT name FROM traeger WHERE (@ausser IS NULL OR id <> @ausser)", new { ausser }, tx.Sql);
        if (Dubletten.IstTraegerSchonErfasst(name, namen))
        {
            throw RequestValidationException.For("name", Dubletten.TraegerSchonErfasst);
        }
    }

    /// <summary>
    /// Writes a new, validated candidate with its municipalities and the first status entry; used by the
    /// form/API and, row by row inside one transaction, by the CSV import. The unique index on the name
    /// refuses a name that another writer took since it was checked.
    /// </summary>
    public static async Task<string> NeuAsync(ModuleTransaction tx, ITraegerStammdaten daten, string jetzt, string durch, string grund)
    {
        var id = Guid.CreateVersion7().ToString();
        var start = Lebenszyklen.Traeger.Start.Key;
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO traeger (id, name, ansprechperson, email, telefon, status, status_seit, notiz, angelegt_am)
            VALUES (@id, @name, @ansprechperson, @email, @telefon, @start, @jetzt, @notiz, @jetzt)
            """,
            new
            {
                id, start, jetzt,
                name = daten.Name!.Trim(),
                ansprechperson = Sauber(daten.Ansprechperson),
                email = Sauber(daten.Email),
                telefon = Sauber(daten.Telefon),
                notiz = Sauber(daten.Notiz),
            },
            tx.Sql);
        await SchreibeKommunenAsync(tx, id, Kommunen(daten.Kommunen));
        await SetzeStatusAsync(tx, id, von: null, start, jetzt, durch, grund);
        return id;
    }

    public static Task SchreibeKommunenAsync(ModuleTransaction tx, string id, IReadOnlyList<string> kommunen)
        => tx.Connection.ExecuteAsync("INSERT INTO traeger_kommunen (traeger_id, ags) VALUES (@id, @ags)", kommunen.Select(ags => new { id, ags }), tx.Sql);

    public static async Task SetzeStatusAsync(ModuleTransaction tx, string id, string? von, string nach, string jetzt, string durch, string? grund)
    {
        if (von is not null)
        {
            var geaendert = await tx.Connection.ExecuteAsync(
                "UPDATE traeger SET status = @nach, status_seit = @jetzt WHERE id = @id AND status = @von", new { id, von, nach, jetzt }, tx.Sql);
            if (geaendert != 1)
            {
                throw new DomainRuleException("Träger: Der Status wurde inzwischen geändert. Bitte die Seite neu laden.");
            }
        }

        await VermerkeAsync(tx, id, von, nach, jetzt, durch, grund);
    }

    /// <summary>An entry in the Träger's history without changing its status (or its "status since"), e.g. when an agreement ends.</summary>
    public static Task VermerkeAsync(ModuleTransaction tx, string id, string? von, string nach, string jetzt, string durch, string? grund)
        => tx.Connection.ExecuteAsync(
            "INSERT INTO traeger_status_verlauf (id, traeger_id, von, nach, am, durch, grund) VALUES (@vid, @id, @von, @nach, @jetzt, @durch, @grund)",
            new { vid = Guid.CreateVersion7().ToString(), id, von, nach, jetzt, durch, grund }, tx.Sql);
}

internal sealed class LegeTraegerAnHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<LegeTraegerAn, string>
{
    public async Task<string> Handle(LegeTraegerAn request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await TraegerSchreiben.PruefeNameFreiAsync(tx, request.Name!.Trim(), ausser: null);
        var id = await TraegerSchreiben.NeuAsync(tx, request, GermanFormat.StoredInstant(clock.UtcNow), TraegerSchreiben.Wer(user), "Träger erfasst");
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Traeger", id), cancellationToken);
        return id;
    }
}

internal sealed class AendereTraegerHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ILocalClock clock, IAuditTrail audit) : IRequestHandler<AendereTraeger, Done>
{
    public async Task<Done> Handle(AendereTraeger request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await TraegerSchreiben.StatusAsync(tx, request.Id);

        // An agreement past its planned end binds no municipality any more.
        await Vereinbarungsende.BeendeAbgelaufeneAsync(tx, clock.Today, clock.UtcNow, deployment);
        var name = request.Name!.Trim();
        await TraegerSchreiben.PruefeNameFreiAsync(tx, name, ausser: request.Id);

        // A municipality an active agreement covers stays on the list until that agreement ends.
        var kommunen = TraegerSchreiben.Kommunen(request.Kommunen);
        var gebunden = await tx.Connection.QueryAsync<string>(
            "SELECT vk.ags FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id WHERE v.traeger_id = @id AND vk.aktiv = 1",
            new { id = request.Id }, tx.Sql);
        var fehlend = gebunden.Where(ags => !kommunen.Contains(ags)).ToList();
        if (fehlend.Count > 0)
        {
            throw RequestValidationException.For("kommunen",
                $"Diese Kommunen deckt der Träger mit seiner laufenden Vereinbarung ab; sie bleiben, bis die Vereinbarung beendet ist: {string.Join(", ", fehlend.Select(a => deployment.MunicipalityName(a)))}.");
        }

        await tx.Connection.ExecuteAsync(
            "UPDATE traeger SET name = @name, ansprechperson = @ansprechperson, email = @email, telefon = @telefon, notiz = @notiz WHERE id = @id",
            new
            {
                id = request.Id, name,
                ansprechperson = TraegerSchreiben.Sauber(request.Ansprechperson),
                email = TraegerSchreiben.Sauber(request.Email),
                telefon = TraegerSchreiben.Sauber(request.Telefon),
                notiz = TraegerSchreiben.Sauber(request.Notiz),
            },
            tx.Sql);
        await tx.Connection.ExecuteAsync("DELETE FROM traeger_kommunen WHERE traeger_id = @id", new { id = request.Id }, tx.Sql);
        await TraegerSchreiben.SchreibeKommunenAsync(tx, request.Id, kommunen);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.Id, "Stammdaten geändert"), cancellationToken);
        return Done.Value;
    }
}

internal sealed class WechsleTraegerStatusHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<WechsleTraegerStatus, Done>
{
    public async Task<Done> Handle(WechsleTraegerStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var von = await TraegerSchreiben.StatusAsync(tx, request.Id);
        TraegerRegeln.PruefeManuellenWechsel(von, request.Nach!);
        await TraegerSchreiben.SetzeStatusAsync(tx, request.Id, von, request.Nach!, GermanFormat.StoredInstant(clock.UtcNow), TraegerSchreiben.Wer(user), TraegerSchreiben.Sauber(request.Grund));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.Id, $"Status {von} → {request.Nach}"), cancellationToken);
        return Done.Value;
    }
}

internal sealed class ErfasseKontaktHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ErfasseKontakt, string>
{
    public async Task<string> Handle(ErfasseKontakt request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await TraegerSchreiben.StatusAsync(tx, request.TraegerId);
        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO traeger_kontakte (id, traeger_id, datum, kanal, notiz, erfasst_von, erfasst_am)
            VALUES (@id, @traegerId, @datum, @kanal, @notiz, @durch, @jetzt)
            """,
            new
            {
                id, traegerId = request.TraegerId, datum = request.Datum!.Trim(), kanal = request.Kanal, notiz = request.Notiz!.Trim(),
                durch = TraegerSchreiben.Wer(user), jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.TraegerId, "Kontakt erfasst"), cancellationToken);
        return id;
    }
}

internal sealed class ErfasseVereinbarungHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<ErfasseVereinbarung, string>
{
    public async Task<string> Handle(ErfasseVereinbarung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var status = await TraegerSchreiben.StatusAsync(tx, request.TraegerId);

        // Agreements past their planned end are ended first (also when the daily job has not run yet), so that
        // their municipalities are free for this one and the Träger itself may get a follow-up agreement.
        await Vereinbarungsende.BeendeAbgelaufeneAsync(tx, clock.Today, clock.UtcNow, deployment);
        var laufend = await tx.Connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM vereinbarungen v WHERE v.traeger_id = @id AND {Vereinbarungsende.Laeuft("v")}",
            new { id = request.TraegerId, heute = Vereinbarungsende.Heute(clock) }, tx.Sql);
        TraegerRegeln.PruefeVereinbarungMoeglich(status, laufend > 0);

        string Name(string ags) => deployment.MunicipalityName(ags);
        var kommunen = TraegerSchreiben.Kommunen(request.Kommunen);
        var moeglich = (await tx.Connection.QueryAsync<string>("SELECT ags FROM traeger_kommunen WHERE traeger_id = @id", new { id = request.TraegerId }, tx.Sql)).ToList();
        if (TraegerRegeln.PruefeVereinbarungsKommunen(kommunen, moeglich, Name) is { } fehler)
        {
            throw new RequestValidationException([fehler]);
        }

        var id = Guid.CreateVersion7().ToString();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var beginn = request.Beginn!.Trim();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO vereinbarungen (id, traeger_id, beginn, ende, foerderung, angelegt_am) VALUES (@id, @traegerId, @beginn, @ende, @foerderung, @jetzt)",
            new { id, traegerId = request.TraegerId, beginn, ende = TraegerSchreiben.Sauber(request.Ende), foerderung = TraegerSchreiben.Sauber(request.Foerderung), jetzt },
            tx.Sql);

        // The partial unique index ux_ein_aktiver_traeger_je_kommune is the rule: the insert of a municipality
        // another Träger holds fails, also when two writers race; here it becomes a message naming both.
        foreach (var ags in kommunen)
        {
            try
            {
                await tx.Connection.ExecuteAsync("INSERT INTO vereinbarung_kommunen (vereinbarung_id, ags, aktiv) VALUES (@id, @ags, 1)", new { id, ags }, tx.Sql);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("vereinbarung_kommunen.ags", StringComparison.Ordinal))
            {
                var inhaber = await tx.Connection.QuerySingleOrDefaultAsync<string>(
                    """
                    SELECT t.name FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id JOIN traeger t ON t.id = v.traeger_id
                    WHERE vk.ags = @ags AND vk.aktiv = 1
                    """,
                    new { ags }, tx.Sql);
                throw new DomainRuleException(
                    $"{Name(ags)} hat schon einen aktiven Träger: {inhaber ?? "ein anderer Träger"}. Je Kommune ist nur ein Träger zur Zeit aktiv; erst dessen Vereinbarung beenden.");
            }
        }

        var anlass = status == TraegerRegeln.Vereinbart ? "Folgevereinbarung" : "Vereinbarung";
        await TraegerSchreiben.SetzeStatusAsync(tx, request.TraegerId, status, TraegerRegeln.Vereinbart, jetzt, TraegerSchreiben.Wer(user),
            $"{anlass} ab {GermanFormat.Day(GermanFormat.ParseStoredDay(beginn))} für {string.Join(", ", kommunen.Select(Name))}");
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.TraegerId, "Vereinbarung erfasst"), cancellationToken);
        return id;
    }
}

internal sealed class BeendeVereinbarungHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<BeendeVereinbarung, Done>
{
    private sealed record Zeile(string Beginn, string? Ende, string? BeendetAm);

    public async Task<Done> Handle(BeendeVereinbarung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await Vereinbarungsende.BeendeAbgelaufeneAsync(tx, clock.Today, clock.UtcNow, deployment);
        var v = await tx.Connection.QuerySingleOrDefaultAsync<Zeile>(
            "SELECT beginn, ende, beendet_am AS BeendetAm FROM vereinbarungen WHERE id = @id AND traeger_id = @traegerId",
            new { id = request.VereinbarungId, traegerId = request.TraegerId }, tx.Sql) ?? throw new RecordNotFoundException("Vereinbarung nicht gefunden.");
        if (v.BeendetAm is not null)
        {
            throw new DomainRuleException(v.Ende is { } zum
                ? $"Diese Vereinbarung ist schon beendet (zum {GermanFormat.Day(GermanFormat.ParseStoredDay(zum))})."
                : "Diese Vereinbarung ist schon beendet.");
        }

        var ende = GermanFormat.ParseStoredDay(request.Ende!.Trim());
        if (TraegerRegeln.PruefeEnde(GermanFormat.ParseStoredDay(v.Beginn), ende) is { } fehler)
        {
            throw new RequestValidationException([fehler]);
        }

        if (ende > clock.Today)
        {
            throw RequestValidationException.For("ende", "Das Ende kann nicht in der Zukunft liegen: Beenden gibt die Kommunen sofort frei.");
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            "UPDATE vereinbarungen SET ende = @ende, beendet_am = @jetzt WHERE id = @id",
            new { id = request.VereinbarungId, ende = GermanFormat.StoredDay(ende), jetzt }, tx.Sql);
        await Vereinbarungsende.FreigebenAsync(tx, request.VereinbarungId, request.TraegerId, GermanFormat.ParseStoredDay(v.Beginn), ende, geplant: false, jetzt,
            TraegerSchreiben.Wer(user), deployment);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.TraegerId, "Vereinbarung beendet"), cancellationToken);
        return Done.Value;
    }
}

internal sealed class LoescheAnsprechpersonHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<LoescheAnsprechperson, Done>
{
    public const string GeloeschtText = "[gelöscht nach Art. 17 DSGVO]";

    public async Task<Done> Handle(LoescheAnsprechperson request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await tx.Connection.ExecuteAsync("UPDATE traeger SET ansprechperson = NULL, email = NULL, telefon = NULL WHERE id = @id", new { id = request.TraegerId }, tx.Sql);
        await tx.Connection.ExecuteAsync("UPDATE traeger_kontakte SET notiz = @text WHERE traeger_id = @id", new { id = request.TraegerId, text = GeloeschtText }, tx.Sql);
        return Done.Value;
    }
}
