using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;

internal sealed record VorschlagDto(int Rang, string LotseId, string Name, string? FruehesterTag, IReadOnlyList<string> Gruende, IReadOnlyList<string> Einschraenkungen);

/// <summary>The ranked suitable Lotsen for an open request, with the reasons.</summary>
internal sealed record GetVorschlaege(Guid AnfrageId) : IQuery<IReadOnlyList<VorschlagDto>>;

internal sealed class GetVorschlaegeHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IMediator mediator, LotsenSettings settings)
    : IRequestHandler<GetVorschlaege, IReadOnlyList<VorschlagDto>>
{
    public async Task<IReadOnlyList<VorschlagDto>> Handle(GetVorschlaege request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var anfrage = await GetAnfrageHandler.LadeAsync(connection, null, request.AnfrageId.ToString(), await Sichtbereich.FuerAsync(user, LotsenModule.Bearbeiten, connection));
        if (anfrage.Status != "offen")
        {
            throw new DomainRuleException($"Vorschläge gibt es nur für offene Anfragen; diese ist {Lebenszyklen.Anfrage.Text(anfrage.Status)}.");
        }

        var deployment = await mediator.Send(new GetDeployment(), cancellationToken);
        var bedarf = new Bedarf(
            anfrage.Sprachen,
            anfrage.KommuneAgs,
            anfrage.Thema,
            settings.ThemenQualifikation.GetValueOrDefault(anfrage.Thema),
            new Wunschzeitraum(
                GermanFormat.ParseStoredDay(anfrage.DatumVon),
                GermanFormat.ParseStoredDay(anfrage.DatumBis),
                anfrage.UhrzeitVon is null ? null : TimeOnly.ParseExact(anfrage.UhrzeitVon, "HH:mm"),
                anfrage.UhrzeitBis is null ? null : TimeOnly.ParseExact(anfrage.UhrzeitBis, "HH:mm")));
        var kandidaten = await KandidatenAsync(connection, anfrage.Sprachen, bedarf.BenoetigteQualifikation, clock);
        return Matching.Rangfolge(bedarf, kandidaten, clock.Today, ags => deployment.FindMunicipality(ags)?.Name ?? ags, settings.ThemaText)
            .Take(Hoechstens)
            .Select(v => new VorschlagDto(v.Rang, v.Lotse.LotseId, v.Lotse.Name, v.FruehesterTag is { } tag ? GermanFormat.StoredDay(tag) : null, v.Gruende, v.Einschraenkungen))
            .ToList();
    }

    /// <summary>Staff choose among the best; a list of hundreds helps nobody and costs time to send and show.</summary>
    public const int Hoechstens = 25;

    /// <summary>
    /// Active Lotsen who speak one of the languages and hold the Basisqualifizierung (and the topic's
    /// required course), with everything matching weighs, in one round trip. The trainings are conditions
    /// of suitability, so they narrow the candidates here already; <see cref="Matching"/> checks them again.
    /// </summary>
    public static async Task<IReadOnlyList<Kandidat>> KandidatenAsync(SqliteConnection connection, IReadOnlyList<string> sprachen, string? benoetigteQualifikation, ILocalClock clock)
    {
        var heute = clock.Today;
        var monatsanfang = new DateOnly(heute.Year, heute.Month, 1);
        // Driven by the language index (speakers of the language, then their status by primary key): a
        // correlated EXISTS made SQLite walk every active Lotse instead, in each of the seven statements.
        const string Kandidaten = """
            SELECT s.lotse_id FROM lotse_sprachen s JOIN lotsen l ON l.id = s.lotse_id
            WHERE s.code IN @sprachen AND l.status = 'aktiv'
              AND EXISTS (SELECT 1 FROM lotse_qualifikationen q WHERE q.lotse_id = l.id AND q.art = 'basisqualifizierung')
              AND (@benoetigt IS NULL OR EXISTS (SELECT 1 FROM lotse_qualifikationen q WHERE q.lotse_id = l.id AND q.art = @benoetigt))
            """;
        using var ergebnis = await connection.QueryMultipleAsync(
            $"""
            SELECT id, vorname, nachname FROM lotsen WHERE id IN ({Kandidaten});
            SELECT lotse_id, code, niveau FROM lotse_sprachen WHERE lotse_id IN ({Kandidaten});
            SELECT lotse_id, ags FROM lotse_kommunen WHERE lotse_id IN ({Kandidaten});
            SELECT lotse_id, thema FROM lotse_themen WHERE lotse_id IN ({Kandidaten});
            SELECT lotse_id, wochentag, von, bis FROM lotse_verfuegbarkeit WHERE lotse_id IN ({Kandidaten});
            SELECT DISTINCT lotse_id, art FROM lotse_qualifikationen WHERE lotse_id IN ({Kandidaten});
            SELECT lotse_id, sum(CASE WHEN status = 'durchgefuehrt' AND beginn < @jetzt THEN dauer_minuten ELSE 0 END),
                   sum(CASE WHEN status = 'geplant' AND beginn >= @jetzt THEN 1 ELSE 0 END)
            FROM einsaetze WHERE beginn >= @monatsanfang AND lotse_id IN ({Kandidaten}) GROUP BY lotse_id;
            """,
            new { sprachen, benoetigt = benoetigteQualifikation, jetzt = GermanFormat.StoredInstant(clock.UtcNow), monatsanfang = GermanFormat.StoredInstant(clock.ToUtc(monatsanfang, TimeOnly.MinValue)) });
        var namen = (await ergebnis.ReadAsync<(string Id, string Vorname, string Nachname)>()).Select(n => (n.Id, Name: $"{n.Vorname} {n.Nachname}")).ToList();
        var sprachenJe = (await ergebnis.ReadAsync<(string Id, string Code, string Niveau)>()).ToLookup(r => r.Id);
        var kommunenJe = (await ergebnis.ReadAsync<(string Id, string Ags)>()).ToLookup(r => r.Id, r => r.Ags);
        var themenJe = (await ergebnis.ReadAsync<(string Id, string Thema)>()).ToLookup(r => r.Id, r => r.Thema);
        var fensterJe = (await ergebnis.ReadAsync<(string Id, long Tag, string Von, string Bis)>()).ToLookup(
            r => r.Id,
            r => new Zeitfenster(Zeitfenster.AusIso(r.Tag), TimeOnly.ParseExact(r.Von, "HH:mm"), TimeOnly.ParseExact(r.Bis, "HH:mm")));
        var qualiJe = (await ergebnis.ReadAsync<(string Id, string Art)>()).ToLookup(r => r.Id, r => r.Art);
        var lastJe = (await ergebnis.ReadAsync<(string Id, long Minuten, long Geplant)>()).ToDictionary(r => r.Id);
        return namen.Select(n => new Kandidat(
                n.Id,
                n.Name,
                sprachenJe[n.Id].ToDictionary(s => s.Code, s => SprachniveauTexte.Parse(s.Niveau) ?? Sprachniveau.Grundkenntnisse),
                kommunenJe[n.Id].ToHashSet(),
                themenJe[n.Id].ToHashSet(),
                fensterJe[n.Id].ToList(),
                qualiJe[n.Id].ToHashSet(),
                lastJe.TryGetValue(n.Id, out var last) ? last.Minuten / 60m : 0m,
                lastJe.TryGetValue(n.Id, out var geplant) ? (int)geplant.Geplant : 0))
            .ToList();
    }
}
