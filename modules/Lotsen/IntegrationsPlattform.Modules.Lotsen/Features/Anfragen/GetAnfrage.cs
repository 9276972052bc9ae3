using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record GetAnfrage(Guid Id) : IQuery<AnfrageDetail>;

internal sealed class GetAnfrageHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<GetAnfrage, AnfrageDetail>
{
    public async Task<AnfrageDetail> Handle(GetAnfrage request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var detail = await LadeAsync(connection, null, request.Id.ToString(), await AnfragenReichweite.FuerAsync(user, LotsenModule.Lesen, connection));
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Anfrage", detail.Id), cancellationToken);
        return detail;
    }

    /// <summary>The request as its user may see it; outside their scope it does not exist for them.</summary>
    public static async Task<AnfrageDetail> LadeAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? tx, string id, RecordScope sicht)
    {
        var detail = await connection.QuerySingleOrDefaultAsync<AnfrageDetail>(
            """
            SELECT a.id, a.kennung, a.kontakt, a.thema, a.ziel, a.kommune_ags AS KommuneAgs, a.datum_von AS DatumVon, a.datum_bis AS DatumBis,
                   a.uhrzeit_von AS UhrzeitVon, a.uhrzeit_bis AS UhrzeitBis, a.vermittelt_durch AS VermitteltDurch, a.quelle_modul AS QuelleModul,
                   a.status, a.status_grund AS StatusGrund, a.lotse_id AS LotseId, l.vorname AS LotseVorname, l.nachname AS LotseNachname,
                   a.angelegt_am AS AngelegtAm, a.geschlossen_am AS GeschlossenAm, a.anonymisiert_am AS AnonymisiertAm
            FROM anfragen a LEFT JOIN lotsen l ON l.id = a.lotse_id WHERE a.id = @id
            """,
            new { id },
            tx);
        if (detail is null || !sicht.CanRead([detail.KommuneAgs], detail.LotseId))
        {
            throw new RecordNotFoundException("Anfrage nicht gefunden.");
        }

        var sprachen = await connection.QueryAsync<string>("SELECT code FROM anfrage_sprachen WHERE anfrage_id = @id ORDER BY code", new { id }, tx);
        var log = await connection.QueryAsync<AktivitaetZeile>("SELECT art, notiz, am, durch FROM anfrage_aktivitaeten WHERE anfrage_id = @id ORDER BY am DESC, rowid DESC", new { id }, tx);
        var einsaetze = await connection.QueryAsync<EinsatzKurz>(
            "SELECT e.id, e.beginn, e.dauer_minuten AS DauerMinuten, e.status, e.ergebnis, l.vorname AS LotseVorname, l.nachname AS LotseNachname FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id WHERE e.anfrage_id = @id ORDER BY e.beginn",
            new { id },
            tx);
        return detail with { Sprachen = sprachen.ToList(), Aktivitaeten = log.ToList(), Einsaetze = einsaetze.ToList() };
    }

    /// <summary>The request a command changes under the user's <paramref name="permission"/>: 404 when they may not see it, 403 when they may not write it.</summary>
    public static async Task<AnfrageDetail> ZumAendernAsync(ModuleTransaction tx, string id, ICurrentUser user, string permission)
    {
        var sicht = await AnfragenReichweite.FuerAsync(user, permission, tx.Connection, tx.Sql);
        var anfrage = await LadeAsync(tx.Connection, tx.Sql, id, sicht);
        sicht.EnsureWritable([anfrage.KommuneAgs], anfrage.LotseId, "Anfrage", id, "kommuneAgs");
        return anfrage;
    }
}
