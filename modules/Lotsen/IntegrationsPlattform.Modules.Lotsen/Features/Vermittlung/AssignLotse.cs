using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;

/// <summary>Staff assign a Lotse to an open request and plan the first assignment. Returns the assignment's id.</summary>
internal sealed record AssignLotse(Guid AnfrageId, Guid? LotseId, DateOnly? Tag, string? Beginn, int? DauerMinuten, string? AbweichungGrund) : ICommand<Guid>;

internal sealed class AssignLotseValidator : IValidator<AssignLotse>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(AssignLotse request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (request.LotseId is null)
        {
            fehler.Add(new FieldError("lotseId", "Bitte einen Lotsen wählen."));
        }

        EinsatzPlanung.Pruefe(fehler, request.Tag, request.Beginn, request.DauerMinuten, request.AbweichungGrund);
        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

/// <summary>
/// Exactly one of two staff members assigning the same request at once wins: the request moves from
/// "offen" to "vermittelt" with a conditional UPDATE inside the database's single writer transaction
/// (BEGIN IMMEDIATE), and the loser is told who was faster.
/// </summary>
internal sealed class AssignLotseHandler(IModuleDatabase<LotsenModule> database, EinsatzPlanung planung, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<AssignLotse, Guid>
{
    public async Task<Guid> Handle(AssignLotse request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var anfrageId = request.AnfrageId.ToString();
        var lotseId = request.LotseId!.Value.ToString();
        var anfrage = await GetAnfrageHandler.ZumAendernAsync(tx, anfrageId, user, LotsenModule.Bearbeiten);
        var gewonnen = await tx.Connection.ExecuteAsync(
            "UPDATE anfragen SET status = 'vermittelt', lotse_id = @lotseId WHERE id = @anfrageId AND status = 'offen'",
            new { anfrageId, lotseId },
            tx.Sql);
        if (gewonnen == 0)
        {
            throw new DomainRuleException(anfrage.Status == "vermittelt"
                ? $"Die Anfrage wurde inzwischen schon an {anfrage.LotseName} vermittelt."
                : $"Die Anfrage ist {Lebenszyklen.Anfrage.Label(anfrage.Status)} und kann nicht vermittelt werden.");
        }

        var termin = new EinsatzTermin(request.Tag!.Value, TimeOnly.ParseExact(request.Beginn!.Trim(), "HH:mm"), request.DauerMinuten!.Value, request.AbweichungGrund);
        var einsatzId = await planung.PlaneAsync(anfrageId, lotseId, termin, user.DisplayName ?? "System");
        var name = await tx.Connection.ExecuteScalarAsync<string>("SELECT vorname || ' ' || nachname FROM lotsen WHERE id = @lotseId", new { lotseId }, tx.Sql);
        var notiz = $"{name}, Termin {GermanFormat.Day(termin.Tag)} {termin.Beginn:HH\\:mm} Uhr" + (string.IsNullOrWhiteSpace(termin.AbweichungGrund) ? "" : $" (außerhalb der Verfügbarkeit: {termin.AbweichungGrund.Trim()})");
        await AnfrageLog.SchreibeAsync(tx, anfrageId, "vermittelt", notiz, user.DisplayName ?? "System", GermanFormat.StoredInstant(clock.UtcNow));
        tx.PublishAfterCommit(new LotsenAnfrageVermittelt(request.AnfrageId, anfrage.QuelleModul, clock.ToUtc(termin.Tag, termin.Beginn), await AnfrageKorrelation.LiesAsync(tx, anfrageId)));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anfrage", anfrageId, "vermittelt"), cancellationToken);
        return einsatzId;
    }
}
