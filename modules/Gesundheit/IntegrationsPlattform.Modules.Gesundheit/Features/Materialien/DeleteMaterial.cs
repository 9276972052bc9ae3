using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialien;

/// <summary>
/// Withdraws a material from both versions of the offer at once — an outdated flyer leaves the public page without
/// waiting for review, since taking a download away shows the public nothing new. Returns the file's id, which the
/// caller deletes from the file store once this has committed.
/// </summary>
internal sealed record DeleteMaterial(string AngebotId, string MaterialId) : ICommand<Guid>;

internal sealed class DeleteMaterialHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<DeleteMaterial, Guid>
{
    public async Task<Guid> Handle(DeleteMaterial request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var angebotId = request.AngebotId.ToLowerInvariant();
        await AngebotSchreiben.ZumAendernAsync(tx, RecordScope.Of(user, GesundheitModule.Angebote), angebotId);
        var parameter = new { angebotId, materialId = request.MaterialId.ToLowerInvariant() };
        var datei = await tx.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT datei_id FROM materialien WHERE id = @materialId AND angebot_id = @angebotId AND fassung = 'arbeit'", parameter, tx.Sql)
            ?? throw new RecordNotFoundException("Material nicht gefunden.");
        await tx.Connection.ExecuteAsync("DELETE FROM materialien WHERE id = @materialId AND angebot_id = @angebotId", parameter, tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Angebot", angebotId, $"Material {parameter.materialId} entfernt"), cancellationToken);
        return Guid.Parse(datei);
    }
}
