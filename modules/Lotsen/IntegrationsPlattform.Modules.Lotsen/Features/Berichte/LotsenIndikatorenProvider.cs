using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

/// <summary>The module's figures for the monitor: stock (active Lotsen, languages) now, flows (requests, assignments, hours) per period, and the flows of past months for the history.</summary>
internal sealed class LotsenIndikatorenProvider(IModuleDatabase<LotsenModule> database, ILocalClock clock) : IIndicatorProvider, IIndicatorBackfill
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
        await using var connection = await database.OpenAsync(cancellationToken);
        using var bestand = await connection.QueryMultipleAsync(
            """
            SELECT k.ags, count(*) FROM lotse_kommunen k JOIN lotsen l ON l.id = k.lotse_id WHERE l.status = 'aktiv' GROUP BY k.ags;
            SELECT count(*) FROM lotsen WHERE status = 'aktiv';
            SELECT count(DISTINCT s.code) FROM lotse_sprachen s JOIN lotsen l ON l.id = s.lotse_id WHERE l.status = 'aktiv';
            """);
        var werte = new List<IndicatorValue>();
        werte.AddRange((await bestand.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(LotsenIndikatoren.AktiveLotsen, r.Anzahl, r.Ags)));
        werte.Add(new IndicatorValue(LotsenIndikatoren.AktiveLotsen, await bestand.ReadSingleAsync<long>()));
        werte.Add(new IndicatorValue(LotsenIndikatoren.Sprachen, await bestand.ReadSingleAsync<long>()));
        werte.AddRange(await BewegungenAsync(connection, period));
        return werte;
    }

    /// <summary>
    /// The history before the platform took snapshots: the flows of every month from the first request or carried-out
    /// assignment on, counted from their dates. The stocks are left out, since the register keeps no past status.
    /// </summary>
    public async Task<IReadOnlyList<PastIndicatorValue>> GetPastValuesAsync(IndicatorPeriod currentMonth, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var erster = await connection.ExecuteScalarAsync<string?>(
            "SELECT min(d) FROM (SELECT min(angelegt_am) AS d FROM anfragen UNION ALL SELECT min(beginn) FROM einsaetze WHERE status = 'durchgefuehrt')");
        var werte = new List<PastIndicatorValue>();
        if (erster is null)
        {
            return werte;
        }

        for (var monat = IndicatorPeriod.MonthOf(DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(erster)).DateTime));
             monat.From < currentMonth.From;
             monat = IndicatorPeriod.MonthOf(monat.From.AddMonths(1)))
        {
            var bewegungen = await BewegungenAsync(connection, monat);
            werte.AddRange(bewegungen.Select(w => new PastIndicatorValue(monat, w)));
            // A month without requests or assignments is a 0 for the Kreis, not a gap.
            werte.AddRange(new[] { LotsenIndikatoren.Anfragen, LotsenIndikatoren.Einsaetze }
                .Select(key => new PastIndicatorValue(monat, new IndicatorValue(key, bewegungen.Where(w => w.Key == key).Sum(w => w.Value)))));
        }

        return werte;
    }

    /// <summary>The flows of a period: requests and carried-out assignments per municipality, hours for the Kreis.</summary>
    private async Task<IReadOnlyList<IndicatorValue>> BewegungenAsync(Microsoft.Data.Sqlite.SqliteConnection connection, IndicatorPeriod period)
    {
        var p = new
        {
            von = GermanFormat.StoredInstant(clock.ToUtc(period.From, TimeOnly.MinValue)),
            bis = GermanFormat.StoredInstant(clock.ToUtc(period.To.AddDays(1), TimeOnly.MinValue)),
        };
        using var ergebnis = await connection.QueryMultipleAsync(
            """
            SELECT kommune_ags, count(*) FROM anfragen WHERE angelegt_am >= @von AND angelegt_am < @bis GROUP BY kommune_ags;
            SELECT a.kommune_ags, count(*) FROM einsaetze e JOIN anfragen a ON a.id = e.anfrage_id
            WHERE e.status = 'durchgefuehrt' AND e.beginn >= @von AND e.beginn < @bis GROUP BY a.kommune_ags;
            SELECT coalesce(sum(dauer_minuten), 0) FROM einsaetze WHERE status = 'durchgefuehrt' AND beginn >= @von AND beginn < @bis;
            """,
            p);
        var werte = new List<IndicatorValue>();
        werte.AddRange((await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(LotsenIndikatoren.Anfragen, r.Anzahl, r.Ags)));
        werte.AddRange((await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(LotsenIndikatoren.Einsaetze, r.Anzahl, r.Ags)));
        werte.Add(new IndicatorValue(LotsenIndikatoren.Stunden, GermanFormat.Hours(await ergebnis.ReadSingleAsync<long>())));
        return werte;
    }
}
