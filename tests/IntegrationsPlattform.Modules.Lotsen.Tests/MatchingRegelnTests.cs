using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The ranking of matching without a database (Domain/ compiled from source).</summary>
public sealed class MatchingRegelnTests
{
    private static readonly DateOnly Heute = new(2026, 11, 23);

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(42)]
    public void The_best_25_with_reasons_are_exactly_the_first_25_of_the_whole_ranking(int seed)
    {
        // Many ties on purpose: few levels, municipalities, topics, slots, loads and names, so that every
        // rule of the order (down to the name and the input order) decides somewhere.
        var zufall = new Random(seed);
        var kandidaten = Enumerable.Range(0, 600).Select(i => Kandidat(zufall, i)).ToList();
        var bedarf = new Bedarf(["ar", "fa"], "06437006", "behoerden", null, new Wunschzeitraum(Heute.AddDays(1), Heute.AddDays(10), new TimeOnly(9, 0), null));

        var alle = Matching.Rangfolge(bedarf, kandidaten, Heute, Name, Name);
        var beste = Matching.Rangfolge(bedarf, kandidaten, Heute, Name, Name, hoechstens: 25);

        Assert.Multiple(() =>
        {
            Assert.That(alle, Has.Count.GreaterThan(100), "enough suitable candidates to rank");
            Assert.That(beste.Select(Zeile), Is.EqualTo(alle.Take(25).Select(Zeile)));
            Assert.That(beste.Select(v => v.Rang), Is.EqualTo(Enumerable.Range(1, 25)));
        });
    }

    [Test]
    public void Ranks_language_level_before_municipality_before_topic_before_time_before_load()
    {
        Kandidat K(string id, Sprachniveau niveau, string kommune, string thema, int tag, decimal stunden)
            => new(id, id, new Dictionary<string, Sprachniveau> { ["ar"] = niveau }, new HashSet<string> { kommune }, new HashSet<string> { thema },
                [new Zeitfenster((DayOfWeek)tag, new TimeOnly(9, 0), new TimeOnly(12, 0))], new HashSet<string> { Qualifikationen.Basisqualifizierung }, stunden, 0);
        var bedarf = new Bedarf(["ar"], "06437006", "behoerden", null, new Wunschzeitraum(Heute, Heute.AddDays(6)));
        var kandidaten = new[]
        {
            K("last", Sprachniveau.Gut, "06437006", "behoerden", 2, 10m),
            K("wenig", Sprachniveau.Gut, "06437006", "behoerden", 2, 1m),
            K("thema", Sprachniveau.Gut, "06437006", "schule", 2, 0m),
            K("kommune", Sprachniveau.Gut, "06437011", "behoerden", 2, 0m),
            K("sprache", Sprachniveau.Muttersprache, "06437011", "schule", 2, 20m),
        };

        var ids = Matching.Rangfolge(bedarf, kandidaten, Heute, Name, Name).Select(v => v.Lotse.LotseId);

        Assert.That(ids, Is.EqualTo(new[] { "sprache", "wenig", "last", "thema", "kommune" }));
    }

    private static string Name(string schluessel) => schluessel;

    private static string Zeile(Vorschlag v)
        => $"{v.Rang} {v.Lotse.LotseId} {v.FruehesterTag} {string.Join("|", v.Gruende)} / {string.Join("|", v.Einschraenkungen)}";

    private static Kandidat Kandidat(Random r, int i)
    {
        var sprachen = new Dictionary<string, Sprachniveau>();
        foreach (var code in new[] { "ar", "fa", "tr" }.Where(_ => r.Next(2) == 0))
        {
            sprachen[code] = (Sprachniveau)r.Next(1, 5);
        }

        var qualifikationen = new HashSet<string>();
        if (r.Next(10) > 0)
        {
            qualifikationen.Add(Qualifikationen.Basisqualifizierung);
        }

        return new Kandidat(
            $"id{i:0000}",
            new[] { "Ali Berg", "Aylin Demir", "ali berg", "Zoe Zahn" }[r.Next(4)],
            sprachen,
            new[] { "06437006", "06437011" }.Where(_ => r.Next(2) == 0).ToHashSet(),
            new[] { "behoerden", "schule" }.Where(_ => r.Next(2) == 0).ToHashSet(),
            Enumerable.Range(1, r.Next(3)).Select(_ => new Zeitfenster((DayOfWeek)r.Next(7), new TimeOnly(r.Next(8, 11), 0), new TimeOnly(r.Next(12, 18), 0))).DistinctBy(f => f.Wochentag).ToList(),
            qualifikationen,
            r.Next(3) * 1.5m,
            r.Next(3));
    }
}
