using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>
/// The measures against barriers as linkable records (Konzept's measures point at them without naming the module), for
/// staff who manage barriers only (<see cref="GesundheitModule.Verwalten"/>, which cannot be scoped). Each kind of
/// record the module offers has a provider of its own. A status change announces itself with
/// <see cref="LinkableRecordChanged"/> (<see cref="ChangeMassnahmeStatusHandler"/>).
/// </summary>
internal sealed class MassnahmenVerknuepfbar(IModuleDatabase<GesundheitModule> database, ICurrentUser user) : ILinkableRecordProvider
{
    public const string Art = "Maßnahme gegen eine Zugangsbarriere";

    /// <summary>A measure is shown on its barrier's page.</summary>
    public static string Link(string barriereId) => $"/gesundheit/verwaltung/barrieren/{barriereId}";

    public async Task<IReadOnlyList<LinkableRecordHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        if (!user.Has(GesundheitModule.Verwalten))
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string BarriereId, string Titel, string Status, string? KommuneAgs)>(
            """
            SELECT m.id, m.barriere_id, m.titel, m.status, b.kommune_ags FROM massnahmen m JOIN barrieren b ON b.id = m.barriere_id
            WHERE m.titel LIKE @like OR m.beschreibung LIKE @like OR m.verantwortlich LIKE @like
            ORDER BY m.angelegt_am DESC, m.id DESC LIMIT @limit
            """,
            new { like = "%" + text + "%", limit });
        return rows.Select(r => new LinkableRecordHit(Art, r.Id, r.Titel, null, r.KommuneAgs, Lebenszyklen.Massnahme.Label(r.Status), Link(r.BarriereId))).ToList();
    }
}
