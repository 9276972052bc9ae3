using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Gesundheit;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Berichte;

/// <summary>
/// The module's figures for the monitor: what families find now (published offers, those reachable in another language,
/// the languages spoken), the barriers nobody works on yet, and the hand-overs to the Lotsen of the period.
/// </summary>
internal sealed class GesundheitIndikatorenProvider(IModuleDatabase<GesundheitModule> database, ILocalClock clock) : IIndicatorProvider
{
    /// <summary>An offer with places in several municipalities counts in each, so the municipalities never add up to the Kreis.</summary>
    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new(GesundheitIndikatoren.VeroeffentlichteAngebote, "Veröffentlichte Gesundheitsangebote", "Angebote", IndicatorLevel.Municipality) { MunicipalitiesAddUp = false },
        new(GesundheitIndikatoren.AngeboteFremdsprachig, "Gesundheitsangebote in einer anderen Sprache als Deutsch erreichbar", "Angebote", IndicatorLevel.Municipality) { MunicipalitiesAddUp = false },
        new(GesundheitIndikatoren.Sprachen, "In Gesundheitsangeboten gesprochene Sprachen außer Deutsch", "Sprachen", IndicatorLevel.Kreis),
        new(GesundheitIndikatoren.BarrierenOhneMassnahme, "Zugangsbarrieren ohne Maßnahme", "Barrieren", IndicatorLevel.Municipality) { MunicipalitiesAddUp = false },
        new(GesundheitIndikatoren.LotsenUebergaben, "Übergaben an Integrationslotsen", "Familien", IndicatorLevel.Municipality) { Kind = IndicatorKind.Flow },
    ];

    /// <summary>Reachable in another language: a language other than German spoken on site, or an interpreter on request.</summary>
    private const string Fremdsprachig = """
        (f.dolmetscher_auf_anfrage = 1 OR EXISTS (
            SELECT 1 FROM angebot_sprachen s WHERE s.angebot_id = a.id AND s.fassung = 'veroeffentlicht' AND s.sprache <> 'de'))
        """;

    /// <summary>A barrier without a measure that is still pursued; a barrier whose every measure was dropped counts again.</summary>
    private const string OhneMassnahme = "NOT EXISTS (SELECT 1 FROM massnahmen m WHERE m.barriere_id = b.id AND m.status <> 'verworfen')";

    public async Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        using var ergebnis = await connection.QueryMultipleAsync(
            $"""
            SELECT o.kommune_ags, count(DISTINCT a.id) FROM angebote a, angebot_fassungen f
            JOIN angebot_orte ao ON ao.angebot_id = a.id AND ao.fassung = 'veroeffentlicht' JOIN orte o ON o.id = ao.ort_id
            WHERE {VerzeichnisSql.Sichtbar} GROUP BY o.kommune_ags;
            SELECT count(*) FROM angebote a, angebot_fassungen f WHERE {VerzeichnisSql.Sichtbar};
            SELECT o.kommune_ags, count(DISTINCT a.id) FROM angebote a, angebot_fassungen f
            JOIN angebot_orte ao ON ao.angebot_id = a.id AND ao.fassung = 'veroeffentlicht' JOIN orte o ON o.id = ao.ort_id
            WHERE {VerzeichnisSql.Sichtbar} AND {Fremdsprachig} GROUP BY o.kommune_ags;
            SELECT count(*) FROM angebote a, angebot_fassungen f WHERE {VerzeichnisSql.Sichtbar} AND {Fremdsprachig};
            SELECT count(DISTINCT s.sprache) FROM angebote a, angebot_fassungen f
            JOIN angebot_sprachen s ON s.angebot_id = a.id AND s.fassung = 'veroeffentlicht'
            WHERE {VerzeichnisSql.Sichtbar} AND s.sprache <> 'de';
            SELECT k.ags, count(DISTINCT k.id) FROM (
                SELECT b.id, b.kommune_ags AS ags FROM barrieren b WHERE b.kommune_ags IS NOT NULL AND {OhneMassnahme}
                UNION SELECT b.id, o.kommune_ags FROM barrieren b
                JOIN angebot_orte ao ON ao.angebot_id = b.angebot_id AND ao.fassung = 'arbeit' JOIN orte o ON o.id = ao.ort_id
                WHERE {OhneMassnahme}) k
            GROUP BY k.ags;
            SELECT count(*) FROM barrieren b WHERE {OhneMassnahme};
            SELECT kommune_ags, count(*) FROM lotsen_uebergaben WHERE datum BETWEEN @von AND @bis GROUP BY kommune_ags;
            """,
            new { heute = GermanFormat.StoredDay(clock.Today), von = GermanFormat.StoredDay(period.From), bis = GermanFormat.StoredDay(period.To) });

        var werte = new List<IndicatorValue>();
        foreach (var key in new[] { GesundheitIndikatoren.VeroeffentlichteAngebote, GesundheitIndikatoren.AngeboteFremdsprachig })
        {
            await JeKommuneUndKreisAsync(ergebnis, key, werte);
        }

        werte.Add(new IndicatorValue(GesundheitIndikatoren.Sprachen, await ergebnis.ReadSingleAsync<long>()));
        await JeKommuneUndKreisAsync(ergebnis, GesundheitIndikatoren.BarrierenOhneMassnahme, werte);
        var uebergaben = (await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).ToList();
        werte.AddRange(uebergaben.Select(r => new IndicatorValue(GesundheitIndikatoren.LotsenUebergaben, r.Anzahl, r.Ags)));
        // A month without hand-overs is a 0 for the Kreis, not a gap.
        werte.Add(new IndicatorValue(GesundheitIndikatoren.LotsenUebergaben, uebergaben.Sum(r => r.Anzahl)));
        return werte;
    }

    /// <summary>Reads a figure's municipality rows and then its Kreis value (each counted once).</summary>
    private static async Task JeKommuneUndKreisAsync(SqlMapper.GridReader ergebnis, string key, List<IndicatorValue> werte)
    {
        werte.AddRange((await ergebnis.ReadAsync<(string Ags, long Anzahl)>()).Select(r => new IndicatorValue(key, r.Anzahl, r.Ags)));
        werte.Add(new IndicatorValue(key, await ergebnis.ReadSingleAsync<long>()));
    }
}
