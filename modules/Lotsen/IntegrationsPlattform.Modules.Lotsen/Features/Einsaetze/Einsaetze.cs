using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

internal sealed record EinsatzFilter(string? Status = null, string? Monat = null, int Seite = 1);

internal sealed record EinsatzZeile(
    string Id,
    string AnfrageId,
    string LotseId,
    string LotseVorname,
    string LotseNachname,
    string Beginn,
    long DauerMinuten,
    double FahrtKm,
    string Status,
    string? Ergebnis,
    long Nachbereitung,
    string Thema,
    string KommuneAgs,
    string? Kennung,
    string? AbweichungGrund,
    string? Bemerkung)
{
    public string LotseName => $"{LotseVorname} {LotseNachname}";
}

/// <summary>Assignments the user may see: all or their municipalities for staff, their own for a Lotse.</summary>
internal sealed record ListEinsaetze(EinsatzFilter Filter) : IQuery<PagedList<EinsatzZeile>>;

internal sealed record GetEinsatz(Guid Id) : IQuery<EinsatzZeile>;

/// <summary>The outcome of an assignment: carried out (with outcome, hours, km) or cancelled.</summary>
internal sealed record ErfasseEinsatz(Guid Id, string? Status, string? Ergebnis, int? DauerMinuten, decimal? FahrtKm, bool Nachbereitung, string? Bemerkung) : ICommand<Done>;

/// <summary>A further assignment for a matched request (e.g. a follow-up appointment), by staff or by the Lotse.</summary>
internal sealed record PlaneFolgeeinsatz(Guid AnfrageId, DateOnly? Tag, string? Beginn, int? DauerMinuten, string? AbweichungGrund) : ICommand<Guid>;

internal static class EinsatzAbfrage
{
    public const string Spalten = """
        SELECT e.id, e.anfrage_id AS AnfrageId, e.lotse_id AS LotseId, l.vorname AS LotseVorname, l.nachname AS LotseNachname, e.beginn,
               e.dauer_minuten AS DauerMinuten, e.fahrt_km AS FahrtKm, e.status, e.ergebnis, e.nachbereitung, a.thema, a.kommune_ags AS KommuneAgs,
               a.kennung, e.abweichung_grund AS AbweichungGrund, e.bemerkung
        FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id JOIN anfragen a ON a.id = e.anfrage_id
        """;

    public static async Task<EinsatzZeile> LadeAsync(SqliteConnection connection, SqliteTransaction? tx, string id, RecordScope sicht)
    {
        var einsatz = await connection.QuerySingleOrDefaultAsync<EinsatzZeile>($"{Spalten} WHERE e.id = @id", new { id }, tx);
        return einsatz is not null && sicht.CanRead([einsatz.KommuneAgs], einsatz.LotseId) ? einsatz : throw new RecordNotFoundException("Einsatz nicht gefunden.");
    }
}

internal sealed class ListEinsaetzeHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ListEinsaetze, PagedList<EinsatzZeile>>
{
    public const int Seitengroesse = 25;

    public async Task<PagedList<EinsatzZeile>> Handle(ListEinsaetze request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        await using var connection = await database.OpenAsync(cancellationToken);
        var sicht = await AnfragenReichweite.FuerAsync(user, LotsenModule.EinsaetzeErfassen, connection);
        var (von, bis) = Monatsgrenzen(f.Monat, clock);
        var p = new DynamicParameters(new { status = f.Status, von, bis, limit = Seitengroesse, offset = Paging.Offset(f.Seite, Seitengroesse) });
        var where = $"""
            WHERE {sicht.SqlCondition(ags => $"a.kommune_ags IN {ags}", "e.lotse_id", p)}
              AND (@status IS NULL OR e.status = @status)
              AND (@von IS NULL OR (e.beginn >= @von AND e.beginn < @bis))
            """;
        var total = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM einsaetze e JOIN anfragen a ON a.id = e.anfrage_id {where}", p);
        var rows = await connection.QueryAsync<EinsatzZeile>($"{EinsatzAbfrage.Spalten} {where} ORDER BY e.beginn DESC LIMIT @limit OFFSET @offset", p);
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Einsatz", null, $"Filter Status={f.Status ?? "alle"}, Monat={f.Monat ?? "alle"}; {total} Treffer"), cancellationToken);
        return new PagedList<EinsatzZeile>(rows.ToList(), (int)total, Math.Max(1, f.Seite), Seitengroesse);
    }

    /// <summary>"2026-12" → the UTC bounds of that local month; anything else means no month filter.</summary>
    private static (string? Von, string? Bis) Monatsgrenzen(string? monat, ILocalClock clock)
    {
        if (monat is null || !DateOnly.TryParseExact(monat + "-01", "yyyy-MM-dd", out var erster))
        {
            return (null, null);
        }

        return (GermanFormat.StoredInstant(clock.ToUtc(erster, TimeOnly.MinValue)), GermanFormat.StoredInstant(clock.ToUtc(erster.AddMonths(1), TimeOnly.MinValue)));
    }
}

internal sealed class GetEinsatzHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetEinsatz, EinsatzZeile>
{
    public async Task<EinsatzZeile> Handle(GetEinsatz request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var einsatz = await EinsatzAbfrage.LadeAsync(connection, null, request.Id.ToString(), await AnfragenReichweite.FuerAsync(user, LotsenModule.EinsaetzeErfassen, connection));
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Einsatz", einsatz.Id), cancellationToken);
        return einsatz;
    }
}

internal sealed class ErfasseEinsatzValidator : IValidator<ErfasseEinsatz>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ErfasseEinsatz request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (request.Status is not ("durchgefuehrt" or "ausgefallen"))
        {
            fehler.Add(new FieldError("status", "Bitte angeben, ob der Einsatz stattgefunden hat."));
        }

        if (request.Status == "durchgefuehrt")
        {
            if (!Ergebnisse.IstBekannt(request.Ergebnis))
            {
                fehler.Add(new FieldError("ergebnis", "Bitte das Ergebnis wählen."));
            }

            if (request.DauerMinuten is null)
            {
                fehler.Add(new FieldError("dauerMinuten", "Bitte die Dauer in Minuten angeben."));
            }
            else if (Einsatzzeit.PruefeDauer(request.DauerMinuten.Value) is { } dauerFehler)
            {
                fehler.Add(new FieldError("dauerMinuten", dauerFehler));
            }
        }

        if (request.FahrtKm is < 0 or > 1000)
        {
            fehler.Add(new FieldError("fahrtKm", "Die Fahrtkilometer müssen zwischen 0 und 1000 liegen."));
        }

        fehler.OptionalText("bemerkung", request.Bemerkung, 1000);

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class ErfasseEinsatzHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ErfasseEinsatz, Done>
{
    public async Task<Done> Handle(ErfasseEinsatz request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToString();
        var sicht = await AnfragenReichweite.FuerAsync(user, LotsenModule.EinsaetzeErfassen, tx.Connection, tx.Sql);
        var einsatz = await EinsatzAbfrage.LadeAsync(tx.Connection, tx.Sql, id, sicht);
        sicht.EnsureWritable([einsatz.KommuneAgs], einsatz.LotseId, "Einsatz", id, "kommuneAgs");
        Lebenszyklen.Einsatz.EnsureTransition(einsatz.Status, request.Status!);

        var beginn = GermanFormat.ParseStoredInstant(einsatz.Beginn);
        if (request.Status == "durchgefuehrt" && beginn > clock.UtcNow)
        {
            throw new DomainRuleException("Ein Einsatz in der Zukunft kann noch nicht als durchgeführt erfasst werden.");
        }

        var durchgefuehrt = request.Status == "durchgefuehrt";
        var dauer = durchgefuehrt ? request.DauerMinuten!.Value : (int)einsatz.DauerMinuten;
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        try
        {
            await tx.Connection.ExecuteAsync(
                """
                UPDATE einsaetze SET status = @status, ergebnis = @ergebnis, dauer_minuten = @dauer, ende = @ende, fahrt_km = @km,
                       nachbereitung = @nachbereitung, bemerkung = @bemerkung, geaendert_am = @jetzt
                WHERE id = @id
                """,
                new
                {
                    id,
                    status = request.Status,
                    ergebnis = durchgefuehrt ? request.Ergebnis : null,
                    dauer,
                    ende = GermanFormat.StoredInstant(beginn.AddMinutes(dauer)),
                    km = (double)(request.FahrtKm ?? 0),
                    nachbereitung = request.Nachbereitung ? 1 : 0,
                    bemerkung = string.IsNullOrWhiteSpace(request.Bemerkung) ? null : request.Bemerkung.Trim(),
                    jetzt,
                },
                tx.Sql);
        }
        catch (SqliteException ex)
        {
            throw EinsatzPlanung.Uebersetze(ex, einsatz.LotseName);
        }

        var notiz = durchgefuehrt ? $"{Ergebnisse.Text(request.Ergebnis!)}, {dauer} Minuten" : "Einsatz ausgefallen";
        await AnfrageLog.SchreibeAsync(tx, einsatz.AnfrageId, durchgefuehrt ? "begleitet" : "notiz", notiz, user.DisplayName ?? "System", jetzt);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Einsatz", id, request.Status!), cancellationToken);
        return Done.Value;
    }
}

internal sealed class PlaneFolgeeinsatzValidator : IValidator<PlaneFolgeeinsatz>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(PlaneFolgeeinsatz request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        EinsatzPlanung.Pruefe(fehler, request.Tag, request.Beginn, request.DauerMinuten, request.AbweichungGrund);
        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class PlaneFolgeeinsatzHandler(IModuleDatabase<LotsenModule> database, EinsatzPlanung planung, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<PlaneFolgeeinsatz, Guid>
{
    public async Task<Guid> Handle(PlaneFolgeeinsatz request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var anfrageId = request.AnfrageId.ToString();
        var anfrage = await GetAnfrageHandler.ZumAendernAsync(tx, anfrageId, user, LotsenModule.EinsaetzeErfassen);
        if (anfrage.Status != "vermittelt" || anfrage.LotseId is null)
        {
            throw new DomainRuleException($"Weitere Einsätze gibt es nur für vermittelte Anfragen; diese ist {Lebenszyklen.Anfrage.Label(anfrage.Status)}.");
        }

        var termin = new EinsatzTermin(request.Tag!.Value, TimeOnly.ParseExact(request.Beginn!.Trim(), "HH:mm"), request.DauerMinuten!.Value, request.AbweichungGrund);
        var id = await planung.PlaneAsync(anfrageId, anfrage.LotseId, termin, user.DisplayName ?? "System");
        await AnfrageLog.SchreibeAsync(tx, anfrageId, "nachbereitung", $"Folgetermin {GermanFormat.Day(termin.Tag)} {termin.Beginn:HH\\:mm} Uhr", user.DisplayName ?? "System", GermanFormat.StoredInstant(clock.UtcNow));
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Einsatz", id.ToString()), cancellationToken);
        return id;
    }
}
