using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Lotsen;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

/// <summary>Writes a validated request with its languages and the first case-log entry.</summary>
internal sealed class AnfrageAnlage(IModuleDatabase<LotsenModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
{
    public static AnfrageEingabe AusVertrag(CreateLotsenAnfrage r)
        => new(r.Kennung, r.Kontakt, r.SprachenCodes, r.Thema, r.Ziel, r.KommuneAgs, r.FruehestensAm, r.SpaetestensAm, null, null, Vermittler.Modul, null);

    public async Task<Guid> AnlegenAsync(AnfrageEingabe e, string? quelleModul, CancellationToken cancellationToken, Guid? korrelation = null)
    {
        var id = Guid.CreateVersion7();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var tx = database.Transaction;
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO anfragen (id, kennung, kontakt, thema, ziel, kommune_ags, datum_von, datum_bis, uhrzeit_von, uhrzeit_bis,
                                  vermittelt_durch, quelle_modul, korrelations_id, status, angelegt_am)
            VALUES (@id, @kennung, @kontakt, @thema, @ziel, @ags, @von, @bis, @uhrVon, @uhrBis, @durch, @quelle, @korrelation, 'offen', @jetzt)
            """,
            new
            {
                id = id.ToString(),
                kennung = e.Kennung!.Trim(),
                kontakt = Leer(e.Kontakt),
                thema = e.Thema,
                ziel = Leer(e.Ziel),
                ags = e.KommuneAgs,
                von = GermanFormat.StoredDay(e.DatumVon!.Value),
                bis = GermanFormat.StoredDay(e.DatumBis ?? e.DatumVon.Value),
                uhrVon = Leer(e.UhrzeitVon),
                uhrBis = Leer(e.UhrzeitBis),
                durch = e.VermitteltDurch,
                quelle = quelleModul,
                korrelation = korrelation?.ToString(),
                jetzt,
            },
            tx.Sql);
        foreach (var code in e.Sprachen!.Where(s => !string.IsNullOrWhiteSpace(s)).Select(Languages.Normalize).Distinct())
        {
            await tx.Connection.ExecuteAsync("INSERT INTO anfrage_sprachen (anfrage_id, code) VALUES (@id, @code)", new { id = id.ToString(), code }, tx.Sql);
        }

        var notiz = quelleModul is null ? Leer(e.Notiz) : $"übergeben vom Programm {quelleModul}";
        await AnfrageLog.SchreibeAsync(tx, id.ToString(), "angelegt", notiz, user.DisplayName ?? quelleModul ?? "System", jetzt);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Anfrage", id.ToString(), quelleModul is null ? "" : $"von {quelleModul}"), cancellationToken);
        return id;
    }

    private static string? Leer(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
