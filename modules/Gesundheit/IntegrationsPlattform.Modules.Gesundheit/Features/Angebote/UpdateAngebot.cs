using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>
/// Changes an offer's working version. A change to a published offer waits for review; the public keeps the published
/// version until staff approve it. An archived offer is not changed any more.
/// </summary>
internal sealed record UpdateAngebot(string Id, AngebotEingabe Eingabe) : ICommand<Done>;

internal sealed class UpdateAngebotValidator(GesundheitSettings settings, DeploymentInfo deployment) : IValidator<UpdateAngebot>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateAngebot request, CancellationToken cancellationToken)
        => Task.FromResult(AngebotPruefung.Eingabe(request.Eingabe, settings, deployment));
}

internal sealed class UpdateAngebotHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<UpdateAngebot, Done>
{
    public async Task<Done> Handle(UpdateAngebot request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var anbieterId = e.AnbieterId!.Trim();
        var sicht = RecordScope.Of(user, GesundheitModule.Angebote);
        var lage = await AngebotSchreiben.ZumAendernAsync(tx, sicht, request.Id);
        sicht.EnsureWritable(AngebotSchreiben.Kommunen(e), owner: null, "Angebot", request.Id, "anbieterId", [anbieterId]);
        if (lage.Status == "archiviert")
        {
            throw new DomainRuleException("Ein archiviertes Angebot lässt sich nicht mehr ändern.");
        }

        if (anbieterId != lage.AnbieterId)
        {
            await AngebotSchreiben.AnbieterPruefenAsync(tx, anbieterId);
            await tx.Connection.ExecuteAsync("UPDATE angebote SET anbieter_id = @anbieterId WHERE id = @id", new { anbieterId, id = request.Id }, tx.Sql);
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var wer = AngebotSchreiben.Wer(user);
        await AngebotSchreiben.ArbeitsfassungAsync(tx, request.Id, e, anbieterId, jetzt, wer);
        await AngebotSchreiben.AenderungZurPruefungAsync(tx, request.Id, lage.Status, lage.Aenderung, jetzt, wer);

        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Angebot", request.Id), cancellationToken);
        return Done.Value;
    }
}
