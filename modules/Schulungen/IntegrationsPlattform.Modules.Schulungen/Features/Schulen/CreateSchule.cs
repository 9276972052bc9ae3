using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>A school of the Kreis whose staff take part in trainings.</summary>
internal sealed record CreateSchule(SchuleEingabe Eingabe) : ICommand<string>;

internal sealed class CreateSchuleHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<CreateSchule, string>
{
    public async Task<string> Handle(CreateSchule request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7().ToString();
        var e = request.Eingabe;
        await SchulePruefung.SchreibenAsync(
            database.Transaction,
            "INSERT INTO schulen (id, name, schulart, kommune_ags, angelegt_am) VALUES (@id, @name, @schulart, @kommune, @jetzt)",
            new { id, name = e.Name!.Trim(), schulart = e.Schulart, kommune = e.Kommune, jetzt = GermanFormat.StoredInstant(clock.UtcNow) },
            e.Schulart!);
        return id;
    }
}
