using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>A measure's lifecycle without a host: which changes it allows, and why it refuses the others.</summary>
public sealed class MassnahmeLebenszyklusTests
{
    [TestCase("geplant", "laufend")]
    [TestCase("geplant", "verworfen")]
    [TestCase("laufend", "umgesetzt")]
    [TestCase("laufend", "verworfen")]
    public void A_measure_moves_on_from_planned_to_done_or_is_dropped_before(string von, string nach)
        => Assert.DoesNotThrow(() => Lebenszyklen.Massnahme.EnsureTransition(von, nach));

    [TestCase("geplant", "umgesetzt", "erlaubt: läuft, verworfen")]
    [TestCase("laufend", "geplant", "erlaubt: umgesetzt, verworfen")]
    [TestCase("umgesetzt", "verworfen", "erlaubt: keiner – der Status ist endgültig")]
    [TestCase("verworfen", "laufend", "erlaubt: keiner – der Status ist endgültig")]
    public void Any_other_change_is_refused_naming_the_allowed_ones(string von, string nach, string erlaubt)
    {
        var ex = Assert.Throws<DomainRuleException>(() => Lebenszyklen.Massnahme.EnsureTransition(von, nach));

        Assert.That(ex!.Message, Does.StartWith($"Maßnahme: Wechsel von „{Lebenszyklen.Massnahme.Label(von)}“").And.EndWith($"({erlaubt})."));
    }

    [Test]
    public void A_new_measure_starts_planned()
        => Assert.That(Lebenszyklen.Massnahme.Start.Key, Is.EqualTo("geplant"));
}
