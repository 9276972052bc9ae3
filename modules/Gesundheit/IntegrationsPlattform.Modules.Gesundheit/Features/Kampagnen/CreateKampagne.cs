using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>Plans a campaign in one or more municipalities, starting „geplant“; returns its id.</summary>
internal sealed record CreateKampagne(KampagneEingabe Eingabe) : ICommand<string>;

internal sealed class CreateKampagneValidator(DeploymentInfo deployment) : IValidator<CreateKampagne>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateKampagne request, CancellationToken cancellationToken)
    {
        var e = request.Eingabe;
        var errors = new List<FieldError>();
        errors.RequiredText("titel", e.Titel, 200, "einen Titel");
        errors.OptionalText("beschreibung", e.Beschreibung, 2000);
        var beginn = errors.Day("beginn", e.Beginn, required: true);
        var ende = errors.Day("ende", e.Ende, required: false);
        errors.DayRange("ende", beginn, ende);
        errors.Municipalities("kommunen", e.Kommunen, deployment, required: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateKampagneHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<CreateKampagne, string>
{
    public async Task<string> Handle(CreateKampagne request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var id = Guid.CreateVersion7().ToString();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var wer = AngebotSchreiben.Wer(user);
        var status = Lebenszyklen.Kampagne.Start.Key;
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO kampagnen (id, titel, beschreibung, beginn, ende, status, status_seit, angelegt_am, angelegt_von)
            VALUES (@id, @titel, @beschreibung, @beginn, @ende, @status, @jetzt, @jetzt, @wer);
            INSERT INTO kampagne_status_verlauf (id, kampagne_id, von, nach, am, durch) VALUES (@verlaufId, @id, NULL, @status, @jetzt, @wer);
            """,
            new
            {
                id,
                titel = e.Titel!.Trim(),
                beschreibung = AngebotSchreiben.Sauber(e.Beschreibung),
                beginn = e.Beginn!.Trim(),
                ende = AngebotSchreiben.Sauber(e.Ende),
                status,
                jetzt,
                wer,
                verlaufId = Guid.CreateVersion7().ToString(),
            },
            tx.Sql);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO kampagne_kommunen (kampagne_id, kommune_ags) VALUES (@id, @ags)",
            e.Kommunen!.Select(a => a!.Trim()).Distinct().Select(ags => new { id, ags }),
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Kampagne", id), cancellationToken);
        return id;
    }
}
