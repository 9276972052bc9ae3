namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>An age group of the coverage matrix in months, both bounds included; pregnancy is a group of its own.</summary>
internal sealed record Altersgruppe(string Key, string Label, int VonMonate, int BisMonate, bool Schwangerschaft = false);

/// <summary>What the matrix needs of a published offer: where it is held, in which languages, for which ages, how long.</summary>
internal sealed record AngebotReichweite(
    string Id, IReadOnlyList<string> Kommunen, IReadOnlyList<string> Sprachen, bool DolmetscherAufAnfrage, bool AbSchwangerschaft,
    int VonMonate, int BisMonate, DateOnly? GueltigVon, DateOnly? GueltigBis);

/// <summary>
/// One cell: municipality × language × age group, with the number of offers where the language is spoken on site
/// and of those reachable only with an interpreter on request.
/// </summary>
internal sealed record AbdeckungsZelle(string KommuneAgs, string Sprache, string Altersgruppe, int VorOrt, int NurMitDolmetschen)
{
    public bool Erreichbar => VorOrt + NurMitDolmetschen > 0;
}

/// <summary>
/// The coverage matrix of issue 16: where no published, valid offer is reachable in a language. An offer reaches a
/// cell when one of its places lies in the municipality, its age range overlaps the group (pregnancy only with
/// „ab Schwangerschaft“) and it is valid on the day asked; in the language, when it is spoken on site, else when an
/// interpreter may be asked for — which the matrix counts apart, since a family must know to ask.
/// </summary>
internal static class Abdeckung
{
    public static readonly IReadOnlyList<Altersgruppe> Altersgruppen =
    [
        new("schwangerschaft", "Schwangerschaft", 0, 0, Schwangerschaft: true),
        new("0-2", "0–2 Jahre", 0, 35),
        new("3-5", "3–5 Jahre", 36, 71),
        new("6-9", "6–9 Jahre", 72, 119),
        new("10-13", "10–13 Jahre", 120, 167),
        new("14-17", "14–17 Jahre", 168, AngebotRegeln.AlterMaxMonate),
    ];

    public static bool Gueltig(AngebotReichweite angebot, DateOnly heute)
        => (angebot.GueltigVon is null || angebot.GueltigVon <= heute) && (angebot.GueltigBis is null || angebot.GueltigBis >= heute);

    /// <summary>An offer's age range in months (both bounds included) overlaps the group's.</summary>
    public static bool Passt(AngebotReichweite angebot, Altersgruppe gruppe)
        => gruppe.Schwangerschaft ? angebot.AbSchwangerschaft : angebot.VonMonate <= gruppe.BisMonate && angebot.BisMonate >= gruppe.VonMonate;

    public static IReadOnlyList<AbdeckungsZelle> Berechnen(
        IReadOnlyList<AngebotReichweite> angebote, IEnumerable<string> kommunen, IReadOnlyList<string> sprachen, DateOnly heute)
    {
        var gueltige = angebote.Where(a => Gueltig(a, heute)).ToList();
        return (from kommune in kommunen
                from sprache in sprachen
                from gruppe in Altersgruppen
                let passende = gueltige.Where(a => a.Kommunen.Contains(kommune) && Passt(a, gruppe)).ToList()
                let vorOrt = passende.Count(a => a.Sprachen.Contains(sprache))
                let dolmetschen = passende.Count(a => !a.Sprachen.Contains(sprache) && a.DolmetscherAufAnfrage)
                select new AbdeckungsZelle(kommune, sprache, gruppe.Key, vorOrt, dolmetschen)).ToList();
    }
}
