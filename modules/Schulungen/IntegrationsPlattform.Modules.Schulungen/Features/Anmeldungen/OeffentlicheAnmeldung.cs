using System.Text.Json;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// What the public form hands to the platform's double opt-in: held unconfirmed in host.db (state „angefragt“, deleted
/// after 48 hours unconfirmed), stored in the module only once its sender opens the mailed link.
/// </summary>
internal sealed record OeffentlicheAnmeldung(Guid TerminId, AnmeldungEingabe Eingabe, DateTimeOffset AngefragtAm)
{
    public const string OptInKind = "Schulungen.anmeldung";

    public string Payload() => JsonSerializer.Serialize(this);
}

/// <summary>
/// The confirmed link registers the person; a refusal at that moment (full, closed, registered already, a school since
/// removed) is a rule of the module, which the confirmation page shows — nothing is stored and the link stays usable.
/// </summary>
internal sealed class AnmeldungBestaetigt(IMediator mediator) : IOptInHandler
{
    public string Kind => OeffentlicheAnmeldung.OptInKind;

    public async Task ConfirmAsync(string payload, CancellationToken cancellationToken)
    {
        var anmeldung = JsonSerializer.Deserialize<OeffentlicheAnmeldung>(payload)!;
        try
        {
            await mediator.Send(new RecordAnmeldung(anmeldung.TerminId, anmeldung.Eingabe, Oeffentlich: true, anmeldung.AngefragtAm), cancellationToken);
        }
        catch (RequestValidationException ex)
        {
            throw new DomainRuleException(string.Join(" ", ex.Errors.Select(e => e.Message)));
        }
        catch (RecordNotFoundException ex)
        {
            throw new DomainRuleException(ex.Message);
        }
    }
}
