using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>
/// The provider organisations the user may maintain offers for: staff all, a provider's account its own, a
/// municipality grant those with an offer in its municipalities; <see cref="Suche"/> finds a part of the name,
/// e-mail or website, without case.
/// </summary>
internal sealed record ListAnbieter(string? Suche = null) : IQuery<IReadOnlyList<AnbieterZeile>>;

internal sealed class ListAnbieterHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user) : IRequestHandler<ListAnbieter, IReadOnlyList<AnbieterZeile>>
{
    /// <summary>The columns of <see cref="AnbieterZeile"/> in its order (Dapper maps them onto the constructor), from the table as <c>n</c>.</summary>
    public const string Spalten = "n.id, n.name, n.beschreibung, n.email, n.website, n.telefon, n.kommune_ags AS KommuneAgs";

    public async Task<IReadOnlyList<AnbieterZeile>> Handle(ListAnbieter request, CancellationToken cancellationToken)
    {
        var parameter = new DynamicParameters(new { suche = VerzeichnisSql.Enthaelt(request.Suche?.Trim() ?? "") });
        var sicht = RecordScope.Of(user, GesundheitModule.Angebote).SqlCondition(
            ags => $"EXISTS (SELECT 1 FROM angebote a WHERE a.anbieter_id = n.id AND {AngeboteSql.InKommunen(ags)})", ownerColumn: null, parameter, groupColumn: "n.id");
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<AnbieterZeile>(
            $"""
            SELECT {Spalten} FROM anbieter n
            WHERE {sicht} AND (n.name LIKE @suche ESCAPE '\' OR coalesce(n.email, '') LIKE @suche ESCAPE '\' OR coalesce(n.website, '') LIKE @suche ESCAPE '\')
            ORDER BY n.name COLLATE NOCASE
            """, parameter)).ToList();
    }
}
