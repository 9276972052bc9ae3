using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>A new offer of a provider, as a draft (its working version); returns its id.</summary>
internal sealed record CreateAngebot(AngebotEingabe Eingabe) : ICommand<string>;

internal sealed class CreateAngebotValidator(GesundheitSettings settings, DeploymentInfo deployment) : IValidator<CreateAngebot>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateAngebot request, CancellationToken cancellationToken)
        => Task.FromResult(AngebotPruefung.Eingabe(request.Eingabe, settings, deployment));
}

internal sealed class CreateAngebotHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<CreateAngebot, string>
{
    public async Task<string> Handle(CreateAngebot request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var anbieterId = e.AnbieterId!.Trim();
        RecordScope.Of(user, GesundheitModule.Angebote).EnsureWritable(AngebotSchreiben.Kommunen(e), owner: null, "Angebot", null, "anbieterId", [anbieterId]);
        await AngebotSchreiben.AnbieterPruefenAsync(tx, anbieterId);

        var id = await AngebotSchreiben.NeuAsync(tx, e, anbieterId, GermanFormat.StoredInstant(clock.UtcNow), AngebotSchreiben.Wer(user), grund: null);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Angebot", id), cancellationToken);
        return id;
    }
}
