using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;
using IntegrationsPlattform.Modules.Lotsen.Features.Traeger;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>
/// Imports every row of the file in one transaction, or none: the rows are checked again inside the
/// transaction (someone may have changed the data since the preview), and any failure rolls back all.
/// </summary>
internal sealed record ImportDatei(ImportArt Art, byte[] Datei) : ICommand<ImportErgebnis>;

/// <summary>
/// All rows in the command's one transaction (BEGIN IMMEDIATE): checked again under the write lock, so
/// nobody can add a conflicting record between check and write; should a write still fail (the unique
/// name of a Träger, any database error), the exception rolls back every row written before it.
/// </summary>
internal sealed class ImportDateiHandler(IModuleDatabase<LotsenModule> database, ImportPruefung pruefung, IAuditTrail audit, ICurrentUser user, ILocalClock clock, LotsenSettings settings)
    : IRequestHandler<ImportDatei, ImportErgebnis>
{
    public async Task<ImportErgebnis> Handle(ImportDatei request, CancellationToken cancellationToken)
    {
        user.PruefeBerechtigung(request.Art);
        var tx = database.Transaction;
        var geprueft = await pruefung.PruefeAsync(request.Art, request.Datei, tx.Connection, tx.Sql, cancellationToken);
        geprueft.Vorschau.EnsureImportable();

        int anzahl;
        if (request.Art == ImportArt.Lotsen)
        {
            foreach (var lotse in geprueft.Lotsen)
            {
                await LotsenSchreiben.NeuAsync(tx, lotse.Daten, lotse.Status, "CSV-Import", user.UserName ?? "System", clock, settings);
            }

            anzahl = geprueft.Lotsen.Count;
        }
        else
        {
            var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
            foreach (var traeger in geprueft.Traeger)
            {
                try
                {
                    await TraegerSchreiben.NeuAsync(tx, traeger.Daten, jetzt, TraegerSchreiben.Wer(user), "CSV-Import");
                }
                catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("traeger.name", StringComparison.Ordinal))
                {
                    throw RequestValidationException.For($"Zeile {traeger.Zeile}", "Name: Ein Träger mit diesem Namen ist inzwischen erfasst worden. Es wurde nichts importiert.");
                }
            }

            anzahl = geprueft.Traeger.Count;
        }

        // One entry for the whole file: the count, never names.
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, request.Art == ImportArt.Lotsen ? "Lotse" : "Traeger", null, $"CSV-Import: {anzahl} Datensätze"), cancellationToken);
        return new ImportErgebnis(request.Art.Schluessel(), anzahl, request.Art.Ergebnis(anzahl));
    }
}
