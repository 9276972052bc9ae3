using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>Languages, municipalities and topics of a set of Lotsen: one query per table, however many rows.</summary>
internal sealed class LotsenListen
{
    private ILookup<string, string> _sprachen = Array.Empty<string>().ToLookup(x => x);
    private ILookup<string, string> _kommunen = Array.Empty<string>().ToLookup(x => x);
    private ILookup<string, string> _themen = Array.Empty<string>().ToLookup(x => x);

    public IReadOnlyList<string> Sprachen(string id) => _sprachen[id].ToList();

    public IReadOnlyList<string> Kommunen(string id) => _kommunen[id].ToList();

    public IReadOnlyList<string> Themen(string id) => _themen[id].ToList();

    public static async Task<LotsenListen> LadenAsync(SqliteConnection connection, IReadOnlyList<string> ids)
    {
        var listen = new LotsenListen();
        if (ids.Count == 0)
        {
            return listen;
        }

        listen._sprachen = (await connection.QueryAsync<(string Id, string Wert)>("SELECT lotse_id, code FROM lotse_sprachen WHERE lotse_id IN @ids ORDER BY lotse_id, code", new { ids }))
            .ToLookup(r => r.Id, r => r.Wert);
        listen._kommunen = (await connection.QueryAsync<(string Id, string Wert)>("SELECT lotse_id, ags FROM lotse_kommunen WHERE lotse_id IN @ids ORDER BY lotse_id, ags", new { ids }))
            .ToLookup(r => r.Id, r => r.Wert);
        listen._themen = (await connection.QueryAsync<(string Id, string Wert)>("SELECT lotse_id, thema FROM lotse_themen WHERE lotse_id IN @ids ORDER BY lotse_id, thema", new { ids }))
            .ToLookup(r => r.Id, r => r.Wert);
        return listen;
    }
}
