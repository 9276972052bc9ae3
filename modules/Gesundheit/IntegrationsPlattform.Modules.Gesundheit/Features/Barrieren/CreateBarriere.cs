using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>Records a barrier at an offer, in a municipality, or both; returns its id.</summary>
internal sealed record CreateBarriere(BarriereEingabe Eingabe) : ICommand<string>;

internal sealed class CreateBarriereValidator(DeploymentInfo deployment) : IValidator<CreateBarriere>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateBarriere request, CancellationToken cancellationToken)
    {
        var e = request.Eingabe;
        var errors = new List<FieldError>();
        Barrierenarten.Pruefen(errors, "art", e.Art, Barrierenarten.Barrieren, "Barriere", required: true);

        if (errors.OptionalText("angebotId", e.AngebotId, 36) is { } angebot && !Guid.TryParse(angebot, out _))
        {
            errors.Add(new FieldError("angebotId", "Das Angebot ist nicht gültig."));
        }

        errors.Municipality("kommuneAgs", e.KommuneAgs, deployment, required: false);
        if (string.IsNullOrWhiteSpace(e.AngebotId) && string.IsNullOrWhiteSpace(e.KommuneAgs))
        {
            errors.Add(new FieldError("kommuneAgs", "Bitte ein Angebot oder eine Kommune angeben, wo die Barriere besteht."));
        }

        errors.LanguageCode("sprache", e.Sprache);
        errors.RequiredText("beschreibung", e.Beschreibung, 2000, "eine Beschreibung der Barriere");
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateBarriereHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<CreateBarriere, string>
{
    public async Task<string> Handle(CreateBarriere request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var angebotId = AngebotSchreiben.Sauber(e.AngebotId)?.ToLowerInvariant();
        if (angebotId is not null
            && await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM angebote WHERE id = @angebotId", new { angebotId }, tx.Sql) == 0)
        {
            throw RequestValidationException.For("angebotId", "Dieses Angebot gibt es nicht.");
        }

        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO barrieren (id, angebot_id, kommune_ags, art, sprache, beschreibung, erfasst_am, erfasst_von)
            VALUES (@id, @angebotId, @kommune, @art, @sprache, @beschreibung, @jetzt, @wer)
            """,
            new
            {
                id,
                angebotId,
                kommune = AngebotSchreiben.Sauber(e.KommuneAgs),
                art = e.Art!.Trim(),
                sprache = string.IsNullOrWhiteSpace(e.Sprache) ? null : Languages.Normalize(e.Sprache),
                beschreibung = e.Beschreibung!.Trim(),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
                wer = AngebotSchreiben.Wer(user),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Barriere", id), cancellationToken);
        return id;
    }
}
