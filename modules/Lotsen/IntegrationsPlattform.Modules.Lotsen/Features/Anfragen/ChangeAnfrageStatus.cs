using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

/// <summary>Closes (erledigt/abgebrochen) or reopens a request; "vermittelt" is reached only by assigning a Lotse.</summary>
internal sealed record ChangeAnfrageStatus(Guid Id, string? Status, string? Grund) : ICommand<Done>;

internal sealed class ChangeAnfrageStatusValidator : IValidator<ChangeAnfrageStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeAnfrageStatus request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        Lebenszyklen.Anfrage.CheckChange(fehler, "status", request.Status, "grund", request.Grund);

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class ChangeAnfrageStatusHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ChangeAnfrageStatus, Done>
{
    public async Task<Done> Handle(ChangeAnfrageStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToString();
        var anfrage = await GetAnfrageHandler.ZumAendernAsync(tx, id, user, LotsenModule.Bearbeiten);
        Lebenszyklen.Anfrage.EnsureTransition(anfrage.Status, request.Status!);
        if (request.Status == "vermittelt")
        {
            throw new DomainRuleException("Eine Anfrage wird vermittelt, indem ein Lotse aus der Vorschlagsliste eingeteilt wird.");
        }

        if (request.Status == "erledigt" && !anfrage.Einsaetze.Any(e => e.Status == "durchgefuehrt"))
        {
            throw new DomainRuleException("Erledigt ist eine Anfrage erst, wenn mindestens ein Einsatz als durchgeführt erfasst ist.");
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var geschlossen = request.Status is "erledigt" or "abgebrochen";
        await tx.Connection.ExecuteAsync(
            """
            UPDATE anfragen SET status = @status, status_grund = @grund, geschlossen_am = @geschlossenAm,
                   lotse_id = CASE WHEN @status = 'offen' THEN NULL ELSE lotse_id END
            WHERE id = @id
            """,
            new { id, status = request.Status, grund = request.Grund?.Trim(), geschlossenAm = geschlossen ? jetzt : null },
            tx.Sql);
        if (request.Status is "offen" or "abgebrochen")
        {
            // The planned assignments of a withdrawn match do not happen; carried-out ones stay for the figures.
            await tx.Connection.ExecuteAsync("UPDATE einsaetze SET status = 'ausgefallen', geaendert_am = @jetzt WHERE anfrage_id = @id AND status = 'geplant'", new { id, jetzt }, tx.Sql);
        }

        var text = $"{Lebenszyklen.Anfrage.Label(anfrage.Status)} → {Lebenszyklen.Anfrage.Label(request.Status!)}" + (string.IsNullOrWhiteSpace(request.Grund) ? "" : $": {request.Grund.Trim()}");
        await AnfrageLog.SchreibeAsync(tx, id, "status", text, user.DisplayName ?? "System", jetzt);
        if (geschlossen)
        {
            tx.PublishAfterCommit(new LotsenAnfrageAbgeschlossen(request.Id, anfrage.QuelleModul, request.Status == "erledigt", await AnfrageKorrelation.LiesAsync(tx, id)));
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anfrage", id, $"Status {request.Status}"), cancellationToken);
        return Done.Value;
    }
}
