using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record RecordAktivitaet(Guid Id, string? Art, string? Notiz) : ICommand<Done>;

internal sealed class RecordAktivitaetValidator : IValidator<RecordAktivitaet>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordAktivitaet request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (request.Art is null || !Aktivitaeten.Manuell.Contains(request.Art))
        {
            fehler.Add(new FieldError("art", "Bitte die Art des Eintrags wählen."));
        }

        fehler.RequiredText("notiz", request.Notiz, 2000, "eine kurze Beschreibung des Geschehens");

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class RecordAktivitaetHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<RecordAktivitaet, Done>
{
    public async Task<Done> Handle(RecordAktivitaet request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToString();
        var anfrage = await GetAnfrageHandler.ZumAendernAsync(tx, id, user, LotsenModule.Bearbeiten);
        if (anfrage.AnonymisiertAm is not null)
        {
            throw new DomainRuleException("Die Anfrage ist anonymisiert; es können keine Einträge mehr ergänzt werden.");
        }

        await AnfrageLog.SchreibeAsync(tx, id, request.Art!, request.Notiz!.Trim(), user.DisplayName ?? "System", GermanFormat.StoredInstant(clock.UtcNow));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anfrage", id, "Verlaufseintrag"), cancellationToken);
        return Done.Value;
    }
}
