using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>A published offer ends (veröffentlicht → archiviert, with a reason): the public no longer finds it.</summary>
internal sealed record ArchiveAngebot(string Id, string? Grund) : ICommand<Done>;

internal sealed class ArchiveAngebotValidator : IValidator<ArchiveAngebot>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ArchiveAngebot request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Angebot.CheckChange(errors, "status", "archiviert", "grund", request.Grund);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ArchiveAngebotHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<ArchiveAngebot, Done>
{
    public async Task<Done> Handle(ArchiveAngebot request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var lage = await AngebotSchreiben.ZumAendernAsync(tx, RecordScope.Of(user, GesundheitModule.Angebote), request.Id);
        Lebenszyklen.Angebot.EnsureTransition(lage.Status, "archiviert");
        await AngebotSchreiben.StatusAsync(
            tx, request.Id, lage.Status, "archiviert", null, GermanFormat.StoredInstant(clock.UtcNow), AngebotSchreiben.Wer(user), AngebotSchreiben.Sauber(request.Grund), geprueft: false);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Angebot", request.Id, "Status veroeffentlicht → archiviert"), cancellationToken);
        return Done.Value;
    }
}
