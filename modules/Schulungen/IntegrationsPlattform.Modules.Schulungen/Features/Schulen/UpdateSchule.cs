using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>Changes a school's name, type or municipality.</summary>
internal sealed record UpdateSchule(string Id, SchuleEingabe Eingabe) : ICommand<Done>;

internal sealed class UpdateSchuleHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<UpdateSchule, Done>
{
    public async Task<Done> Handle(UpdateSchule request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        if (await GetSchuleHandler.LadeAsync(tx.Connection, request.Id, tx.Sql) is null)
        {
            throw new RecordNotFoundException("Schule nicht gefunden.");
        }

        var e = request.Eingabe;
        await SchulePruefung.SchreibenAsync(
            tx,
            "UPDATE schulen SET name = @name, schulart = @schulart, kommune_ags = @kommune WHERE id = @id",
            new { id = request.Id, name = e.Name!.Trim(), schulart = e.Schulart, kommune = e.Kommune },
            e.Schulart!);
        return Done.Value;
    }
}
