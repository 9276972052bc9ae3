using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// Invented barriers of the demo offers and municipalities across all six kinds, with measures against them in every
/// status and with an owner; two barriers stay „ohne Maßnahme“ (one with nothing tried, one whose only measure was dropped).
/// </summary>
internal static class DemoBarrieren
{
    private sealed record Massnahme(string Art, string Titel, string Verantwortlich, string Status);

    /// <summary>
    /// A barrier: at the published demo offer with the given number (null: none), in the municipality with the given
    /// position in the deployment's list (null: none) — or, at an offer, in that offer's municipality when
    /// <paramref name="AuchKommune"/> —, its kind, the language of a language barrier, and its measures.
    /// </summary>
    private sealed record Barriere(int? Angebot, int? Kommune, bool AuchKommune, string Art, string? Sprache, string Beschreibung, Massnahme[] Massnahmen);

    private static readonly Barriere[] Barrieren =
    [
        new(0, null, false, "sprache", "ar", "Eltern verstehen die Erklärungen vor Ort nicht; dort spricht niemand Arabisch.",
            [new("dolmetscherpool", "Dolmetscherin über den Pool buchen", "WIR-Vielfaltszentrum, Frau Haddad", "laufend"),
             new("uebersetzter_flyer", "Flyer zum Angebot auf Arabisch", "Gesundheitsamt, Kinder- und Jugendgesundheitsdienst", "umgesetzt")]),
        new(null, 0, false, "sprache", "uk", "Ukrainische Familien in der Kommune kennen die Impfempfehlungen nicht; Informationen gibt es nur auf Deutsch.",
            [new("uebersetzter_flyer", "Impfkalender auf Ukrainisch", "Gesundheitsamt, Impfberatung", "geplant")]),
        new(1, null, true, "kosten", null, "Zuzahlungen und Fahrtkosten halten Familien mit wenig Geld von diesem Angebot fern.",
            [new("sonstige", "Kostenübernahme über die Bonuscard klären", "Sozialamt, Herr Becker", "laufend")]),
        new(null, 2, false, "kosten", null, "Fahrtkosten zum Schwimmbad in der Kreisstadt sind für viele Familien zu hoch.",
            [new("sonstige", "Busfahrkarten über den Förderverein", "TSV Odenwald, Jugendleitung", "verworfen")]),
        new(null, 3, false, "mobilitaet", null, "Aus den Ortsteilen fährt nachmittags kein Bus zum Familienzentrum.",
            []),
        new(2, null, false, "mobilitaet", null, "Der Raum liegt im ersten Stock ohne Aufzug; mit Kinderwagen ist er kaum zu erreichen.",
            [new("sonstige", "Termine im Erdgeschoss des Gemeindehauses anbieten", "Anbieter des Angebots, Leitung", "umgesetzt")]),
        new(null, 4, false, "information", null, "Neu zugezogene Familien erfahren nicht von den Angeboten der Frühen Hilfen.",
            [new("ansprache_beiraete_kitas", "Vorstellung im Ausländerbeirat", "WIR-Vielfaltszentrum, Koordination", "geplant"),
             new("ansprache_beiraete_kitas", "Aushänge in allen Kitas der Kommune", "Familienzentrum Mümlingtal", "laufend")]),
        new(3, null, false, "information", "tr", "Die Einladungen zu diesem Angebot erreichen türkischsprachige Eltern nicht.",
            [new("uebersetzter_flyer", "Elternbrief auf Türkisch", "Anbieter des Angebots mit dem Elternbeirat", "umgesetzt")]),
        new(4, null, true, "vertrauen", null, "Familien befürchten, dass Angaben in der Beratung an Behörden weitergegeben werden.",
            [new("begleitung_lotsen", "Begleitung durch Integrationslotsen beim ersten Termin", "WIR-Vielfaltszentrum, Lotsenkoordination", "laufend"),
             new("ansprache_beiraete_kitas", "Infoabend mit dem Elternbeirat zur Schweigepflicht", "Erziehungsberatungsstelle Odenwald", "geplant")]),
        new(null, 6, false, "vertrauen", "fa", "Afghanische Familien haben schlechte Erfahrungen mit Ämtern gemacht und meiden das Gesundheitsamt.",
            [new("begleitung_lotsen", "Lotsin mit Dari begleitet zur Impfsprechstunde", "WIR-Vielfaltszentrum, Lotsenkoordination", "verworfen")]),
        new(5, null, false, "oeffnungszeiten", null, "Die Sprechstunde liegt vormittags, wenn berufstätige Eltern nicht können.",
            [new("sonstige", "Zusätzliche Sprechstunde am Donnerstagabend", "Erziehungsberatungsstelle Odenwald", "geplant")]),
        new(null, 7, false, "oeffnungszeiten", null, "Der Impftag fällt in die Schulferien; viele Familien sind verreist.",
            []),
    ];

    /// <summary>Writes the barriers and measures at the published demo offers (oldest first) and the deployment's municipalities.</summary>
    public static async Task SchreibenAsync(ModuleTransaction tx, DeploymentInfo deployment, DateTimeOffset heute, string wer)
    {
        var angebote = (await tx.Connection.QueryAsync<(string Id, string Kommune)>(
            """
            SELECT a.id, min(o.kommune_ags) FROM angebote a
            JOIN angebot_orte ao ON ao.angebot_id = a.id AND ao.fassung = 'veroeffentlicht' JOIN orte o ON o.id = ao.ort_id
            WHERE a.status = 'veroeffentlicht' GROUP BY a.id ORDER BY a.angelegt_am, a.id
            """, transaction: tx.Sql)).ToList();
        for (var b = 0; b < Barrieren.Length; b++)
        {
            var barriere = Barrieren[b];
            var angebot = barriere.Angebot is { } a ? angebote[a % angebote.Count] : ((string Id, string Kommune)?)null;
            var id = Guid.CreateVersion7().ToString();
            var erfasst = GermanFormat.StoredInstant(heute.AddDays(-90 + b * 5));
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO barrieren (id, angebot_id, kommune_ags, art, sprache, beschreibung, erfasst_am, erfasst_von)
                VALUES (@id, @angebotId, @kommune, @Art, @Sprache, @Beschreibung, @erfasst, @wer)
                """,
                new
                {
                    id,
                    angebotId = angebot?.Id,
                    kommune = barriere.Kommune is { } k ? deployment.Municipalities[k % deployment.Municipalities.Count].Ags
                        : barriere.AuchKommune ? angebot?.Kommune : null,
                    barriere.Art,
                    barriere.Sprache,
                    barriere.Beschreibung,
                    erfasst,
                    wer,
                },
                tx.Sql);
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO massnahmen (id, barriere_id, art, titel, verantwortlich, status, status_seit, angelegt_am, angelegt_von)
                VALUES (@massnahmeId, @id, @Art, @Titel, @Verantwortlich, @Status, @seit, @erfasst, @wer)
                """,
                barriere.Massnahmen.Select((m, n) => new
                {
                    massnahmeId = Guid.CreateVersion7().ToString(), id, m.Art, m.Titel, m.Verantwortlich, m.Status,
                    seit = GermanFormat.StoredInstant(heute.AddDays(-60 + b * 4 + n)), erfasst, wer,
                }),
                tx.Sql);
        }
    }
}
