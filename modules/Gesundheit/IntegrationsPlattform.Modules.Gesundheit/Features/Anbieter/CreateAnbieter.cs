using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>A new provider organisation (a name unique in the Kreis); returns its id, which is also its scope group's id.</summary>
internal sealed record CreateAnbieter(AnbieterEingabe Eingabe) : ICommand<string>;

internal sealed class CreateAnbieterValidator(DeploymentInfo deployment) : IValidator<CreateAnbieter>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateAnbieter request, CancellationToken cancellationToken)
        => Task.FromResult(AnbieterPruefung.Eingabe(request.Eingabe, deployment));
}

internal sealed class CreateAnbieterHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<CreateAnbieter, string>
{
    public async Task<string> Handle(CreateAnbieter request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = Guid.CreateVersion7().ToString();
        await AnbieterSchreiben.NameFreiAsync(tx, request.Eingabe, id);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO anbieter (id, name, beschreibung, email, website, telefon, kommune_ags, angelegt_am)
            VALUES (@Id, @Name, @Beschreibung, @Email, @Website, @Telefon, @KommuneAgs, @jetzt)
            """,
            AnbieterSchreiben.Werte(id, request.Eingabe, GermanFormat.StoredInstant(clock.UtcNow)),
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Anbieter", id), cancellationToken);
        return id;
    }
}
