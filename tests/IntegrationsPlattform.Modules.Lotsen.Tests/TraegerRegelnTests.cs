using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>The rules of the Träger search without a database (Domain/ compiled from source).</summary>
public sealed class TraegerRegelnTests
{
    [TestCase("identifiziert", new[] { "kontaktiert", "abgelehnt" })]
    [TestCase("kontaktiert", new[] { "interessiert", "abgelehnt" })]
    [TestCase("interessiert", new[] { "abgelehnt" })]
    [TestCase("vereinbart", new string[0])]
    [TestCase("abgelehnt", new string[0])]
    public void Offers_the_lifecycle_successors_but_never_vereinbart(string von, string[] erwartet)
        => Assert.That(TraegerRegeln.WaehlbareStatus(von).Select(s => s.Schluessel), Is.EqualTo(erwartet));

    [TestCase("identifiziert", "kontaktiert")]
    [TestCase("kontaktiert", "interessiert")]
    [TestCase("interessiert", "abgelehnt")]
    public void Allows_changes_of_the_lifecycle(string von, string nach)
        => Assert.DoesNotThrow(() => TraegerRegeln.PruefeManuellenWechsel(von, nach));

    [TestCase("identifiziert", "interessiert", "nicht möglich")]
    [TestCase("abgelehnt", "kontaktiert", "endgültig")]
    [TestCase("vereinbart", "abgelehnt", "endgültig")]
    [TestCase("interessiert", "vereinbart", "nur durch das Erfassen der Vereinbarung")]
    [TestCase("kontaktiert", "vereinbart", "nicht möglich")]
    public void Refuses_other_changes_with_a_reason(string von, string nach, string grund)
    {
        var ex = Assert.Throws<DomainRuleException>(() => TraegerRegeln.PruefeManuellenWechsel(von, nach));
        Assert.That(ex!.Message, Does.Contain(grund));
    }

    [Test]
    public void An_unknown_status_is_a_field_error_not_a_rule()
        => Assert.Throws<RequestValidationException>(() => TraegerRegeln.PruefeManuellenWechsel("identifiziert", "verschollen"));

    [TestCase("abgelehnt", null, true)]
    [TestCase("abgelehnt", "  ", true)]
    [TestCase("abgelehnt", "kein Personal", false)]
    [TestCase("kontaktiert", null, false)]
    public void Declining_needs_a_reason(string nach, string? grund, bool fehler)
        => Assert.That(TraegerRegeln.PruefeGrund(nach, grund) is not null, Is.EqualTo(fehler));

    [Test]
    public void A_reason_is_at_most_500_characters()
        => Assert.That(TraegerRegeln.PruefeGrund("kontaktiert", new string('x', 501))?.Field, Is.EqualTo("grund"));

    [TestCase("interessiert", false)]
    [TestCase("identifiziert", true)]
    [TestCase("kontaktiert", true)]
    [TestCase("abgelehnt", true)]
    public void An_agreement_needs_an_interested_candidate(string status, bool verweigert)
    {
        if (verweigert)
        {
            Assert.Throws<DomainRuleException>(() => TraegerRegeln.PruefeVereinbarungMoeglich(status, hatLaufendeVereinbarung: false));
        }
        else
        {
            Assert.DoesNotThrow(() => TraegerRegeln.PruefeVereinbarungMoeglich(status, hatLaufendeVereinbarung: false));
        }
    }

    [Test]
    public void A_Traeger_with_an_agreement_gets_a_follow_up_only_after_it_ended()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<DomainRuleException>(() => TraegerRegeln.PruefeVereinbarungMoeglich("vereinbart", hatLaufendeVereinbarung: true))!.Message, Does.Contain("läuft schon"));
            Assert.DoesNotThrow(() => TraegerRegeln.PruefeVereinbarungMoeglich("vereinbart", hatLaufendeVereinbarung: false));
            Assert.That(TraegerRegeln.VereinbarungMoeglich("vereinbart", hatLaufendeVereinbarung: false), Is.True);
            Assert.That(TraegerRegeln.VereinbarungMoeglich("kontaktiert", hatLaufendeVereinbarung: false), Is.False);
        });
    }

    [Test]
    public void The_municipalities_of_an_agreement_are_a_non_empty_subset_of_the_candidates()
    {
        string[] moeglich = ["06437001", "06437006"];
        Assert.Multiple(() =>
        {
            Assert.That(TraegerRegeln.PruefeVereinbarungsKommunen([], moeglich, a => a), Is.Not.Null);
            Assert.That(TraegerRegeln.PruefeVereinbarungsKommunen(["06437006"], moeglich, a => a), Is.Null);
            Assert.That(TraegerRegeln.PruefeVereinbarungsKommunen(["06437006", "06437011"], moeglich, a => a == "06437011" ? "Michelstadt" : a)!.Message, Does.Contain("Michelstadt"));
        });
    }

    [Test]
    public void An_end_is_not_before_the_start()
    {
        var beginn = new DateOnly(2026, 3, 1);
        Assert.Multiple(() =>
        {
            Assert.That(TraegerRegeln.PruefeEnde(beginn, null), Is.Null);
            Assert.That(TraegerRegeln.PruefeEnde(beginn, beginn), Is.Null);
            Assert.That(TraegerRegeln.PruefeEnde(beginn, beginn.AddDays(-1))?.Field, Is.EqualTo("ende"));
        });
    }

    [Test]
    public void Contact_channels_match_the_schema()
        => Assert.That(Kontaktkanaele.Alle.Select(k => k.Schluessel), Is.EqualTo(new[] { "telefon", "email", "treffen", "brief", "sonstiges" }));
}
