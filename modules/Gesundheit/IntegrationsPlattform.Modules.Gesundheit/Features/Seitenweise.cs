using System.Data;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Gesundheit.Features;

/// <summary>One page of a filtered list: how many rows the filter finds in all, then the rows of the page in their order.</summary>
internal static class Seitenweise
{
    /// <param name="zaehlen">The count without its condition, e.g. <c>SELECT count(*) FROM kampagnen k</c>.</param>
    /// <param name="filter">The condition (<c> WHERE …</c>) and its parameters; the page's own are added.</param>
    /// <param name="zeilen">Reads the rows for a condition with its order and limit appended.</param>
    public static async Task<PagedList<T>> LesenAsync<T>(
        IModuleDatabase<GesundheitModule> database, string zaehlen, (string Where, DynamicParameters Parameter) filter, string ordnung, int seite, int seitenGroesse,
        Func<IDbConnection, string, object, Task<IReadOnlyList<T>>> zeilen, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(seitenGroesse);
        seite = Math.Max(1, seite);
        var (where, parameter) = filter;
        parameter.Add("take", groesse);
        parameter.Add("skip", Paging.Offset(seite, groesse));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"{zaehlen} {where}", parameter);
        var rows = await zeilen(connection, $"{where} ORDER BY {ordnung} LIMIT @take OFFSET @skip", parameter);
        return new PagedList<T>(rows, total, seite, groesse);
    }
}
