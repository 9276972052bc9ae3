using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Exporte;

/// <summary>
/// A session's registrations as CSV for staff: the list's rows (<see cref="ListAnmeldungen"/> as an export, which the
/// audit trail records as one Export entry with the count) with name, e-mail, schools, employer, state and dates.
/// </summary>
internal sealed record ExportAnmeldungen(Guid TerminId) : IQuery<byte[]>;

internal sealed class ExportAnmeldungenHandler(IMediator mediator, ILocalClock clock) : IRequestHandler<ExportAnmeldungen, byte[]>
{
    public async Task<byte[]> Handle(ExportAnmeldungen request, CancellationToken cancellationToken)
    {
        var liste = await mediator.Send(new ListAnmeldungen(request.TerminId, AlsExport: true), cancellationToken);
        return CsvExport.Write(
            ["Nachname", "Vorname", "E-Mail", "Schulen", "Arbeitgeber oder Träger", "Status", "Warteplatz", "Bestätigt am", "Abgemeldet am"],
            liste.Anmeldungen.Select(a => (IReadOnlyList<string?>)
            [
                a.Nachname, a.Vorname, a.Email, a.Schulen, a.Arbeitgeber, Lebenszyklen.Anmeldung.Label(a.Status),
                a.Warteplatz?.ToString(GermanFormat.Culture), ExportSeiten.Zeitpunkt(a.BestaetigtAm, clock), ExportSeiten.Zeitpunkt(a.AbgemeldetAm, clock),
            ]));
    }
}
