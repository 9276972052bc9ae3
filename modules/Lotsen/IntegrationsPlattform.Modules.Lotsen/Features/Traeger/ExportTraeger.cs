using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>Every Träger matching the filters, with the contact person, for the CSV export.</summary>
internal sealed record ExportTraeger(string? Status, string? Kommune, string? Suche) : IQuery<IReadOnlyList<TraegerExportZeile>>;

internal sealed class ExportTraegerValidator(DeploymentInfo deployment) : IValidator<ExportTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ExportTraeger request, CancellationToken cancellationToken)
        => Task.FromResult(TraegerPruefung.Filter(request.Status, request.Kommune, request.Suche, deployment));
}

internal sealed class ExportTraegerHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ExportTraeger, IReadOnlyList<TraegerExportZeile>>
{
    private sealed record Zeile(string Id, string Name, string Status, string StatusSeit, string? Ansprechperson, string? Email, string? Telefon, string? Notiz);

    public async Task<IReadOnlyList<TraegerExportZeile>> Handle(ExportTraeger request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Zeile>(
            $"""
            SELECT t.id, t.name, t.status, t.status_seit AS StatusSeit, t.ansprechperson, t.email, t.telefon, t.notiz
            FROM traeger t {TraegerFilter.Where} ORDER BY t.name COLLATE NOCASE
            """,
            TraegerFilter.Parameter(request.Status, request.Kommune, request.Suche))).ToList();
        var (kommunen, aktiv) = await TraegerFilter.KommunenAsync(connection, rows.Select(r => r.Id).ToList(), Vereinbarungsende.Heute(clock));

        await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Traeger", null, "CSV-Export, " + TraegerFilter.Beschreibung(request.Status, request.Kommune, request.Suche, rows.Count)), cancellationToken);
        return rows.Select(r => new TraegerExportZeile(r.Id, r.Name, r.Status, r.StatusSeit, r.Ansprechperson, r.Email, r.Telefon, kommunen[r.Id].ToList(), aktiv[r.Id].ToList(), r.Notiz)).ToList();
    }
}
