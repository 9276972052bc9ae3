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

        var id = Guid.CreateVersion7().ToString();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var wer = AngebotSchreiben.Wer(user);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO angebote (id, anbieter_id, status, status_seit, angelegt_am, angelegt_von) VALUES (@id, @anbieterId, @status, @jetzt, @jetzt, @wer);
            INSERT INTO angebot_status_verlauf (id, angebot_id, von, nach, am, durch) VALUES (@verlaufId, @id, NULL, @status, @jetzt, @wer);
            """,
            new { id, anbieterId, status = Lebenszyklen.Angebot.Start.Key, jetzt, wer, verlaufId = Guid.CreateVersion7().ToString() },
            tx.Sql);
        await AngebotSchreiben.ArbeitsfassungAsync(tx, id, e, anbieterId, jetzt, wer);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Angebot", id), cancellationToken);
        return id;
    }
}
