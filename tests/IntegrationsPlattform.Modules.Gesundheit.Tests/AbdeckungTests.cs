using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The coverage computation without a host: age groups at their edges, validity on the day asked, on site against interpreter.</summary>
public sealed class AbdeckungTests
{
    private static readonly DateOnly Heute = new(2027, 3, 15);

    private static AngebotReichweite Angebot(
        int von = 0, int bis = 216, bool schwangerschaft = false, string[]? sprachen = null, bool dolmetscher = false,
        DateOnly? gueltigVon = null, DateOnly? gueltigBis = null, string kommune = "06437006")
        => new("a", [kommune], sprachen ?? ["de", "tr"], dolmetscher, schwangerschaft, von, bis, gueltigVon, gueltigBis);

    private static AbdeckungsZelle Zelle(AngebotReichweite angebot, string sprache, string gruppe, string kommune = "06437006")
        => Abdeckung.Berechnen([angebot], [kommune], [sprache], Heute).Single(z => z.Altersgruppe == gruppe);

    [TestCase(0, 35, "0-2", true)]
    [TestCase(0, 35, "3-5", false)]
    [TestCase(0, 36, "3-5", true)]
    [TestCase(71, 80, "3-5", true)]
    [TestCase(72, 119, "3-5", false)]
    [TestCase(72, 119, "6-9", true)]
    [TestCase(120, 167, "10-13", true)]
    [TestCase(120, 167, "14-17", false)]
    [TestCase(168, 216, "14-17", true)]
    [TestCase(0, 216, "schwangerschaft", false)]
    public void An_offer_reaches_the_age_groups_its_range_overlaps_both_bounds_included(int von, int bis, string gruppe, bool erreicht)
        => Assert.That(Zelle(Angebot(von, bis), "tr", gruppe).Erreichbar, Is.EqualTo(erreicht));

    [Test]
    public void Pregnancy_is_reached_only_by_an_offer_that_starts_in_pregnancy()
        => Assert.That(Zelle(Angebot(0, 12, schwangerschaft: true), "tr", "schwangerschaft").VorOrt, Is.EqualTo(1));

    [TestCase("2027-03-15", null, true)]
    [TestCase("2027-03-16", null, false)]
    [TestCase(null, "2027-03-15", true)]
    [TestCase(null, "2027-03-14", false)]
    public void Only_an_offer_valid_on_the_day_asked_counts_both_days_included(string? von, string? bis, bool zaehlt)
    {
        var angebot = Angebot(gueltigVon: von is null ? null : DateOnly.Parse(von), gueltigBis: bis is null ? null : DateOnly.Parse(bis));

        Assert.That(Zelle(angebot, "tr", "3-5").Erreichbar, Is.EqualTo(zaehlt));
    }

    [Test]
    public void An_interpreter_on_request_is_counted_apart_from_the_language_spoken_on_site()
    {
        var angebot = Angebot(sprachen: ["de", "tr"], dolmetscher: true);

        var tuerkisch = Zelle(angebot, "tr", "3-5");
        var arabisch = Zelle(angebot, "ar", "3-5");
        var ohneDolmetschen = Zelle(Angebot(sprachen: ["de"]), "ar", "3-5");

        Assert.Multiple(() =>
        {
            Assert.That((tuerkisch.VorOrt, tuerkisch.NurMitDolmetschen), Is.EqualTo((1, 0)));
            Assert.That((arabisch.VorOrt, arabisch.NurMitDolmetschen), Is.EqualTo((0, 1)));
            Assert.That(ohneDolmetschen.Erreichbar, Is.False);
        });
    }

    [Test]
    public void An_offer_reaches_only_the_municipalities_of_its_places()
        => Assert.That(Zelle(Angebot(kommune: "06437006"), "tr", "3-5", kommune: "06437014").Erreichbar, Is.False);
}
