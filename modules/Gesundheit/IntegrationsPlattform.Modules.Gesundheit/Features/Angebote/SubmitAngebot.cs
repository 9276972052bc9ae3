using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>A draft goes to review (Entwurf → zur Prüfung); it must have what publishing needs.</summary>
internal sealed record SubmitAngebot(string Id) : ICommand<Done>;

internal sealed class SubmitAngebotHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<SubmitAngebot, Done>
{
    public async Task<Done> Handle(SubmitAngebot request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var lage = await AngebotSchreiben.ZumAendernAsync(tx, RecordScope.Of(user, GesundheitModule.Angebote), request.Id);
        Lebenszyklen.Angebot.EnsureTransition(lage.Status, "zur_pruefung");
        await AngebotSchreiben.VollstaendigAsync(tx, request.Id);
        await AngebotSchreiben.StatusAsync(
            tx, request.Id, lage.Status, "zur_pruefung", aenderung: null, GermanFormat.StoredInstant(clock.UtcNow), AngebotSchreiben.Wer(user), grund: null, geprueft: false);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Angebot", request.Id, $"Status {lage.Status} → zur_pruefung"), cancellationToken);
        return Done.Value;
    }
}
