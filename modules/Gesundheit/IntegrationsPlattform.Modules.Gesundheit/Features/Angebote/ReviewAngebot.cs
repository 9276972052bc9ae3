using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>
/// Staff review an offer: a submitted one is published or sent back to draft; a change waiting beside the published
/// version becomes the published version or is turned down (the public keeps the reviewed one); approving a published
/// offer without a change confirms it as still correct, which resets the 12-month review flag.
/// Turning down needs a reason for the provider.
/// </summary>
internal sealed record ReviewAngebot(string Id, string? Entscheidung, string? Grund) : ICommand<Done>;

internal sealed class ReviewAngebotValidator : IValidator<ReviewAngebot>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ReviewAngebot request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        switch (request.Entscheidung)
        {
            case Lebenszyklen.Freigeben:
                errors.OptionalText("grund", request.Grund, Lifecycle.ReasonMaxLength);
                break;
            case Lebenszyklen.Zurueckweisen:
                errors.RequiredText("grund", request.Grund, Lifecycle.ReasonMaxLength, "einen Grund für den Anbieter");
                break;
            default:
                errors.Add(new FieldError("entscheidung", "Bitte „freigeben“ oder „zurueckweisen“ wählen."));
                break;
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ReviewAngebotHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<ReviewAngebot, Done>
{
    public async Task<Done> Handle(ReviewAngebot request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var lage = await AngebotSchreiben.ZumAendernAsync(tx, RecordScope.Of(user, GesundheitModule.Angebote), request.Id);
        var freigeben = request.Entscheidung == Lebenszyklen.Freigeben;
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var wer = AngebotSchreiben.Wer(user);
        var grund = AngebotSchreiben.Sauber(request.Grund);

        switch (lage.Status, lage.Aenderung, freigeben)
        {
            case ("zur_pruefung", _, true):
                await AngebotSchreiben.VollstaendigAsync(tx, request.Id);
                await AngebotSchreiben.VeroeffentlicheAsync(tx, request.Id);
                await AngebotSchreiben.StatusAsync(tx, request.Id, lage.Status, "veroeffentlicht", null, jetzt, wer, grund, geprueft: true);
                break;
            case ("zur_pruefung", _, false):
                Lebenszyklen.Angebot.EnsureTransition(lage.Status, "entwurf");
                await AngebotSchreiben.StatusAsync(tx, request.Id, lage.Status, "entwurf", null, jetzt, wer, grund, geprueft: false);
                break;
            case ("veroeffentlicht", "zur_pruefung", true):
                await AngebotSchreiben.VollstaendigAsync(tx, request.Id);
                await AngebotSchreiben.VeroeffentlicheAsync(tx, request.Id);
                await AngebotSchreiben.StatusAsync(tx, request.Id, lage.Status, lage.Status, null, jetzt, wer, grund ?? "Änderung freigegeben", geprueft: true);
                break;
            case ("veroeffentlicht", "zur_pruefung", false):
                await AngebotSchreiben.StatusAsync(tx, request.Id, lage.Status, lage.Status, "zurueckgewiesen", jetzt, wer, $"Änderung zurückgewiesen: {grund}", geprueft: false);
                break;
            case ("veroeffentlicht", null, true):
                await AngebotSchreiben.StatusAsync(tx, request.Id, lage.Status, lage.Status, null, jetzt, wer, grund ?? "geprüft, weiterhin aktuell", geprueft: true);
                break;
            default:
                throw new DomainRuleException(
                    $"Angebot: im Status „{Lebenszyklen.Angebot.Label(lage.Status)}“ gibt es nichts {(freigeben ? "freizugeben" : "zurückzuweisen")}.");
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Angebot", request.Id, $"Prüfung: {request.Entscheidung}"), cancellationToken);
        return Done.Value;
    }
}
