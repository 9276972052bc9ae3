using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>What an import wrote.</summary>
internal sealed record ImportErgebnis(int Importiert, int NeueAnbieter, string Meldung);

/// <summary>
/// Imports every row of an offer list as a draft (working version only: review and publication follow on the offer), in
/// one transaction or not at all. Providers not yet recorded are created once.
/// </summary>
internal sealed record ImportAngebote(byte[] Datei) : ICommand<ImportErgebnis>;

/// <summary>
/// The rows are checked again inside the command's transaction (someone may have entered the same offer since the
/// preview), and any failure while writing rolls back every row written before it.
/// </summary>
internal sealed class ImportAngeboteHandler(IModuleDatabase<GesundheitModule> database, ImportPruefung pruefung, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<ImportAngebote, ImportErgebnis>
{
    public async Task<ImportErgebnis> Handle(ImportAngebote request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var geprueft = await pruefung.PruefeAsync(request.Datei, tx.Connection, tx.Sql, cancellationToken);
        geprueft.Vorschau.EnsureImportable();

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var wer = AngebotSchreiben.Wer(user);
        var neu = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var angebot in geprueft.Angebote)
        {
            var anbieterId = angebot.AnbieterId;
            if (anbieterId is null && !neu.TryGetValue(ImportPruefung.Schluessel(angebot.Anbieter), out anbieterId))
            {
                anbieterId = Guid.CreateVersion7().ToString();
                await tx.Connection.ExecuteAsync("INSERT INTO anbieter (id, name, angelegt_am) VALUES (@anbieterId, @name, @jetzt)",
                    new { anbieterId, name = angebot.Anbieter, jetzt }, tx.Sql);
                neu[ImportPruefung.Schluessel(angebot.Anbieter)] = anbieterId;
            }

            await AngebotSchreiben.NeuAsync(tx, angebot.Eingabe with { AnbieterId = anbieterId }, anbieterId, jetzt, wer, grund: "CSV-Import");
        }

        // One entry for the whole file, with the counts.
        var anzahl = geprueft.Angebote.Count;
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Angebot", null, $"CSV-Import: {anzahl} Angebote, {neu.Count} neue Anbieter"), cancellationToken);
        return new ImportErgebnis(anzahl, neu.Count, $"{anzahl} {(anzahl == 1 ? "Angebot" : "Angebote")} als Entwurf importiert, {neu.Count} Anbieter neu angelegt.");
    }
}
