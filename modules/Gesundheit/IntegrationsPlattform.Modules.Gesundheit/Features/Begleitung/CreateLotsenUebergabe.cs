using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>
/// Hands a family's need over to the Lotsen: the hand-over row and <see cref="CreateLotsenAnfrage"/> in this module's
/// outbox, in one transaction, under a new correlation id (returned). The initials go with the command only.
/// With the Lotsen module off, <c>SendAfterCommit</c> throws <c>ModuleNotEnabledException</c> and nothing is written.
/// </summary>
internal sealed record CreateLotsenUebergabe(UebergabeEingabe Eingabe) : ICommand<string>;

internal sealed class CreateLotsenUebergabeValidator(DeploymentInfo deployment, ILocalClock clock) : IValidator<CreateLotsenUebergabe>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateLotsenUebergabe request, CancellationToken cancellationToken)
    {
        var e = request.Eingabe;
        var errors = new List<FieldError>();
        if (errors.RequiredText("angebotId", e.AngebotId, 36, "das Angebot") is { } angebot && !Guid.TryParse(angebot, out _))
        {
            errors.Add(new FieldError("angebotId", "Das Angebot ist nicht gültig."));
        }

        UebergabePruefung.SpracheUndKommune(errors, e.Sprache, e.KommuneAgs, deployment);
        errors.RequiredText("initialen", e.Initialen, UebergabePruefung.InitialenMaxLaenge, "die Initialen der Familie (keinen Namen)");
        var ab = errors.Day("ab", e.Ab, required: true);
        if (ab < clock.Today)
        {
            errors.Add(new FieldError("ab", "Der gewünschte Zeitraum kann nicht in der Vergangenheit beginnen."));
        }

        errors.DayRange("bis", ab, errors.Day("bis", e.Bis, required: false), UebergabePruefung.MaxTageZeitraum);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateLotsenUebergabeHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<CreateLotsenUebergabe, string>
{
    public async Task<string> Handle(CreateLotsenUebergabe request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var e = request.Eingabe;
        var angebotId = e.AngebotId!.Trim().ToLowerInvariant();
        var titel = await tx.Connection.QuerySingleOrDefaultAsync<string>(
            """
            SELECT t.text FROM angebote a
            JOIN angebot_texte t ON t.angebot_id = a.id AND t.fassung = 'veroeffentlicht' AND t.sprache = 'de' AND t.feld = 'titel'
            WHERE a.id = @angebotId AND a.status = 'veroeffentlicht'
            """,
            new { angebotId },
            tx.Sql) ?? throw RequestValidationException.For("angebotId", "Zu diesem Angebot lässt sich keine Begleitung vermitteln: es ist nicht veröffentlicht oder existiert nicht.");

        var sprache = Languages.Normalize(e.Sprache!);
        var kommune = e.KommuneAgs!.Trim();
        var ab = UebergabePruefung.Tag(e.Ab)!.Value;
        var bis = UebergabePruefung.Tag(e.Bis) ?? ab.AddDays(UebergabePruefung.StandardTageZeitraum);
        var korrelation = Guid.CreateVersion7();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO lotsen_uebergaben (korrelations_id, angebot_id, sprache, kommune_ags, datum, status, status_seit, uebergeben_von)
            VALUES (@id, @angebotId, @sprache, @kommune, @heute, @status, @jetzt, @wer)
            """,
            new
            {
                id = korrelation.ToString(),
                angebotId,
                sprache,
                kommune,
                heute = GermanFormat.StoredDay(clock.Today),
                status = Lebenszyklen.LotsenUebergabe.Start.Key,
                jetzt,
                wer = AngebotSchreiben.Wer(user),
            },
            tx.Sql);
        tx.SendAfterCommit(new CreateLotsenAnfrage(
            GesundheitModule.ModulId, e.Initialen!.Trim(), [sprache], UebergabePruefung.LotsenThema, titel, kommune, ab, bis, KorrelationsId: korrelation));
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "LotsenUebergabe", korrelation.ToString(), $"Angebot {angebotId}"), cancellationToken);
        return korrelation.ToString();
    }
}
