using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>Assignments the user may see: all or their municipalities for staff, their own for a Lotse.</summary>
internal sealed record ListEinsaetze(EinsatzFilter Filter) : IQuery<PagedList<EinsatzZeile>>;

internal sealed class ListEinsaetzeHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ListEinsaetze, PagedList<EinsatzZeile>>
{
    public const int Seitengroesse = 25;

    public async Task<PagedList<EinsatzZeile>> Handle(ListEinsaetze request, CancellationToken cancellationToken)
    {
        var f = request.Filter;
        await using var connection = await database.OpenAsync(cancellationToken);
        var sicht = await AnfragenReichweite.FuerAsync(user, LotsenModule.EinsaetzeErfassen, connection);
        var (von, bis) = Monatsgrenzen(f.Monat, clock);
        var p = new DynamicParameters(new { status = f.Status, von, bis, limit = Seitengroesse, offset = Paging.Offset(f.Seite, Seitengroesse) });
        var where = $"""
            WHERE {sicht.SqlCondition(ags => $"a.kommune_ags IN {ags}", "e.lotse_id", p)}
              AND (@status IS NULL OR e.status = @status)
              AND (@von IS NULL OR (e.beginn >= @von AND e.beginn < @bis))
            """;
        var total = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM einsaetze e JOIN anfragen a ON a.id = e.anfrage_id {where}", p);
        var rows = await connection.QueryAsync<EinsatzZeile>($"{EinsatzAbfrage.Spalten} {where} ORDER BY e.beginn DESC LIMIT @limit OFFSET @offset", p);
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Einsatz", null, $"Filter Status={f.Status ?? "alle"}, Monat={f.Monat ?? "alle"}; {total} Treffer"), cancellationToken);
        return new PagedList<EinsatzZeile>(rows.ToList(), (int)total, Math.Max(1, f.Seite), Seitengroesse);
    }

    /// <summary>"2026-12" → the UTC bounds of that local month; anything else means no month filter.</summary>
    private static (string? Von, string? Bis) Monatsgrenzen(string? monat, ILocalClock clock)
    {
        if (monat is null || !DateOnly.TryParseExact(monat + "-01", "yyyy-MM-dd", out var erster))
        {
            return (null, null);
        }

        return (GermanFormat.StoredInstant(clock.ToUtc(erster, TimeOnly.MinValue)), GermanFormat.StoredInstant(clock.ToUtc(erster.AddMonths(1), TimeOnly.MinValue)));
    }
}
