using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// The participant's own registration behind her personal link: session, appointments, state and whether the link may
/// still cancel it. Nothing but what her mail said already; an unknown token is a 404 without any hint.
/// </summary>
internal sealed record GetAnmeldungPerLink(string Token) : IQuery<AnmeldungPerLink>;

internal sealed record AnmeldungPerLink(string AnmeldungId, string TerminId, string Kurs, string Status, int? Warteplatz, IReadOnlyList<TerminZeit> Zeiten, string? NichtAbmeldbar)
{
    public const string Unbekannt = "Dieser Link ist ungültig. Bitte verwenden Sie den Link aus Ihrer letzten E-Mail zu dieser Anmeldung.";
}

internal sealed class GetAnmeldungPerLinkHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<GetAnmeldungPerLink, AnmeldungPerLink>
{
    public async Task<AnmeldungPerLink> Handle(GetAnmeldungPerLink request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var a = await connection.QuerySingleOrDefaultAsync<(string Id, string Status, string TerminId, string Kurs, string TerminStatus, string? Beginnt, long? Warteplatz)?>(
            """
            SELECT a.id, a.status, t.id, k.titel, t.status, t.beginnt_am,
                   CASE WHEN a.status = 'warteliste' THEN (SELECT count(*) FROM anmeldungen w
                        WHERE w.termin_id = a.termin_id AND w.status = 'warteliste' AND w.warteposition <= a.warteposition) END
            FROM anmeldungen a JOIN termine t ON t.id = a.termin_id JOIN kurse k ON k.id = t.kurs_id
            WHERE a.abmelde_token_hash = @hash
            """,
            new { hash = AbmeldeLink.Hash(request.Token) })
            ?? throw new RecordNotFoundException(AnmeldungPerLink.Unbekannt);
        var zeiten = await AnmeldungenSql.ZeitenAsync(connection, a.TerminId);
        var nichtAbmeldbar = Anmelderegeln.WarumNichtAbmeldbar(
            a.Status, a.TerminStatus, a.Beginnt is null ? null : AnmeldungenSql.LokaleZeit(a.Beginnt), clock.ToLocal(clock.UtcNow).DateTime);
        return new AnmeldungPerLink(a.Id, a.TerminId, a.Kurs, a.Status, (int?)a.Warteplatz, zeiten, nichtAbmeldbar);
    }
}
