using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Storage;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// Sessions as records others point at (Konzept's measures): found by their course's title among the sessions the user
/// may see (<see cref="TerminBereich"/>), latest first. A status change announces itself with
/// <see cref="LinkableRecordChanged"/> (<see cref="Geaendert"/>).
/// </summary>
internal sealed class TermineVerknuepfbar(IModuleDatabase<SchulungenModule> database, ICurrentUser user) : ILinkableRecordProvider
{
    public const string Art = "Schulungstermin";

    public static string Link(string id) => $"/schulungen/termine/{id}";

    /// <summary>What the command publishes through the outbox after a session's status changed.</summary>
    public static LinkableRecordChanged Geaendert(string id, string kurs, string status)
        => new("Schulungen", Art, id, kurs, Lebenszyklen.Termin.Label(status), Link(id));

    public async Task<IReadOnlyList<LinkableRecordHit>> SearchAsync(string text, int limit, CancellationToken cancellationToken)
    {
        var parameter = new DynamicParameters(new { suche = Suchtext.Like(text), limit });
        var sichtbar = TerminBereich.SqlCondition(TerminBereich.Of(user), parameter);
        await using var connection = await database.OpenAsync(cancellationToken);
        var zeilen = await connection.QueryAsync<(string Id, string Kurs, string? BeginntAm, string? KommuneAgs, string Status)>(
            $"""
            SELECT t.id, k.titel, t.beginnt_am, t.kommune_ags, t.status FROM termine t JOIN kurse k ON k.id = t.kurs_id
            WHERE {sichtbar} AND k.titel LIKE '%' || @suche || '%' ESCAPE '\'
            ORDER BY t.beginnt_am DESC, t.id LIMIT @limit
            """,
            parameter);
        return zeilen.Select(z => new LinkableRecordHit(
                Art, z.Id, z.Kurs, z.BeginntAm is null ? null : TerminRegeln.LeseOrtszeit(z.BeginntAm).Tag, z.KommuneAgs, Lebenszyklen.Termin.Label(z.Status), Link(z.Id)))
            .ToList();
    }
}
