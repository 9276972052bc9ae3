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
internal sealed record ListVorschlaege(Guid AnfrageId) : IQuery<IReadOnlyList<VorschlagDto>>;

internal sealed class ListVorschlaegeHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, DeploymentInfo deployment, LotsenSettings settings, Matchingprofile profile)
    : IRequestHandler<ListVorschlaege, IReadOnlyList<VorschlagDto>>
{
    public async Task<IReadOnlyList<VorschlagDto>> Handle(ListVorschlaege request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction: the request, the version of the profiles and the load are of one snapshot.
        await using var lesen = connection.BeginTransaction(deferred: true);
        var anfrage = await GetAnfrageHandler.LadeAsync(connection, lesen, request.AnfrageId.ToString(), await AnfragenReichweite.FuerAsync(user, LotsenModule.Bearbeiten, connection, lesen));
        if (anfrage.Status != "offen")
        {
            throw new DomainRuleException($"Vorschläge gibt es nur für offene Anfragen; diese ist {Lebenszyklen.Anfrage.Label(anfrage.Status)}.");
        }

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
        var stand = await profile.StandAsync(connection, lesen, cancellationToken);
        var geeignet = stand.Sprecher(anfrage.Sprachen).Where(k => Matching.IstGeeignet(bedarf, k)).ToList();
        var kandidaten = await MitLastAsync(connection, lesen, geeignet, clock);
        return Matching.Rangfolge(bedarf, kandidaten, clock.Today, ags => deployment.MunicipalityName(ags), settings.ThemaText, Hoechstens)
            .Select(v => new VorschlagDto(v.Rang, v.Lotse.LotseId, v.Lotse.Name, v.FruehesterTag is { } tag ? GermanFormat.StoredDay(tag) : null, v.Gruende, v.Einschraenkungen))
            .ToList();
    }

    /// <summary>Staff choose among the best; a list of hundreds helps nobody and costs time to send and show.</summary>
    public const int Hoechstens = 25;

    /// <summary>
    /// The candidates with their load this month: hours of assignments carried out so far this month and
    /// the planned assignments still ahead — read per request (assignments change all day), for the given
    /// Lotsen only, through <c>ix_einsaetze_last</c> (migration 0002).
    /// </summary>
    private static async Task<IReadOnlyList<Kandidat>> MitLastAsync(SqliteConnection connection, SqliteTransaction lesen, List<Kandidat> kandidaten, ILocalClock clock)
    {
        if (kandidaten.Count == 0)
        {
            return kandidaten;
        }

        var heute = clock.Today;
        var monatsanfang = new DateOnly(heute.Year, heute.Month, 1);
        var last = (await connection.QueryAsync<(string Id, long Minuten, long Geplant)>(
                """
                SELECT e.lotse_id, sum(CASE WHEN e.status = 'durchgefuehrt' AND e.beginn < @jetzt THEN e.dauer_minuten ELSE 0 END),
                       sum(CASE WHEN e.status = 'geplant' AND e.beginn >= @jetzt THEN 1 ELSE 0 END)
                FROM json_each(@ids) j JOIN einsaetze e ON e.lotse_id = j.value AND e.beginn >= @monatsanfang
                GROUP BY e.lotse_id
                """,
                new
                {
                    ids = System.Text.Json.JsonSerializer.Serialize(kandidaten.Select(k => k.LotseId)),
                    jetzt = GermanFormat.StoredInstant(clock.UtcNow),
                    monatsanfang = GermanFormat.StoredInstant(clock.ToUtc(monatsanfang, TimeOnly.MinValue)),
                },
                lesen))
            .ToDictionary(r => r.Id);
        return kandidaten
            .Select(k => last.TryGetValue(k.LotseId, out var l) ? k with { StundenImMonat = l.Minuten / 60m, GeplanteEinsaetze = (int)l.Geplant } : k)
            .ToList();
    }
}
