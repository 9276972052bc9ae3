using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>How attendance becomes a state and a certificate (domain rules compiled in from <c>Domain/</c>).</summary>
public sealed class TeilnahmeRegelnTests
{
    private static Teiltermin Da(int minuten) => new(minuten, true);

    private static Teiltermin Weg(int minuten) => new(minuten, false);

    [Test]
    public void The_state_follows_only_when_every_appointment_is_recorded()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TeilnahmeRegeln.Status([Da(180), new Teiltermin(180, null)]), Is.Null);
            Assert.That(TeilnahmeRegeln.Status([]), Is.Null);
            Assert.That(TeilnahmeRegeln.Status([Da(180), Da(120)]), Is.EqualTo("vollstaendig"));
            Assert.That(TeilnahmeRegeln.Status([Da(180), Weg(120)]), Is.EqualTo("teilweise"));
            Assert.That(TeilnahmeRegeln.Status([Weg(180), Weg(120)]), Is.EqualTo("nicht_erschienen"));
        });
    }

    [Test]
    public void The_share_is_weighted_by_the_length_of_each_appointment()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TeilnahmeRegeln.Anteil([Da(360), Weg(120)]), Is.EqualTo(0.75m));
            Assert.That(TeilnahmeRegeln.Anteil([Weg(360), Da(120)]), Is.EqualTo(0.25m));
            Assert.That(TeilnahmeRegeln.Anteil([Da(60), new Teiltermin(60, null)]), Is.EqualTo(0.5m), "an unrecorded appointment counts as missed");
            Assert.That(TeilnahmeRegeln.Prozent(2m / 3), Is.EqualTo("67 %"));
            Assert.That(TeilnahmeRegeln.Minuten("2027-03-27T22:00", "2027-03-28T01:30"), Is.EqualTo(210), "planned local times, also across midnight");
        });
    }

    [TestCase(360, 120, true)]
    [TestCase(359, 121, false)]
    [TestCase(480, 0, true)]
    public void A_certificate_needs_the_minimum_share_of_the_time(int anwesendMinuten, int fehlendMinuten, bool moeglich)
    {
        var termine = fehlendMinuten == 0 ? new[] { Da(anwesendMinuten) } : [Da(anwesendMinuten), Weg(fehlendMinuten)];
        Assert.That(TeilnahmeRegeln.BescheinigungMoeglich(termine, 0.75m), Is.EqualTo(moeglich));
    }

    [Test]
    public void No_certificate_before_every_appointment_is_recorded()
        => Assert.That(TeilnahmeRegeln.BescheinigungMoeglich([Da(480), new Teiltermin(60, null)], 0.75m), Is.False);

    [Test]
    public void The_refusal_names_the_share_attended_and_the_minimum()
        => Assert.That(TeilnahmeRegeln.KeineBescheinigung([Da(120), Weg(120)], 0.75m), Is.EqualTo("Anwesend war sie oder er 50 % der Zeit; für eine Bescheinigung sind mindestens 75 % nötig."));

    [Test]
    public void The_public_check_knows_initials_and_reads_a_code_as_typed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BescheinigungsRegeln.Initialen(" aylin", "Demir"), Is.EqualTo("A. D."));
            Assert.That(BescheinigungsRegeln.Normalisieren("k7qm 2abc-defg hjkm npqr"), Is.EqualTo("K7QM-2ABC-DEFG-HJKM-NPQR"));
            Assert.That(BescheinigungsRegeln.Normalisieren("K7QM-2ABC-DEFG-HJKM-NPQ0"), Is.Null, "0 is never part of a code");
            Assert.That(BescheinigungsRegeln.Normalisieren("K7QM-2ABC"), Is.Null);
            Assert.That(BescheinigungsRegeln.Normalisieren(null), Is.Null);
        });
    }

    [Test]
    public void Feedback_results_show_from_five_answers_with_mean_and_distribution()
    {
        int?[] werte = [5, 4, null, 4, 1];
        Assert.Multiple(() =>
        {
            Assert.That(FeedbackRegeln.ErgebnisseSichtbar(4), Is.False);
            Assert.That(FeedbackRegeln.ErgebnisseSichtbar(5), Is.True);
            Assert.That(FeedbackRegeln.Durchschnitt(werte), Is.EqualTo(3.5m), "an unanswered scale does not count");
            Assert.That(FeedbackRegeln.Verteilung(werte), Is.EqualTo(new[] { 1, 0, 0, 2, 1 }));
            Assert.That(FeedbackRegeln.Durchschnitt([null]), Is.Null);
        });
    }
}
