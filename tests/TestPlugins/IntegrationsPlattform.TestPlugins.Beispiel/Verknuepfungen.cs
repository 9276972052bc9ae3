using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// Linkable records in a module: its entries, found by title within what the user may read, with a status that changes
/// when the entry's person has created the account it was invited to (<see cref="KontoVerknuepfenHandler"/> announces it
/// with <see cref="LinkableRecordChanged"/>).
/// </summary>
internal sealed class EintraegeVerknuepfbar(IModuleDatabase<BeispielModule> database, ICurrentUser user, ILocalClock clock) : ILinkableRecordProvider
{
    public const string Art = "Eintrag";

    public static string Status(string? konto) => konto is null ? "ohne Konto" : "mit Konto";

    public static string Link(string id) => $"/beispiel?eintrag={id}";

    public async Task<IReadOnlyList<LinkableRecordHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { like = "%" + text + "%", limit });
        var visible = RecordScope.Of(user, BeispielModule.Lesen).SqlCondition(ags => $"kommune_ags IN {ags}", null, parameters, groupColumn: "arbeitskreis");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Titel, string KommuneAgs, string CreatedAt, string? Konto)>(
            $"SELECT id, titel, kommune_ags, created_at, konto FROM eintraege WHERE {visible} AND titel LIKE @like ORDER BY created_at DESC LIMIT @limit", parameters);
        return rows.Select(r => new LinkableRecordHit(
                Art, r.Id, r.Titel, DateOnly.FromDateTime(clock.ToLocal(DateTimeOffset.Parse(r.CreatedAt, CultureInfo.InvariantCulture)).DateTime), r.KommuneAgs, Status(r.Konto), Link(r.Id)))
            .ToList();
    }
}
