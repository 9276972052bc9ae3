using Dapper;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal static class TraegerKontakte
{
    private sealed record Zeile(string Id, string Datum, string Kanal, string Notiz, string ErfasstVon, string ErfasstAm);

    public static async Task<IReadOnlyList<KontaktZeile>> LadeAsync(SqliteConnection connection, string traegerId)
        => (await connection.QueryAsync<Zeile>(
                "SELECT id, datum, kanal, notiz, erfasst_von AS ErfasstVon, erfasst_am AS ErfasstAm FROM traeger_kontakte WHERE traeger_id = @id ORDER BY datum DESC, erfasst_am DESC, rowid DESC",
                new { id = traegerId }))
            .Select(k => new KontaktZeile(k.Id, k.Datum, k.Kanal, Kontaktkanaele.Text(k.Kanal), k.Notiz, k.ErfasstVon, k.ErfasstAm)).ToList();
}
