using System.Data;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>One school.</summary>
internal sealed record GetSchule(string Id) : IQuery<SchuleZeile>;

internal sealed class GetSchuleHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<GetSchule, SchuleZeile>
{
    public async Task<SchuleZeile> Handle(GetSchule request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LadeAsync(connection, request.Id, null) ?? throw new RecordNotFoundException("Schule nicht gefunden.");
    }

    public static Task<SchuleZeile?> LadeAsync(SqliteConnection connection, string id, IDbTransaction? transaction)
        => connection.QuerySingleOrDefaultAsync<SchuleZeile>(
            """
            SELECT s.id, s.name, s.schulart, a.bezeichnung AS SchulartText, s.kommune_ags AS Kommune
            FROM schulen s JOIN schularten a ON a.schluessel = s.schulart WHERE s.id = @id
            """,
            new { id }, transaction);
}
