using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record UpdateTraeger(string Id, string? Name, string? Ansprechperson, string? Email, string? Telefon, IReadOnlyList<string>? Kommunen, string? Notiz)
    : ICommand<Done>, ITraegerStammdaten;

internal sealed class UpdateTraegerValidator(DeploymentInfo deployment) : IValidator<UpdateTraeger>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateTraeger request, CancellationToken cancellationToken) => Task.FromResult(TraegerPruefung.Stammdaten(request, deployment));
}

internal sealed class UpdateTraegerHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ILocalClock clock, IAuditTrail audit) : IRequestHandler<UpdateTraeger, Done>
{
    public async Task<Done> Handle(UpdateTraeger request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await TraegerSchreiben.StatusAsync(tx, request.Id);

        // An agreement past its planned end binds no municipality any more.
        await Vereinbarungsende.BeendeAbgelaufeneAsync(tx, clock.Today, clock.UtcNow, deployment);
        var name = request.Name!.Trim();
        await TraegerSchreiben.PruefeNameFreiAsync(tx, name, ausser: request.Id);

        // A municipality an active agreement covers stays on the list until that agreement ends.
        var kommunen = TraegerSchreiben.Kommunen(request.Kommunen);
        var gebunden = await tx.Connection.QueryAsync<string>(
            "SELECT vk.ags FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id WHERE v.traeger_id = @id AND vk.aktiv = 1",
            new { id = request.Id }, tx.Sql);
        var fehlend = gebunden.Where(ags => !kommunen.Contains(ags)).ToList();
        if (fehlend.Count > 0)
        {
            throw RequestValidationException.For("kommunen",
                $"Diese Kommunen deckt der Träger mit seiner laufenden Vereinbarung ab; sie bleiben, bis die Vereinbarung beendet ist: {string.Join(", ", fehlend.Select(a => deployment.MunicipalityName(a)))}.");
        }

        await tx.Connection.ExecuteAsync(
            "UPDATE traeger SET name = @name, ansprechperson = @ansprechperson, email = @email, telefon = @telefon, notiz = @notiz WHERE id = @id",
            new
            {
                id = request.Id, name,
                ansprechperson = TraegerSchreiben.Sauber(request.Ansprechperson),
                email = TraegerSchreiben.Sauber(request.Email),
                telefon = TraegerSchreiben.Sauber(request.Telefon),
                notiz = TraegerSchreiben.Sauber(request.Notiz),
            },
            tx.Sql);
        await tx.Connection.ExecuteAsync("DELETE FROM traeger_kommunen WHERE traeger_id = @id", new { id = request.Id }, tx.Sql);
        await TraegerSchreiben.SchreibeKommunenAsync(tx, request.Id, kommunen);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.Id, "Stammdaten geändert"), cancellationToken);
        return Done.Value;
    }
}
