using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>The reads the registration use cases share.</summary>
internal static class AnmeldungenSql
{
    /// <summary>The states that hold a seat, as SQL (the same as the capacity triggers count).</summary>
    public const string Platzstatus = "('angemeldet', 'nicht_erschienen', 'teilweise', 'vollstaendig')";

    /// <summary>Local times are stored as <c>yyyy-MM-ddTHH:mm</c> (migration 0001).</summary>
    public static DateTime LokaleZeit(string stored) => DateTime.ParseExact(stored, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string LokaleZeit(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The session's appointments, first first.</summary>
    public static async Task<IReadOnlyList<TerminZeit>> ZeitenAsync(SqliteConnection connection, string terminId, SqliteTransaction? tx = null)
    {
        var rows = await connection.QueryAsync<(string Id, string Beginn, string Ende, string? Ort, string? OnlineLink)>(
            "SELECT id, beginn, ende, ort, online_link FROM termin_zeiten WHERE termin_id = @terminId ORDER BY beginn, id", new { terminId }, tx);
        return rows.Select(r => new TerminZeit(r.Id, LokaleZeit(r.Beginn), LokaleZeit(r.Ende), r.Ort, r.OnlineLink)).ToList();
    }
}
