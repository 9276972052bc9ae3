using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

/// <summary>The module's figures for the monitor: stock (active Lotsen, languages) now, flows (requests, assignments, hours) per period.</summary>
internal sealed class LotsenIndikatorenProvider(IModuleDatabase<LotsenModule> database, ILocalClock clock) : IIndicatorProvider
{
    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        // A Lotse counts in every municipality she serves: the Kreis value is the number of people, reported here.
        new(LotsenIndikatoren.AktiveLotsen, "Aktive Integrationslotsen", "Personen", IndicatorLevel.Municipality) { MunicipalitiesAddUp = false },
        new(LotsenIndikatoren.Sprachen, "Von Lotsen abgedeckte Sprachen", "Sprachen", IndicatorLevel.Kreis),
        new(LotsenIndikatoren.Anfragen, "Anfragen an Lotsen", "Anfragen", IndicatorLevel.Municipality) { Kind = IndicatorKind.Flow },
        new(LotsenIndikatoren.Einsaetze, "Durchgeführte Lotseneinsätze", "Einsätze", IndicatorLevel.Municipality) { Kind = IndicatorKind.Flow },
        new(LotsenIndikatoren.Stunden, "Stunden ehrenamtlicher Begleitung", "Stunden", IndicatorLevel.Kreis) { Kind = IndicatorKind.Flow },
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        var p = new
        {
            von = GermanFormat.StoredInstant(clock.ToUtc(period.From, TimeOnly.MinValue)),
            bis = GermanFormat.StoredInstant(clock.ToUtc(period.To.AddDays(1), TimeOnly.MinValue)),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        using var ergebnis = await connection.QueryMultipleAsync(
            """
            SELECT k.ags, count(*) FROM lotse_kommunen k JOIN lotsen l ON l.id = k.lotse_id WHERE l.status = 'aktiv' GROUP BY k.ags;
            SELECT count(*) FROM lotsen WHERE status = 'aktiv';
            SELECT count(DISTINCT s.code) FROM lotse_sprachen s JOIN lotsen l ON l.id = s.lotse_id WHERE l.status = 'aktiv';
            SELECT kommune_ags, count(*) FROM anfragen WHERE angelegt_am >= @von AND angelegt_am < @bis GROUP BY kommune_ags;
            SELECT a.kommune_ags, count(*) FROM einsaetze e JOIN anfragen a ON a.id = e.anfrage_id
            WHERE e.status = 'durchgefuehrt' AND e.beginn >= @von AND e.beginn < @bis GROUP BY a.kommune_ags;
            SELECT coalesce(sum(dauer_minuten), 0) FROM einsaetze WHERE status = 'durchgefuehrt' AND beginn >= @von AND beginn < @bis;
            """,
            p);
        var werte = new List<IndicatorValue>();
        werte.AddRange((await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(LotsenIndikatoren.AktiveLotsen, r.Anzahl, r.Ags)));
        werte.Add(new IndicatorValue(LotsenIndikatoren.AktiveLotsen, await ergebnis.ReadSingleAsync<long>()));
        werte.Add(new IndicatorValue(LotsenIndikatoren.Sprachen, await ergebnis.ReadSingleAsync<long>()));
        werte.AddRange((await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(LotsenIndikatoren.Anfragen, r.Anzahl, r.Ags)));
        werte.AddRange((await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(LotsenIndikatoren.Einsaetze, r.Anzahl, r.Ags)));
        werte.Add(new IndicatorValue(LotsenIndikatoren.Stunden, GermanFormat.Hours(await ergebnis.ReadSingleAsync<long>())));
        return werte;
    }
}
