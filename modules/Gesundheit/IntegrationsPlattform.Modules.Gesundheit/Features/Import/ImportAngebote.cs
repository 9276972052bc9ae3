using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>What an import wrote.</summary>
internal sealed record ImportErgebnis(int Importiert, int NeueAnbieter, string Meldung);

/// <summary>
/// Imports every row of an offer list as a draft (status „Entwurf“, working version only: review and publication follow on the
/// offer), in one transaction or not at all. Providers not yet recorded are created once; a place is the provider's
/// place of the same name and address, or a new one.
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
        var wer = user.UserName ?? "System";
        var anbieterIds = new Dictionary<string, string>(geprueft.AnbieterIds, StringComparer.Ordinal);
        var neueAnbieter = 0;
        foreach (var angebot in geprueft.Angebote)
        {
            var schluessel = ImportPruefung.Schluessel(angebot.Anbieter);
            if (!anbieterIds.TryGetValue(schluessel, out var anbieterId))
            {
                anbieterId = Guid.CreateVersion7(clock.UtcNow).ToString();
                await tx.Connection.ExecuteAsync("INSERT INTO anbieter (id, name, angelegt_am) VALUES (@anbieterId, @name, @jetzt)",
                    new { anbieterId, name = angebot.Anbieter, jetzt }, tx.Sql);
                anbieterIds[schluessel] = anbieterId;
                neueAnbieter++;
            }

            await SchreibenAsync(tx, angebot, anbieterId, jetzt, wer);
        }

        // One entry for the whole file: the count (offers and providers are no personal data, the titles stay out all the same).
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Angebot", null, $"CSV-Import: {geprueft.Angebote.Count} Angebote, {neueAnbieter} neue Anbieter"), cancellationToken);
        var anzahl = geprueft.Angebote.Count;
        return new ImportErgebnis(anzahl, neueAnbieter, $"{anzahl} {(anzahl == 1 ? "Angebot" : "Angebote")} als Entwurf importiert, {neueAnbieter} Anbieter neu angelegt.");
    }

    private async Task SchreibenAsync(ModuleTransaction tx, AngebotImport angebot, string anbieterId, string jetzt, string wer)
    {
        var id = Guid.CreateVersion7(clock.UtcNow).ToString();
        await tx.Connection.ExecuteAsync("""
            INSERT INTO angebote (id, anbieter_id, status, status_seit, angelegt_am, angelegt_von) VALUES (@id, @anbieterId, 'entwurf', @jetzt, @jetzt, @wer);
            INSERT INTO angebot_status_verlauf (id, angebot_id, von, nach, am, durch, grund) VALUES (@verlauf, @id, NULL, 'entwurf', @jetzt, @wer, 'CSV-Import');
            INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, ab_schwangerschaft, alter_von_monate, alter_bis_monate, kostenlos,
                                           dolmetscher_auf_anfrage, gueltig_von, gueltig_bis, geaendert_am, geaendert_von)
            VALUES (@id, 'arbeit', @Kategorie, @AbSchwangerschaft, @AlterVonMonate, @AlterBisMonate, @Kostenlos, @Dolmetscher, @von, @bis, @jetzt, @wer);
            """, new
        {
            id, anbieterId, jetzt, wer, verlauf = Guid.CreateVersion7(clock.UtcNow).ToString(),
            angebot.Kategorie, angebot.AbSchwangerschaft, angebot.AlterVonMonate, angebot.AlterBisMonate, angebot.Kostenlos, angebot.Dolmetscher,
            von = angebot.GueltigVon is { } gv ? GermanFormat.StoredDay(gv) : null,
            bis = angebot.GueltigBis is { } gb ? GermanFormat.StoredDay(gb) : null,
        }, tx.Sql);
        await tx.Connection.ExecuteAsync("""
            INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, geaendert_am, geaendert_von)
            VALUES (@id, 'arbeit', 'de', @Key, @Value, @jetzt, @wer)
            """, angebot.Texte.Select(t => new { id, t.Key, t.Value, jetzt, wer }), tx.Sql);
        await tx.Connection.ExecuteAsync("INSERT INTO angebot_sprachen (angebot_id, fassung, sprache) VALUES (@id, 'arbeit', @sprache)",
            angebot.Sprachen.Select(sprache => new { id, sprache }), tx.Sql);
        if (angebot.Ort is { } ort)
        {
            var ortId = await tx.Connection.ExecuteScalarAsync<string?>("""
                SELECT id FROM orte WHERE anbieter_id = @anbieterId AND name = @Name AND strasse = @Strasse AND plz = @Plz ORDER BY angelegt_am DESC LIMIT 1
                """, new { anbieterId, ort.Name, ort.Strasse, ort.Plz }, tx.Sql);
            if (ortId is null)
            {
                ortId = Guid.CreateVersion7(clock.UtcNow).ToString();
                await tx.Connection.ExecuteAsync("""
                    INSERT INTO orte (id, anbieter_id, name, strasse, plz, ort, kommune_ags, stufenlos, angelegt_am)
                    VALUES (@ortId, @anbieterId, @Name, @Strasse, @Plz, @Ort, @KommuneAgs, @Stufenlos, @jetzt)
                    """, new { ortId, anbieterId, ort.Name, ort.Strasse, ort.Plz, ort.Ort, ort.KommuneAgs, ort.Stufenlos, jetzt }, tx.Sql);
            }

            await tx.Connection.ExecuteAsync("INSERT INTO angebot_orte (angebot_id, fassung, ort_id) VALUES (@id, 'arbeit', @ortId)", new { id, ortId }, tx.Sql);
        }
    }
}
