using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>
/// When an agreement ends on its own: its planned end (<c>vereinbarungen.ende</c>) is the last day it
/// runs (<see cref="TraegerRegeln.EndeErreicht"/>). Every read that asks "which Träger is active in a
/// municipality" uses <see cref="Laeuft"/>, so an agreement past its end counts as ended before the daily
/// job has recorded it; every write that depends on it first records the ends that are due
/// (<see cref="BeendeAbgelaufeneAsync"/>), inside its own transaction, so that the partial unique index
/// "one active Träger per municipality" frees the municipalities for a follow-up Träger.
/// </summary>
internal static class Vereinbarungsende
{
    /// <summary>SQL: the agreement <paramref name="v"/> runs on the day of the parameter <c>@heute</c> (<c>yyyy-MM-dd</c>).</summary>
    public static string Laeuft(string v) => $"({v}.beendet_am IS NULL AND ({v}.ende IS NULL OR {v}.ende >= @heute))";

    /// <summary>Today as the parameter <c>@heute</c> of <see cref="Laeuft"/>.</summary>
    public static string Heute(ILocalClock clock) => GermanFormat.StoredDay(clock.Today);

    private sealed record Abgelaufen(string Id, string TraegerId, string Beginn, string Ende);

    /// <summary>
    /// Ends every agreement whose planned end lies before <paramref name="heute"/>: sets <c>beendet_am</c>,
    /// frees its municipalities and writes an entry in the Träger's history (by "System", with the end and
    /// the freed municipalities). Runs in the caller's transaction; an agreement ended meanwhile is skipped,
    /// so the job and a racing command never end one twice.
    /// </summary>
    public static async Task<int> BeendeAbgelaufeneAsync(ModuleTransaction tx, DateOnly heute, DateTimeOffset jetzt, DeploymentInfo deployment)
    {
        var abgelaufen = (await tx.Connection.QueryAsync<Abgelaufen>(
            """
            SELECT id, traeger_id AS TraegerId, beginn, ende FROM vereinbarungen
            WHERE beendet_am IS NULL AND ende IS NOT NULL AND ende < @heute ORDER BY ende, id
            """,
            new { heute = GermanFormat.StoredDay(heute) }, tx.Sql)).ToList();
        if (abgelaufen.Count == 0)
        {
            return 0;
        }

        var am = GermanFormat.StoredInstant(jetzt);
        var beendet = 0;
        foreach (var v in abgelaufen)
        {
            if (await tx.Connection.ExecuteAsync("UPDATE vereinbarungen SET beendet_am = @am WHERE id = @id AND beendet_am IS NULL", new { id = v.Id, am }, tx.Sql) != 1)
            {
                continue;
            }

            await FreigebenAsync(tx, v.Id, v.TraegerId, GermanFormat.ParseStoredDay(v.Beginn), GermanFormat.ParseStoredDay(v.Ende), geplant: true, am, "System", deployment);
            beendet++;
        }

        return beendet;
    }

    /// <summary>
    /// The rest of ending an agreement whose <c>beendet_am</c> the caller has just set: frees its
    /// municipalities and writes the entry in the Träger's history naming them (the status stays).
    /// </summary>
    public static async Task FreigebenAsync(ModuleTransaction tx, string vereinbarungId, string traegerId, DateOnly beginn, DateOnly ende, bool geplant, string am, string durch, DeploymentInfo deployment)
    {
        var kommunen = (await tx.Connection.QueryAsync<string>(
            "SELECT ags FROM vereinbarung_kommunen WHERE vereinbarung_id = @id AND aktiv = 1 ORDER BY ags", new { id = vereinbarungId }, tx.Sql)).ToList();
        await tx.Connection.ExecuteAsync("UPDATE vereinbarung_kommunen SET aktiv = 0 WHERE vereinbarung_id = @id", new { id = vereinbarungId }, tx.Sql);
        var status = await TraegerSchreiben.StatusAsync(tx, traegerId);
        var grund = TraegerRegeln.EndeGrund(beginn, ende, geplant, kommunen.Select(ags => deployment.MunicipalityName(ags)));
        await TraegerSchreiben.VermerkeAsync(tx, traegerId, status, status, am, durch, grund);
    }
}
