using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

internal static class EinsatzAbfrage
{
    public const string Spalten = """
        SELECT e.id, e.anfrage_id AS AnfrageId, e.lotse_id AS LotseId, l.vorname AS LotseVorname, l.nachname AS LotseNachname, e.beginn,
               e.dauer_minuten AS DauerMinuten, e.fahrt_km AS FahrtKm, e.status, e.ergebnis, e.nachbereitung, a.thema, a.kommune_ags AS KommuneAgs,
               a.kennung, e.abweichung_grund AS AbweichungGrund, e.bemerkung
        FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id JOIN anfragen a ON a.id = e.anfrage_id
        """;

    public static async Task<EinsatzZeile> LadeAsync(SqliteConnection connection, SqliteTransaction? tx, string id, RecordScope sicht)
    {
        var einsatz = await connection.QuerySingleOrDefaultAsync<EinsatzZeile>($"{Spalten} WHERE e.id = @id", new { id }, tx);
        return einsatz is not null && sicht.CanRead([einsatz.KommuneAgs], einsatz.LotseId) ? einsatz : throw new RecordNotFoundException("Einsatz nicht gefunden.");
    }
}
