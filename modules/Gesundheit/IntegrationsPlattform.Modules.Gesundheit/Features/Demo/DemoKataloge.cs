using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>The invented providers, offers and places of the demo data (Odenwaldkreis).</summary>
internal static class DemoKataloge
{
    /// <summary>Providers: fixed ids (the first is the demo account's practice), name, description, e-mail, website, telephone.</summary>
    public static readonly (string Id, string Name, string Beschreibung, string Email, string Website, string Telefon)[] Anbieter =
    [
        (DemoKonten.PraxisAnbieterId, "Kinderarztpraxis Dr. Aydın", "Kinder- und Jugendarztpraxis, Vorsorge und Impfungen.", "praxis@aydin-kinderarzt.example", "https://aydin-kinderarzt.example", "06062 91230"),
        ("0193f5a0-4e00-7000-8000-000000000002", "Gesundheitsamt Odenwaldkreis", "Kinder- und Jugendgesundheitsdienst, Schuleingangsuntersuchung, Impfberatung.", "gesundheitsamt@kreis.example", "https://www.odenwaldkreis.example/gesundheit", "06062 70-0"),
        ("0193f5a0-4e00-7000-8000-000000000003", "Arbeitskreis Zahngesundheit Odenwald", "Gruppenprophylaxe in Kitas und Schulen.", "info@zahngesundheit-odw.example", "https://zahngesundheit-odw.example", "06061 73310"),
        ("0193f5a0-4e00-7000-8000-000000000004", "Familienhebammen im Odenwald", "Frühe Hilfen: Hebammen und Familienkinderkrankenpflege.", "kontakt@familienhebammen.example", "https://familienhebammen.example", "06063 5020"),
        ("0193f5a0-4e00-7000-8000-000000000005", "TSV Odenwald Kinderturnen", "Bewegungsangebote für Kinder aller Altersstufen.", "kinderturnen@tsv-odw.example", "https://tsv-odw.example", "06062 4411"),
        ("0193f5a0-4e00-7000-8000-000000000006", "Familienzentrum Mümlingtal", "Treffpunkt für Familien: Kochen, Sprache, Beratung.", "info@fz-muemlingtal.example", "https://fz-muemlingtal.example", "06061 96870"),
        ("0193f5a0-4e00-7000-8000-000000000007", "Logopädie am Marktplatz", "Sprachtherapie und Sprachförderung für Kinder.", "praxis@logo-markt.example", "https://logo-markt.example", "06061 2213"),
        ("0193f5a0-4e00-7000-8000-000000000008", "Erziehungsberatungsstelle Odenwald", "Beratung für Kinder, Jugendliche und Eltern, auch bei seelischen Belastungen.", "beratung@eb-odw.example", "https://eb-odw.example", "06062 9417"),
    ];

    /// <summary>Per category key: the provider (index into <see cref="Anbieter"/>), titles and what the offer is, with age range in months.</summary>
    public static readonly Dictionary<string, (int Anbieter, string[] Titel, string Beschreibung, int Von, int Bis, bool Schwangerschaft)> Vorlagen = new()
    {
        ["u_untersuchungen"] = (0, ["U-Untersuchungen ohne Wartezeit", "Vorsorge U1 bis U9", "J1 für Jugendliche"], "Die Früherkennungsuntersuchungen Ihres Kindes; das gelbe Heft bitte mitbringen.", 0, 72, false),
        ["impfungen"] = (1, ["Impfsprechstunde", "Impftag für Kinder", "Impfberatung mit Impfpass-Check"], "Beratung und Impfung nach den Empfehlungen der STIKO; der Impfpass wird geprüft.", 2, 216, false),
        ["zahnprophylaxe"] = (2, ["Zahnputzschule in der Kita", "Zahnarzt-Besuch für Kleine", "Fluoridlack-Aktion"], "Kinder lernen spielerisch Zähne putzen; Eltern erhalten Tipps für gesunde Zähne.", 12, 120, false),
        ["fruehe_hilfen"] = (3, ["Familienhebamme besucht Sie", "Babysprechstunde", "Willkommensbesuch für Neugeborene"], "Unterstützung rund um Schwangerschaft, Geburt und das erste Lebensjahr, zu Hause oder im Familienzentrum.", 0, 12, true),
        ["bewegung"] = (4, ["Eltern-Kind-Turnen", "Kinderturnen", "Schwimmkurs für Anfänger"], "Spiel, Sport und Bewegung in der Gruppe, Anmeldung jederzeit.", 18, 120, false),
        ["ernaehrung"] = (5, ["Gesund kochen mit Kindern", "Familienfrühstück", "Beikost-Beratung"], "Einfache, gesunde Rezepte gemeinsam kochen und essen.", 6, 144, false),
        ["sprachentwicklung"] = (6, ["Sprachförderung im Spiel", "Sprechstunde Sprachentwicklung", "Mehrsprachig aufwachsen – Elternabend"], "Beratung, ob sich die Sprache Ihres Kindes gut entwickelt; Mehrsprachigkeit ist willkommen.", 18, 96, false),
        ["psychische_gesundheit"] = (7, ["Offene Sprechstunde für Familien", "Gruppe für Kinder mit Sorgen", "Elterncafé: Stark durch schwere Zeiten"], "Vertrauliche Beratung bei Sorgen, Ängsten oder Belastungen in der Familie.", 36, 216, false),
    };

    /// <summary>
    /// Offer number <paramref name="i"/> of a set: its category in turns, that category's template (another deployment's
    /// categories take the first), its municipality — moved on by one every round of categories, since category, title
    /// and municipality in plain turns repeat together after 24 offers and the directory would list the same offer twice.
    /// </summary>
    public static (string Kategorie, (int Anbieter, string[] Titel, string Beschreibung, int Von, int Bis, bool Schwangerschaft) Vorlage, Municipality Kommune) Angebot(
        int i, IReadOnlyList<string> kategorien, IReadOnlyList<Municipality> kommunen)
    {
        var kategorie = kategorien[i % kategorien.Count];
        return (kategorie, Vorlagen.GetValueOrDefault(kategorie, Vorlagen["u_untersuchungen"]), kommunen[(i * 5 + i / kategorien.Count) % kommunen.Count]);
    }

    /// <summary>Postal codes of the Odenwaldkreis' municipalities by name; another deployment's places get the first.</summary>
    public static readonly Dictionary<string, string> Postleitzahlen = new()
    {
        ["Bad König"] = "64732", ["Brensbach"] = "64395", ["Breuberg"] = "64747", ["Brombachtal"] = "64753", ["Erbach"] = "64711",
        ["Fränkisch-Crumbach"] = "64407", ["Höchst i. Odw."] = "64739", ["Lützelbach"] = "64750", ["Michelstadt"] = "64720",
        ["Mossautal"] = "64756", ["Reichelsheim (Odenwald)"] = "64385", ["Oberzent"] = "64760",
    };

    public static readonly string[] Strassen = ["Hauptstraße", "Bahnhofstraße", "Schulstraße", "Marktplatz", "Kirchstraße", "Am Rathaus"];

    public static readonly string[] Ortsnamen = ["Gemeindehaus", "Familienzentrum", "Bürgerhaus", "Praxis", "Kita Sonnenschein", "Turnhalle"];

    /// <summary>Languages spoken on site, in turns: German always, one or two of the families' languages.</summary>
    public static readonly string[][] Sprachen = [["de", "tr"], ["de", "ar"], ["de", "uk", "ru"], ["de"], ["de", "fa", "ar"], ["de", "en"], ["de", "ro"], ["de", "kmr"]];
}
