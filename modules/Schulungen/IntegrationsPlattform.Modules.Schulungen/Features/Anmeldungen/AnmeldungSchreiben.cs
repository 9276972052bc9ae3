using Dapper;
using IntegrationsPlattform.Contracts.Data;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>The changes of a registration that several use cases make: cancelling it and moving the next waiting person up.</summary>
internal static class AnmeldungSchreiben
{
    /// <summary>Her place on the waiting list, counted from 1 in the order of confirmation; null when she is not on it.</summary>
    public static Task<int?> WarteplatzAsync(ModuleTransaction tx, string anmeldungId)
        => tx.Connection.QuerySingleAsync<int?>(
            """
            SELECT CASE WHEN a.status = 'warteliste'
                        THEN (SELECT count(*) FROM anmeldungen w WHERE w.termin_id = a.termin_id AND w.status = 'warteliste' AND w.warteposition <= a.warteposition)
                   END
            FROM anmeldungen a WHERE a.id = @anmeldungId
            """,
            new { anmeldungId }, tx.Sql);

    /// <summary>
    /// Cancels the registration (it holds a seat or a place on the waiting list; the caller checked that) and, when it
    /// freed a seat, moves the first on the waiting list up — in the same transaction, so the seat is never free for
    /// someone else in between. Returns the id of the person moved up, if any.
    /// </summary>
    public static async Task<string?> AbmeldenAsync(ModuleTransaction tx, string anmeldungId, string terminId, bool hatteSitzplatz, string jetzt)
    {
        await tx.Connection.ExecuteAsync(
            "UPDATE anmeldungen SET status = 'abgemeldet', warteposition = NULL, abgemeldet_am = @jetzt, geaendert_am = @jetzt WHERE id = @anmeldungId",
            new { anmeldungId, jetzt }, tx.Sql);
        if (!hatteSitzplatz)
        {
            return null;
        }

        var naechste = await tx.Connection.QuerySingleOrDefaultAsync<string>(
            "SELECT id FROM anmeldungen WHERE termin_id = @terminId AND status = 'warteliste' ORDER BY warteposition LIMIT 1", new { terminId }, tx.Sql);
        if (naechste is not null)
        {
            await tx.Connection.ExecuteAsync(
                "UPDATE anmeldungen SET status = 'angemeldet', warteposition = NULL, geaendert_am = @jetzt WHERE id = @naechste", new { naechste, jetzt }, tx.Sql);
        }

        return naechste;
    }

    /// <summary>A new personal link for the registration, replacing the last (its mail carries the token).</summary>
    public static async Task<string> NeuerLinkAsync(ModuleTransaction tx, string anmeldungId)
    {
        var (token, hash) = AbmeldeLink.Neu();
        await tx.Connection.ExecuteAsync("UPDATE anmeldungen SET abmelde_token_hash = @hash WHERE id = @anmeldungId", new { hash, anmeldungId }, tx.Sql);
        return token;
    }
}
