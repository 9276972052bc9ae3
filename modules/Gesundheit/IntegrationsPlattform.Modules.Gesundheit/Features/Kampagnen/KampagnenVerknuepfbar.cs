using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>
/// The campaigns as linkable records (Konzept's measures point at them without naming the module): found by title for
/// staff with <see cref="GesundheitModule.Verwalten"/>, which cannot be narrowed, so they see every campaign. A campaign
/// in one municipality names it; one across several names none, since the hit has room for one.
/// </summary>
internal sealed class KampagnenVerknuepfbar(IModuleDatabase<GesundheitModule> database, ICurrentUser user) : ILinkableRecordProvider
{
    public const string Art = "Kampagne";

    public static string Link(string id) => $"/gesundheit/verwaltung/kampagnen/{id}";

    /// <summary>What a campaign's status change announces, written by the command on its transaction.</summary>
    public static LinkableRecordChanged Geaendert(string id, string titel, string status)
        => new("Gesundheit", Art, id, titel, Lebenszyklen.Kampagne.Label(status), Link(id));

    public async Task<IReadOnlyList<LinkableRecordHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        if (!user.Has(GesundheitModule.Verwalten))
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await KampagnenSql.ZeilenAsync(connection, "WHERE k.titel LIKE @like ORDER BY k.beginn DESC, k.id LIMIT @limit", new { like = $"%{text}%", limit });
        return rows.Select(k => new LinkableRecordHit(
                Art, k.Id, k.Titel, GermanFormat.ParseStoredDay(k.Beginn), k.Kommunen.Count == 1 ? k.Kommunen[0] : null, k.StatusText, Link(k.Id)))
            .ToList();
    }
}
