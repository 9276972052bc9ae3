using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Exporte;

/// <summary>
/// A session's attendance as CSV: per seat holder each appointment (anwesend, abwesend, or empty while not recorded),
/// the share attended and the state — for whoever may read the session's attendance (a trainer: her own sessions). One
/// Export entry in the audit trail with the count.
/// </summary>
internal sealed record ExportAnwesenheit(string TerminId) : IQuery<byte[]>;

internal sealed class ExportAnwesenheitHandler(IModuleDatabase<SchulungenModule> database, ICurrentUser user, IAuditTrail audit, ILocalClock clock, DeploymentInfo deployment)
    : IRequestHandler<ExportAnwesenheit, byte[]>
{
    public async Task<byte[]> Handle(ExportAnwesenheit request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AnwesenheitReichweite.PruefenAsync(user, connection, request.TerminId, schreiben: false);
        var liste = await AnwesenheitLesen.LadenAsync(connection, request.TerminId, clock, deployment);
        await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Anwesenheit", request.TerminId, $"CSV: {liste.Teilnehmende.Count} Teilnehmende"), cancellationToken);
        return CsvExport.Write(
            ["Name", .. liste.Zeiten.Select(z => $"Termintag {z.Nummer} ({ExportSeiten.Ortszeit(z.Beginn)})"), "Anteil", "Status"],
            liste.Teilnehmende.Select(t => (IReadOnlyList<string?>)
            [
                t.Name, .. t.Anwesend.Select(a => a switch { true => "anwesend", false => "abwesend", null => "" }), t.AnteilText, TeilnahmeRegeln.StatusText(t.Status),
            ]));
    }
}
