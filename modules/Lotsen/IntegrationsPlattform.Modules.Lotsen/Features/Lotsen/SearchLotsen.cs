using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record SearchLotsen(LotsenFilter Filter, int Seite = 1, int Groesse = Paging.DefaultPageSize) : IQuery<PagedList<LotseZeile>>;

internal sealed class SearchLotsenHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit)
    : IRequestHandler<SearchLotsen, PagedList<LotseZeile>>
{
    public async Task<PagedList<LotseZeile>> Handle(SearchLotsen request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.Groesse);
        var seite = Math.Max(1, request.Seite);
        var (where, p) = LotsenSql.Bedingungen(request.Filter, RecordScope.Of(user, LotsenModule.Lesen));
        p.Add("take", groesse);
        p.Add("skip", Paging.Offset(seite, groesse));
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM lotsen l WHERE {where}", p);
        var rows = (await connection.QueryAsync<(string Id, string Vorname, string Nachname, string Status)>(
            $"SELECT l.id, l.vorname, l.nachname, l.status FROM lotsen l WHERE {where} ORDER BY l.nachname COLLATE NOCASE, l.vorname COLLATE NOCASE LIMIT @take OFFSET @skip", p)).ToList();
        var listen = await LotsenListen.LadenAsync(connection, rows.Select(r => r.Id).ToList());
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Lotse", null, $"Suche: {request.Filter.Beschreibung()}; {total} Treffer"), cancellationToken);
        return new PagedList<LotseZeile>(
            rows.Select(r => new LotseZeile(r.Id, r.Vorname, r.Nachname, r.Status, listen.Sprachen(r.Id), listen.Kommunen(r.Id), listen.Themen(r.Id))).ToList(),
            (int)total, seite, groesse);
    }
}
