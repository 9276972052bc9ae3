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
        => Assert.That(TraegerRegeln.WaehlbareStatus(von).Select(s => s.Key), Is.EqualTo(erwartet));

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
        => Assert.That(GrundFehler(nach, grund).Count > 0, Is.EqualTo(fehler));

    [Test]
    public void A_reason_is_at_most_500_characters()
        => Assert.That(GrundFehler("kontaktiert", new string('x', 501)).Select(f => f.Field), Is.EqualTo(new[] { "grund" }));

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

    [TestCase(null, 0, true)]
    [TestCase(5, 0, true)]
    [TestCase(0, 0, true)]
    [TestCase(-1, 0, false)]
    [TestCase(null, 1, false)]
    public void An_agreement_runs_through_the_day_of_its_planned_end_and_not_after_it(int? endeInTagen, int beendet, bool laeuft)
    {
        var heute = new DateOnly(2026, 6, 15);
        DateOnly? ende = endeInTagen is { } t ? heute.AddDays(t) : null;
        Assert.Multiple(() =>
        {
            Assert.That(TraegerRegeln.Laeuft(beendet == 1, ende, heute), Is.EqualTo(laeuft));
            Assert.That(TraegerRegeln.EndeErreicht(ende, heute), Is.EqualTo(endeInTagen < 0));
        });
    }

    [Test]
    public void A_new_agreement_may_end_today_or_later_but_not_before_its_start_or_in_the_past()
    {
        var heute = new DateOnly(2026, 6, 15);
        Assert.Multiple(() =>
        {
            Assert.That(TraegerRegeln.PruefeGeplantesEnde(heute.AddDays(-30), null, heute), Is.Null);
            Assert.That(TraegerRegeln.PruefeGeplantesEnde(heute.AddDays(-30), heute, heute), Is.Null);
            Assert.That(TraegerRegeln.PruefeGeplantesEnde(heute.AddDays(-30), heute.AddDays(-1), heute)?.Message, Does.Contain("in der Vergangenheit"));
            Assert.That(TraegerRegeln.PruefeGeplantesEnde(heute.AddDays(10), heute.AddDays(5), heute)?.Message, Does.Contain("nicht vor dem Beginn"));
        });
    }

    [Test]
    public void The_history_entry_of_an_ended_agreement_names_its_dates_and_the_freed_municipalities()
    {
        var beginn = new DateOnly(2025, 1, 1);
        var ende = new DateOnly(2025, 12, 31);
        Assert.Multiple(() =>
        {
            Assert.That(TraegerRegeln.EndeGrund(beginn, ende, geplant: true, ["Erbach", "Michelstadt"]),
                Is.EqualTo("Vereinbarung ab 01.01.2025 zum geplanten Ende am 31.12.2025 ausgelaufen; frei für einen anderen Träger: Erbach, Michelstadt"));
            Assert.That(TraegerRegeln.EndeGrund(beginn, ende, geplant: false, ["Erbach"]),
                Is.EqualTo("Vereinbarung ab 01.01.2025 beendet zum 31.12.2025; frei für einen anderen Träger: Erbach"));
        });
    }

    [Test]
    public void Contact_channels_match_the_schema()
        => Assert.That(Kontaktkanaele.Alle.Select(k => k.Schluessel), Is.EqualTo(new[] { "telefon", "email", "treffen", "brief", "sonstiges" }));

    private static List<FieldError> GrundFehler(string nach, string? grund)
    {
        var fehler = new List<FieldError>();
        Lebenszyklen.Traeger.CheckChange(fehler, "nach", nach, "grund", grund);
        return fehler;
    }
}
