using IntegrationsPlattform.Contracts.Kernel;

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
    /// <summary>
    /// The suitable Lotsen, best first; the reasons are written only for the first <paramref name="hoechstens"/>,
    /// which are exactly the first of the whole ranking (the order depends on the scores, not on the texts).
    /// </summary>
    public static IReadOnlyList<Vorschlag> Rangfolge(Bedarf bedarf, IEnumerable<Kandidat> kandidaten, DateOnly heute, Func<string, string> kommuneName, Func<string, string> themaText, int hoechstens = int.MaxValue)
    {
        var bewertet = new List<Bewertung>();
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
            bewertet.Add(new Bewertung(
                kandidat,
                code,
                niveau,
                kandidat.Kommunen.Contains(bedarf.KommuneAgs),
                kandidat.Themen.Contains(bedarf.Thema),
                bedarf.Zeitraum.ErsterPassenderTag(kandidat.Verfuegbarkeit, heute)));
        }

        return bewertet
            .OrderByDescending(b => b.Niveau)
            .ThenByDescending(b => b.Kommune)
            .ThenByDescending(b => b.Thema)
            .ThenByDescending(b => b.Tag is not null)
            .ThenBy(b => b.K.StundenImMonat)
            .ThenBy(b => b.K.GeplanteEinsaetze)
            .ThenBy(b => b.Tag ?? DateOnly.MaxValue)
            .ThenBy(b => b.K.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("de-DE"), ignoreCase: true))
            .Take(hoechstens)
            .Select((b, i) => Begruendet(b, i + 1, bedarf, kommuneName, themaText))
            .ToList();
    }

    private sealed record Bewertung(Kandidat K, string Code, Sprachniveau Niveau, bool Kommune, bool Thema, DateOnly? Tag);

    private static Vorschlag Begruendet(Bewertung b, int rang, Bedarf bedarf, Func<string, string> kommuneName, Func<string, string> themaText)
    {
        var kandidat = b.K;
        var gruende = new List<string> { $"spricht {Languages.Name(b.Code)} ({b.Niveau.Text()})" };
        var einschraenkungen = new List<string>();
        (b.Kommune ? gruende : einschraenkungen).Add(b.Kommune ? $"ist in {kommuneName(bedarf.KommuneAgs)} tätig" : $"nicht in {kommuneName(bedarf.KommuneAgs)} tätig");
        (b.Thema ? gruende : einschraenkungen).Add(b.Thema ? $"Thema {themaText(bedarf.Thema)}" : $"Thema {themaText(bedarf.Thema)} nicht angegeben");
        if (b.Tag is { } verfuegbar)
        {
            gruende.Add($"verfügbar ab {verfuegbar:dd.MM.yyyy} ({string.Join(", ", kandidat.Verfuegbarkeit.Where(f => f.Wochentag == verfuegbar.DayOfWeek).Select(f => f.Text))})");
        }
        else
        {
            einschraenkungen.Add("keine angegebene Verfügbarkeit im Wunschzeitraum");
        }

        gruende.Add($"diesen Monat {kandidat.StundenImMonat.ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))} Std., {kandidat.GeplanteEinsaetze} geplante Einsätze");
        return new Vorschlag(kandidat, rang, b.Tag, gruende, einschraenkungen);
    }

    /// <summary>Speaks a requested language, has the Basisqualifizierung and the topic's required course.</summary>
    public static bool IstGeeignet(Bedarf bedarf, Kandidat kandidat)
        => bedarf.Sprachen.Any(kandidat.Sprachen.ContainsKey)
           && kandidat.Qualifikationen.Contains(Qualifikationen.Basisqualifizierung)
           && (bedarf.BenoetigteQualifikation is null || kandidat.Qualifikationen.Contains(bedarf.BenoetigteQualifikation));
}
