namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>An active Lotse as matching sees them (no contact data: matching needs none).</summary>
internal sealed record Kandidat(
    string LotseId,
    string Name,
    IReadOnlyDictionary<string, Sprachniveau> Sprachen,
    IReadOnlySet<string> Kommunen,
    IReadOnlySet<string> Themen,
    IReadOnlyList<Zeitfenster> Verfuegbarkeit,
    IReadOnlySet<string> Qualifikationen,
    decimal StundenImMonat,
    int GeplanteEinsaetze);

/// <summary>What a request needs from a Lotse.</summary>
internal sealed record Bedarf(
    IReadOnlyList<string> Sprachen,
    string KommuneAgs,
    string Thema,
    string? BenoetigteQualifikation,
    Wunschzeitraum Zeitraum);

/// <summary>One suggestion with the reasons staff see, best first.</summary>
internal sealed record Vorschlag(Kandidat Lotse, int Rang, DateOnly? FruehesterTag, IReadOnlyList<string> Gruende, IReadOnlyList<string> Einschraenkungen);

/// <summary>
/// Ranks Lotsen for a request. Only active Lotsen who speak one of the requested languages and hold
/// the Basisqualifizierung (plus a topic's required course) are suitable; among them the order is:
/// language level, serves the municipality, knows the topic, available in the requested time, then
/// the lower load this month, so that the work is shared.
/// </summary>
internal static class Matching
{
    public static IReadOnlyList<Vorschlag> Rangfolge(Bedarf bedarf, IEnumerable<Kandidat> kandidaten, DateOnly heute, Func<string, string> kommuneName, Func<string, string> themaText)
    {
        var bewertet = new List<(Kandidat K, int Sprache, bool Kommune, bool Thema, DateOnly? Tag, List<string> Gruende, List<string> Einschraenkungen)>();
        foreach (var kandidat in kandidaten)
        {
            if (!IstGeeignet(bedarf, kandidat))
            {
                continue;
            }

            var (code, niveau) = bedarf.Sprachen
                .Where(kandidat.Sprachen.ContainsKey)
                .Select(c => (Code: c, Niveau: kandidat.Sprachen[c]))
                .OrderByDescending(s => s.Niveau)
                .First();
            var gruende = new List<string> { $"spricht {Sprachen.Name(code)} ({niveau.Text()})" };
            var einschraenkungen = new List<string>();

            var kommune = kandidat.Kommunen.Contains(bedarf.KommuneAgs);
            (kommune ? gruende : einschraenkungen).Add(kommune ? $"ist in {kommuneName(bedarf.KommuneAgs)} tätig" : $"nicht in {kommuneName(bedarf.KommuneAgs)} tätig");

            var thema = kandidat.Themen.Contains(bedarf.Thema);
            (thema ? gruende : einschraenkungen).Add(thema ? $"Thema {themaText(bedarf.Thema)}" : $"Thema {themaText(bedarf.Thema)} nicht angegeben");

            var tag = bedarf.Zeitraum.ErsterPassenderTag(kandidat.Verfuegbarkeit, heute);
            if (tag is { } verfuegbar)
            {
                gruende.Add($"verfügbar ab {verfuegbar:dd.MM.yyyy} ({string.Join(", ", kandidat.Verfuegbarkeit.Where(f => f.Wochentag == verfuegbar.DayOfWeek).Select(f => f.Text))})");
            }
            else
            {
                einschraenkungen.Add("keine angegebene Verfügbarkeit im Wunschzeitraum");
            }

            gruende.Add($"diesen Monat {kandidat.StundenImMonat.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))} Std., {kandidat.GeplanteEinsaetze} geplante Einsätze");
            bewertet.Add((kandidat, (int)niveau, kommune, thema, tag, gruende, einschraenkungen));
        }

        return bewertet
            .OrderByDescending(b => b.Sprache)
            .ThenByDescending(b => b.Kommune)
            .ThenByDescending(b => b.Thema)
            .ThenByDescending(b => b.Tag is not null)
            .ThenBy(b => b.K.StundenImMonat)
            .ThenBy(b => b.K.GeplanteEinsaetze)
            .ThenBy(b => b.Tag ?? DateOnly.MaxValue)
            .ThenBy(b => b.K.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true))
            .Select((b, i) => new Vorschlag(b.K, i + 1, b.Tag, b.Gruende, b.Einschraenkungen))
            .ToList();
    }

    /// <summary>Speaks a requested language, has the Basisqualifizierung and the topic's required course.</summary>
    public static bool IstGeeignet(Bedarf bedarf, Kandidat kandidat)
        => bedarf.Sprachen.Any(kandidat.Sprachen.ContainsKey)
           && kandidat.Qualifikationen.Contains(Qualifikationen.Basisqualifizierung)
           && (bedarf.BenoetigteQualifikation is null || kandidat.Qualifikationen.Contains(bedarf.BenoetigteQualifikation));
}
