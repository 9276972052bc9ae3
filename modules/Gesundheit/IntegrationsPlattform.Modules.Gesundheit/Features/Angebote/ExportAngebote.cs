using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>Every offer of the staff list with the same filters, for the CSV export.</summary>
internal sealed record ExportAngebote(AngebotFilter Filter) : IQuery<IReadOnlyList<AngebotZeile>>;

internal sealed class ExportAngeboteValidator(GesundheitSettings settings, DeploymentInfo deployment) : IValidator<ExportAngebote>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ExportAngebote request, CancellationToken cancellationToken)
        => Task.FromResult(AngebotPruefung.Filter(request.Filter, settings, deployment));
}

internal sealed class ExportAngeboteHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, GesundheitSettings settings, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<ExportAngebote, IReadOnlyList<AngebotZeile>>
{
    public async Task<IReadOnlyList<AngebotZeile>> Handle(ExportAngebote request, CancellationToken cancellationToken)
    {
        var (where, parameter) = AngeboteSql.Bedingungen(request.Filter, RecordScope.Of(user, GesundheitModule.Angebote), clock.Today);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await AngeboteSql.ZeilenAsync(connection, $"{where} ORDER BY Titel COLLATE NOCASE, a.id", parameter, settings, clock);
        await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Angebot", null, $"{rows.Count} Angebote"), cancellationToken);
        return rows;
    }
}
