using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>One offer with its working and published version and its history; an offer outside the user's scope does not exist for them.</summary>
internal sealed record GetAngebot(string Id) : IQuery<AngebotDetail>;

internal sealed class GetAngebotHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, GesundheitSettings settings, ILocalClock clock)
    : IRequestHandler<GetAngebot, AngebotDetail>
{
    private sealed record Kopf(string Id, string AnbieterId, string AnbieterName, string Status, string? AenderungStatus, string? GeprueftAm);

    private sealed record FassungZeile(
        string Kategorie, long AbSchwangerschaft, long AlterVonMonate, long AlterBisMonate, long Kostenlos, long DolmetscherAufAnfrage,
        string? GueltigVon, string? GueltigBis, string GeaendertAm);

    private sealed record OrtRow(string Id, string Name, string Strasse, string Plz, string Ort, string KommuneAgs, long Stufenlos);

    public async Task<AngebotDetail> Handle(GetAngebot request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var kopf = await connection.QuerySingleOrDefaultAsync<Kopf>(
            """
            SELECT a.id, a.anbieter_id AS AnbieterId, n.name AS AnbieterName, a.status, a.aenderung_status AS AenderungStatus, a.geprueft_am AS GeprueftAm
            FROM angebote a JOIN anbieter n ON n.id = a.anbieter_id WHERE a.id = @id
            """,
            new { id = request.Id });
        var arbeit = kopf is null ? null : await FassungAsync(connection, kopf.Id, AngebotSchreiben.Arbeit);
        if (kopf is null || arbeit is null
            || !RecordScope.Of(user, GesundheitModule.Angebote).CanRead(arbeit.Orte.Select(o => o.KommuneAgs), owner: null, [kopf.AnbieterId]))
        {
            throw new RecordNotFoundException("Angebot nicht gefunden.");
        }

        var veroeffentlicht = await FassungAsync(connection, kopf.Id, AngebotSchreiben.Veroeffentlicht);
        var verlauf = (await connection.QueryAsync<(string? Von, string Nach, string Am, string Durch, string? Grund)>(
                "SELECT von, nach, am, durch, grund FROM angebot_status_verlauf WHERE angebot_id = @id ORDER BY am DESC, rowid DESC", new { id = kopf.Id }))
            .Select(v => new StatusVerlaufZeile(v.Von, v.Nach, Lebenszyklen.Angebot.Label(v.Nach), v.Am, v.Durch, v.Grund))
            .ToList();
        var fehlt = AngebotRegeln.FehltZumVeroeffentlichen(arbeit.Texte.ContainsKey("titel"), arbeit.Texte.ContainsKey("beschreibung"), arbeit.Orte.Count);
        return new AngebotDetail(
            kopf.Id, kopf.AnbieterId, kopf.AnbieterName, kopf.Status, Lebenszyklen.Angebot.Label(kopf.Status), kopf.AenderungStatus, kopf.GeprueftAm,
            AngeboteSql.PruefungFaellig(kopf.Status, kopf.GeprueftAm, clock), fehlt.Select(f => f.Message).ToList(), arbeit, veroeffentlicht, verlauf);
    }

    private async Task<AngebotFassung?> FassungAsync(SqliteConnection connection, string id, string fassung)
    {
        var f = await connection.QuerySingleOrDefaultAsync<FassungZeile>(
            """
            SELECT kategorie, ab_schwangerschaft AS AbSchwangerschaft, alter_von_monate AS AlterVonMonate, alter_bis_monate AS AlterBisMonate, kostenlos,
                dolmetscher_auf_anfrage AS DolmetscherAufAnfrage, gueltig_von AS GueltigVon, gueltig_bis AS GueltigBis, geaendert_am AS GeaendertAm
            FROM angebot_fassungen WHERE angebot_id = @id AND fassung = @fassung
            """,
            new { id, fassung });
        if (f is null)
        {
            return null;
        }

        var parameter = new { id, fassung };
        var texte = (await connection.QueryAsync<(string Feld, string Text)>(
                "SELECT feld, text FROM angebot_texte WHERE angebot_id = @id AND fassung = @fassung AND sprache = 'de'", parameter))
            .ToDictionary(t => t.Feld, t => t.Text);
        var sprachen = (await connection.QueryAsync<string>(
            "SELECT sprache FROM angebot_sprachen WHERE angebot_id = @id AND fassung = @fassung ORDER BY sprache", parameter)).ToList();
        var orte = (await connection.QueryAsync<OrtRow>(
            """
            SELECT o.id, o.name, o.strasse, o.plz, o.ort, o.kommune_ags AS KommuneAgs, o.stufenlos
            FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.angebot_id = @id AND ao.fassung = @fassung ORDER BY o.name
            """,
            parameter)).Select(o => new OrtZeile(o.Id, o.Name, o.Strasse, o.Plz, o.Ort, o.KommuneAgs, o.Stufenlos == 1)).ToList();
        var zeiten = (await connection.QueryAsync<ZeitZeile>(
            """
            SELECT id, freq, byday, datum, opens_at AS Von, closes_at AS Bis, beschreibung AS Hinweis
            FROM oeffnungszeiten WHERE angebot_id = @id AND fassung = @fassung ORDER BY datum, freq, byday, opens_at
            """,
            parameter)).ToList();
        var abSchwangerschaft = f.AbSchwangerschaft == 1;
        var (von, bis) = ((int)f.AlterVonMonate, (int)f.AlterBisMonate);
        return new AngebotFassung(
            f.Kategorie, settings.KategorieText(f.Kategorie), texte, f.Kostenlos == 1, abSchwangerschaft, von, bis,
            AngebotRegeln.Zielgruppe(abSchwangerschaft, von, bis), f.DolmetscherAufAnfrage == 1, f.GueltigVon, f.GueltigBis,
            sprachen, orte, zeiten, f.GeaendertAm);
    }
}
