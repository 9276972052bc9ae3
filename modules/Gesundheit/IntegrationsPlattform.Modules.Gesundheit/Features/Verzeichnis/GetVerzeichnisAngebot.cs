using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

/// <summary>
/// One offer of the public directory in its published version, its texts in <paramref name="Anzeigesprache"/> where
/// translated: a draft, an archived offer or one not valid on the host's date is not found (404).
/// </summary>
internal sealed record GetVerzeichnisAngebot(Guid Id, string Anzeigesprache) : IQuery<VerzeichnisAngebot>;

internal sealed class GetVerzeichnisAngebotHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock) : IRequestHandler<GetVerzeichnisAngebot, VerzeichnisAngebot>
{
    private sealed record Kopf(string Id, string Anbieter, string Kategorie, long AbSchwangerschaft, long AlterVonMonate, long AlterBisMonate, long Kostenlos, long Dolmetscher);

    private sealed record OrtZeile(string Name, string Strasse, string Plz, string Ort, string KommuneAgs, long Stufenlos);

    public async Task<VerzeichnisAngebot> Handle(GetVerzeichnisAngebot request, CancellationToken cancellationToken)
    {
        var id = request.Id.ToString();
        await using var connection = await database.OpenAsync(cancellationToken);
        var kopf = await connection.QuerySingleOrDefaultAsync<Kopf>(
            $"""
            SELECT a.id, an.name AS Anbieter, f.kategorie, f.ab_schwangerschaft AS AbSchwangerschaft, f.alter_von_monate AS AlterVonMonate,
                   f.alter_bis_monate AS AlterBisMonate, f.kostenlos, f.dolmetscher_auf_anfrage AS Dolmetscher
            FROM angebote a JOIN anbieter an ON an.id = a.anbieter_id, angebot_fassungen f
            WHERE a.id = @id AND {VerzeichnisSql.Sichtbar}
            """, new { id, heute = GermanFormat.StoredDay(clock.Today) }) ?? throw new RecordNotFoundException("Angebot nicht gefunden.");

        var texte = await VerzeichnisSql.TexteAsync(connection, [id], request.Anzeigesprache);
        var orte = await connection.QueryAsync<OrtZeile>(
            """
            SELECT o.name, o.strasse, o.plz, o.ort, o.kommune_ags AS KommuneAgs, o.stufenlos
            FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.angebot_id = @id AND ao.fassung = 'veroeffentlicht' ORDER BY o.ort, o.name
            """, new { id });
        var zeiten = await connection.QueryAsync<VerzeichnisZeit>(
            """
            SELECT z.freq, z.byday, z.datum, z.opens_at AS Von, z.closes_at AS Bis, o.name AS Ort
            FROM oeffnungszeiten z LEFT JOIN orte o ON o.id = z.ort_id
            WHERE z.angebot_id = @id AND z.fassung = 'veroeffentlicht' AND (z.datum IS NULL OR z.datum >= @heute)
            ORDER BY z.datum IS NOT NULL, z.datum, z.opens_at
            """, new { id, heute = GermanFormat.StoredDay(clock.Today) });
        var sprachen = await connection.QueryAsync<string>(
            "SELECT sprache FROM angebot_sprachen WHERE angebot_id = @id AND fassung = 'veroeffentlicht' ORDER BY sprache", new { id });
        var materialien = await connection.QueryAsync<VerzeichnisMaterial>(
            "SELECT id, titel, sprache FROM materialien WHERE angebot_id = @id AND fassung = 'veroeffentlicht' ORDER BY sprache = @sprache DESC, titel",
            new { id, sprache = request.Anzeigesprache });

        return new VerzeichnisAngebot(kopf.Id, kopf.Anbieter, kopf.Kategorie, texte.GetValueOrDefault(id) ?? [],
            kopf.AbSchwangerschaft == 1, (int)kopf.AlterVonMonate, (int)kopf.AlterBisMonate, kopf.Kostenlos == 1, kopf.Dolmetscher == 1,
            orte.Select(o => new VerzeichnisOrt(o.Name, o.Strasse, o.Plz, o.Ort, o.KommuneAgs, o.Stufenlos == 1)).ToList(), zeiten.ToList(), sprachen.ToList(), materialien.ToList());
    }
}
