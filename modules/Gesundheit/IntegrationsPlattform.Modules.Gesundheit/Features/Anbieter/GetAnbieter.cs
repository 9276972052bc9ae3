using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>One provider organisation as staff maintain it.</summary>
internal sealed record GetAnbieter(string Id) : IQuery<AnbieterZeile>;

internal sealed class GetAnbieterHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<GetAnbieter, AnbieterZeile>
{
    public async Task<AnbieterZeile> Handle(GetAnbieter request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AnbieterZeile>(
                $"SELECT {ListAnbieterHandler.Spalten} FROM anbieter n WHERE n.id = @id", new { id = request.Id.ToLowerInvariant() })
            ?? throw new RecordNotFoundException("Anbieter nicht gefunden.");
    }
}
