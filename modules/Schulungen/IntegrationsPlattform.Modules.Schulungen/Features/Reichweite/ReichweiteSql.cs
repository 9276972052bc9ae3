using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Reichweite;

/// <summary>
/// What the held trainings reached in a span of local days — a month for the monitor's indicators, a school year for
/// the reach page — counted the same way for both. A session counts in the span of its last day once it is
/// „durchgeführt“ or „ausgewertet“; a participant counts where she attended (teilweise or vollständig teilgenommen), once
/// however many sessions she attended; a school counts where it lies, once one of its staff attended.
/// </summary>
internal static class ReichweiteSql
{
    private const string Gehalten = "t.status IN ('durchgefuehrt', 'ausgewertet') AND t.endet_am >= @von AND t.endet_am < @bis";

    private const string Teilgenommen = "a.status IN ('teilweise', 'vollstaendig')";

    /// <summary>
    /// The reach of the sessions whose last day lies in [<paramref name="von"/>, <paramref name="bis"/>) (days as
    /// <c>yyyy-MM-dd</c>); per municipality of the session (online sessions under none) and for the Kreis.
    /// </summary>
    public static async Task<Erreicht> LesenAsync(SqliteConnection connection, string von, string bis)
    {
        using var ergebnis = await connection.QueryMultipleAsync(
            $"""
            SELECT t.kommune_ags, count(*) FROM termine t WHERE {Gehalten} GROUP BY t.kommune_ags;
            SELECT t.kommune_ags, count(DISTINCT a.teilnehmende_id) FROM anmeldungen a JOIN termine t ON t.id = a.termin_id
            WHERE {Gehalten} AND {Teilgenommen} GROUP BY t.kommune_ags;
            SELECT count(DISTINCT a.teilnehmende_id) FROM anmeldungen a JOIN termine t ON t.id = a.termin_id WHERE {Gehalten} AND {Teilgenommen};
            SELECT s.id, s.name, s.kommune_ags AS KommuneAgs, count(DISTINCT a.teilnehmende_id) AS Teilnehmende
            FROM anmeldungen a JOIN termine t ON t.id = a.termin_id
            JOIN teilnehmende_schulen ts ON ts.teilnehmende_id = a.teilnehmende_id JOIN schulen s ON s.id = ts.schule_id
            WHERE {Gehalten} AND {Teilgenommen}
            GROUP BY s.id ORDER BY s.kommune_ags, s.name;
            """,
            new { von, bis });
        var termine = (await ergebnis.ReadAsync<(string? Ags, long Anzahl)>()).ToList();
        var teilnehmende = (await ergebnis.ReadAsync<(string? Ags, long Anzahl)>()).ToList();
        var teilnehmendeKreis = await ergebnis.ReadSingleAsync<long>();
        var schulen = (await ergebnis.ReadAsync<ErreichteSchule>()).ToList();
        return new Erreicht(termine, teilnehmende, teilnehmendeKreis, schulen);
    }

    /// <summary>
    /// People still waiting, per municipality of the session (online sessions under none) and for the Kreis (each person
    /// once): the unmet demand of the sessions <paramref name="termine"/> (an SQL condition on <c>t</c>) names.
    /// </summary>
    public static async Task<(IReadOnlyList<(string? Ags, long Anzahl)> JeKommune, long Kreis)> WartendeAsync(SqliteConnection connection, string termine, object parameter)
    {
        using var ergebnis = await connection.QueryMultipleAsync(
            $"""
            SELECT t.kommune_ags, count(DISTINCT a.teilnehmende_id) FROM anmeldungen a JOIN termine t ON t.id = a.termin_id
            WHERE a.status = 'warteliste' AND {termine} GROUP BY t.kommune_ags;
            SELECT count(DISTINCT a.teilnehmende_id) FROM anmeldungen a JOIN termine t ON t.id = a.termin_id WHERE a.status = 'warteliste' AND {termine};
            """,
            parameter);
        return ((await ergebnis.ReadAsync<(string? Ags, long Anzahl)>()).ToList(), await ergebnis.ReadSingleAsync<long>());
    }
}

/// <summary>The reach of a span: held sessions and participants per municipality of the session, participants in the Kreis, the schools reached.</summary>
internal sealed record Erreicht(
    IReadOnlyList<(string? Ags, long Anzahl)> Termine, IReadOnlyList<(string? Ags, long Anzahl)> Teilnehmende, long TeilnehmendeKreis, IReadOnlyList<ErreichteSchule> Schulen);

/// <summary>A school whose staff attended, with how many of them.</summary>
internal sealed class ErreichteSchule
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string KommuneAgs { get; init; } = "";
    public long Teilnehmende { get; init; }
}
