using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Schulungen;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Reichweite;

/// <summary>
/// The module's figures for the monitor: the reach of the month (sessions held, participants, schools reached — counted
/// as the reach page counts them, <see cref="ReichweiteSql"/>), the average feedback of the sessions evaluated in the
/// month, and who waits now for a session not yet held.
/// </summary>
internal sealed class SchulungenIndikatorenProvider(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IIndicatorProvider
{
    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        // Online sessions lie in no municipality: they count for the Kreis only, which is reported here.
        new(SchulungenIndikatoren.DurchgefuehrteTermine, "Durchgeführte Schulungstermine", "Termine", IndicatorLevel.Municipality) { Kind = IndicatorKind.Flow, MunicipalitiesAddUp = false },
        new(SchulungenIndikatoren.Teilnehmende, "Teilnehmende an Schulungen", "Personen", IndicatorLevel.Kreis) { Kind = IndicatorKind.Flow },
        new(SchulungenIndikatoren.ErreichteSchulen, "Durch Schulungen erreichte Schulen", "Schulen", IndicatorLevel.Municipality) { Kind = IndicatorKind.Flow },
        new(SchulungenIndikatoren.Feedback, "Durchschnittliche Gesamtbewertung der Schulungen", "Punkte (1–5)", IndicatorLevel.Kreis) { Kind = IndicatorKind.Flow },
        // A person may wait for sessions in several municipalities (and online): the Kreis counts her once.
        new(SchulungenIndikatoren.Warteliste, "Personen auf Wartelisten von Schulungen", "Personen", IndicatorLevel.Municipality) { MunicipalitiesAddUp = false },
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var erreicht = await ReichweiteSql.LesenAsync(connection, $"{period.From:yyyy-MM-dd}", $"{period.To.AddDays(1):yyyy-MM-dd}");
        var werte = new List<IndicatorValue>();
        werte.AddRange(erreicht.Termine.Where(t => t.Ags is not null).Select(t => new IndicatorValue(SchulungenIndikatoren.DurchgefuehrteTermine, t.Anzahl, t.Ags)));
        werte.Add(new IndicatorValue(SchulungenIndikatoren.DurchgefuehrteTermine, erreicht.Termine.Sum(t => t.Anzahl)));
        werte.Add(new IndicatorValue(SchulungenIndikatoren.Teilnehmende, erreicht.TeilnehmendeKreis));
        werte.AddRange(erreicht.Schulen.GroupBy(s => s.KommuneAgs).Select(g => new IndicatorValue(SchulungenIndikatoren.ErreichteSchulen, g.Count(), g.Key)));

        var wartende = await ReichweiteSql.WartendeAsync(connection, "t.status IN ('geplant', 'offen', 'ausgebucht')", new { });
        werte.AddRange(wartende.JeKommune.Where(w => w.Ags is not null).Select(w => new IndicatorValue(SchulungenIndikatoren.Warteliste, w.Anzahl, w.Ags)));
        werte.Add(new IndicatorValue(SchulungenIndikatoren.Warteliste, wartende.Kreis));

        if (await FeedbackAsync(connection, period) is { } feedback)
        {
            werte.Add(new IndicatorValue(SchulungenIndikatoren.Feedback, feedback));
        }

        return werte;
    }

    /// <summary>
    /// The mean overall score of the sessions marked „ausgewertet“ in the period, over their answers — only sessions with
    /// enough answers to show their results (<see cref="FeedbackRegeln.MindestAntworten"/>), so that the figure of a quiet
    /// month never reveals a small group's scores. Null without such a session: a mean of nothing is no 0.
    /// </summary>
    private async Task<decimal?> FeedbackAsync(Microsoft.Data.Sqlite.SqliteConnection connection, IndicatorPeriod period)
    {
        var mittel = await connection.ExecuteScalarAsync<double?>(
            """
            SELECT avg(f.gesamt) FROM feedback_antworten f JOIN termine t ON t.id = f.termin_id
            WHERE t.status = 'ausgewertet' AND t.status_seit >= @von AND t.status_seit < @bis
              AND (SELECT count(*) FROM feedback_antworten x WHERE x.termin_id = t.id) >= @mindestens
            """,
            new
            {
                von = GermanFormat.StoredInstant(clock.ToUtc(period.From, TimeOnly.MinValue)),
                bis = GermanFormat.StoredInstant(clock.ToUtc(period.To.AddDays(1), TimeOnly.MinValue)),
                mindestens = FeedbackRegeln.MindestAntworten,
            });
        return mittel is { } m ? GermanFormat.Round((decimal)m, 2) : null;
    }
}
