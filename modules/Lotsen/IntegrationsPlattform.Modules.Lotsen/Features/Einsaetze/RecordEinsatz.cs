using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>The outcome of an assignment: carried out (with outcome, hours, km) or cancelled.</summary>
internal sealed record RecordEinsatz(Guid Id, string? Status, string? Ergebnis, int? DauerMinuten, decimal? FahrtKm, bool Nachbereitung, string? Bemerkung) : ICommand<Done>;

internal sealed class RecordEinsatzValidator : IValidator<RecordEinsatz>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordEinsatz request, CancellationToken cancellationToken)
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

internal sealed class RecordEinsatzHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<RecordEinsatz, Done>
{
    public async Task<Done> Handle(RecordEinsatz request, CancellationToken cancellationToken)
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
