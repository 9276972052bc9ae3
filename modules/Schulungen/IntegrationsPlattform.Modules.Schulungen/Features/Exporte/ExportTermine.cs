using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Kurse;
using IntegrationsPlattform.Modules.Schulungen.Features.Termine;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Exporte;

/// <summary>
/// The session list as CSV with the list's filters: every page of <see cref="ListTermine"/>, so the user's scope (a
/// trainer: her own sessions) and the filters' checks are the list's. Sessions hold no personal data.
/// </summary>
internal sealed record ExportTermine(string? Kurs, string? Kommune, string? Status, int? Schuljahr) : IQuery<byte[]>;

internal sealed class ExportTermineHandler(IMediator mediator, DeploymentInfo deployment) : IRequestHandler<ExportTermine, byte[]>
{
    public async Task<byte[]> Handle(ExportTermine request, CancellationToken cancellationToken)
    {
        var zeilen = await ExportSeiten.AlleAsync(seite => mediator.Send(
            new ListTermine(request.Kurs, request.Kommune, request.Status, request.Schuljahr, seite, Paging.MaxPageSize), cancellationToken));
        return CsvExport.Write(
            ["Kurs", "Beginn", "Ende", "Kommune", "Termintage", "Plätze", "Belegt", "Warteliste", "Anmeldeschluss", "Status"],
            zeilen.Select(t => (IReadOnlyList<string?>)
            [
                t.Kurs, ExportSeiten.Ortszeit(t.BeginntAm), ExportSeiten.Ortszeit(t.EndetAm),
                t.Kommune is null ? "online" : deployment.MunicipalityName(t.Kommune), t.Zeiten.ToString(GermanFormat.Culture),
                t.Kapazitaet.ToString(GermanFormat.Culture), t.Angemeldet.ToString(GermanFormat.Culture), t.Wartend.ToString(GermanFormat.Culture),
                GermanFormat.Day(GermanFormat.ParseStoredDay(t.Anmeldeschluss)), t.StatusText,
            ]));
    }
}

/// <summary>The course catalogue as CSV with the list's search and status filter. Courses hold no personal data.</summary>
internal sealed record ExportKurse(string? Status, string? Suche) : IQuery<byte[]>;

internal sealed class ExportKurseHandler(IMediator mediator) : IRequestHandler<ExportKurse, byte[]>
{
    public async Task<byte[]> Handle(ExportKurse request, CancellationToken cancellationToken)
    {
        var zeilen = await ExportSeiten.AlleAsync(seite => mediator.Send(new ListKurse(request.Status, request.Suche, seite, Paging.MaxPageSize), cancellationToken));
        return CsvExport.Write(
            ["Titel", "Format", "Unterrichtseinheiten", "Stunden", "Status", "Termine"],
            zeilen.Select(k => (IReadOnlyList<string?>)
            [
                k.Titel, k.FormatText, k.Unterrichtseinheiten.ToString(GermanFormat.Culture), CsvExport.Number(k.Stunden), k.StatusText,
                k.Termine.ToString(GermanFormat.Culture),
            ]));
    }
}
