using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>
/// Changes a provider organisation's name, description, contact and municipality. Not reviewed like an offer's
/// change: only staff (<see cref="GesundheitModule.Verwalten"/>) maintain providers, and the HSDS API shows the change at once.
/// </summary>
internal sealed record UpdateAnbieter(string Id, AnbieterEingabe Eingabe) : ICommand<Done>;

internal sealed class UpdateAnbieterValidator(DeploymentInfo deployment) : IValidator<UpdateAnbieter>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateAnbieter request, CancellationToken cancellationToken)
        => Task.FromResult(AnbieterPruefung.Eingabe(request.Eingabe, deployment));
}

internal sealed class UpdateAnbieterHandler(IModuleDatabase<GesundheitModule> database, IAuditTrail audit) : IRequestHandler<UpdateAnbieter, Done>
{
    public async Task<Done> Handle(UpdateAnbieter request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.Id.ToLowerInvariant();
        await AnbieterSchreiben.NameFreiAsync(tx, request.Eingabe, id);
        var geaendert = await tx.Connection.ExecuteAsync(
            """
            UPDATE anbieter SET name = @Name, beschreibung = @Beschreibung, email = @Email, website = @Website, telefon = @Telefon, kommune_ags = @KommuneAgs
            WHERE id = @Id
            """,
            AnbieterSchreiben.Werte(id, request.Eingabe, jetzt: null),
            tx.Sql);
        if (geaendert == 0)
        {
            throw new RecordNotFoundException("Anbieter nicht gefunden.");
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anbieter", id), cancellationToken);
        return Done.Value;
    }
}
