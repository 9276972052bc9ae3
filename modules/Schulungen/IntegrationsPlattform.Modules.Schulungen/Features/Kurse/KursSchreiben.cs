using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>What the course commands share: reading the status inside the transaction, the title rule, the stored values.</summary>
internal static class KursSchreiben
{
    public const string TitelVergeben = "Einen Kurs mit diesem Titel gibt es schon. Bitte einen anderen Titel wählen.";

    public static async Task<string> StatusAsync(ModuleTransaction tx, string id)
        => await tx.Connection.QuerySingleOrDefaultAsync<string>("SELECT status FROM kurse WHERE id = @id", new { id }, tx.Sql)
           ?? throw new RecordNotFoundException("Kurs nicht gefunden.");

    /// <summary>The row's parameters from validated input (texts trimmed, an empty optional text as NULL).</summary>
    public static object Werte(string id, IKursDaten daten, string jetzt) => new
    {
        id, jetzt,
        titel = daten.Titel!.Trim(),
        beschreibung = daten.Beschreibung!.Trim(),
        lernziele = daten.Lernziele!.Trim(),
        zielgruppe = daten.Zielgruppe!.Trim(),
        format = daten.Format,
        unterrichtseinheiten = daten.Unterrichtseinheiten,
        stunden = daten.Stunden,
        voraussetzungen = string.IsNullOrWhiteSpace(daten.Voraussetzungen) ? null : daten.Voraussetzungen.Trim(),
    };

    /// <summary>
    /// Runs a write whose title the unique index checks: another course with the same title (case ignored), also one
    /// written by a concurrent command since, is refused at the title field.
    /// </summary>
    public static async Task MitFreiemTitelAsync(Func<Task> schreiben)
    {
        try
        {
            await schreiben();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("kurse.titel", StringComparison.Ordinal))
        {
            throw RequestValidationException.For("titel", TitelVergeben);
        }
    }
}
