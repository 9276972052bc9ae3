using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>DSGVO Art. 17: blanks the contact person and the notes of the contacts log; the organisation stays.</summary>
internal sealed record DeleteAnsprechperson(string TraegerId) : ICommand<Done>;

internal sealed class DeleteAnsprechpersonHandler(IModuleDatabase<LotsenModule> database) : IRequestHandler<DeleteAnsprechperson, Done>
{
    public const string GeloeschtText = "[gelöscht nach Art. 17 DSGVO]";

    public async Task<Done> Handle(DeleteAnsprechperson request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await tx.Connection.ExecuteAsync("UPDATE traeger SET ansprechperson = NULL, email = NULL, telefon = NULL WHERE id = @id", new { id = request.TraegerId }, tx.Sql);
        await tx.Connection.ExecuteAsync("UPDATE traeger_kontakte SET notiz = @text WHERE traeger_id = @id", new { id = request.TraegerId, text = GeloeschtText }, tx.Sql);
        return Done.Value;
    }
}
