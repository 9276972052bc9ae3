using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>A further assignment for a matched request (e.g. a follow-up appointment), by staff or by the Lotse.</summary>
internal sealed record CreateFolgeeinsatz(Guid AnfrageId, DateOnly? Tag, string? Beginn, int? DauerMinuten, string? AbweichungGrund) : ICommand<Guid>;

internal sealed class CreateFolgeeinsatzValidator : IValidator<CreateFolgeeinsatz>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateFolgeeinsatz request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        EinsatzPlanung.Pruefe(fehler, request.Tag, request.Beginn, request.DauerMinuten, request.AbweichungGrund);
        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class CreateFolgeeinsatzHandler(IModuleDatabase<LotsenModule> database, EinsatzPlanung planung, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<CreateFolgeeinsatz, Guid>
{
    public async Task<Guid> Handle(CreateFolgeeinsatz request, CancellationToken cancellationToken)
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
