using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>The module's domain rules, compiled in from <c>Domain/</c> (no host).</summary>
public sealed class RegelnTests
{
    [TestCase(6, true)]
    [TestCase(7.5, true)]
    [TestCase(1.25, true)]
    [TestCase(200, true)]
    [TestCase(0, false)]
    [TestCase(-2, false)]
    [TestCase(1.3, false)]
    [TestCase(200.25, false)]
    public void Hours_are_given_in_quarter_hours_up_to_the_limit(decimal stunden, bool gueltig)
        => Assert.That(KursRegeln.IstStundenwert(stunden), Is.EqualTo(gueltig));

    [Test]
    public void A_course_is_published_from_draft_and_archived_courses_can_return_but_not_to_draft()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Lebenszyklen.Kurs.Start.Key, Is.EqualTo("entwurf"));
            Assert.That(Lebenszyklen.Kurs.Successors("archiviert").Select(s => s.Key), Is.EqualTo(new[] { "veroeffentlicht" }));
            Assert.Throws<IntegrationsPlattform.Contracts.Messaging.DomainRuleException>(() => Lebenszyklen.Kurs.EnsureTransition("veroeffentlicht", "entwurf"));
        });
    }

    [Test]
    public void A_session_runs_from_planned_to_evaluated_and_only_a_cancellation_needs_a_reason()
    {
        var termin = Lebenszyklen.Termin;
        Assert.Multiple(() =>
        {
            Assert.That(termin.Start.Key, Is.EqualTo("geplant"));
            Assert.DoesNotThrow(() => termin.EnsureTransition("geplant", "offen"));
            Assert.DoesNotThrow(() => termin.EnsureTransition("ausgebucht", "offen"), "a freed seat opens the session again");
            Assert.DoesNotThrow(() => termin.EnsureTransition("durchgefuehrt", "ausgewertet"));
            Assert.Throws<IntegrationsPlattform.Contracts.Messaging.DomainRuleException>(() => termin.EnsureTransition("geplant", "durchgefuehrt"));
            Assert.Throws<IntegrationsPlattform.Contracts.Messaging.DomainRuleException>(() => termin.EnsureTransition("durchgefuehrt", "abgesagt"));
            Assert.That(termin.Get("abgesagt").IsFinal, Is.True);
            Assert.That(termin.All.Where(s => s.ReasonRequired).Select(s => s.Key), Is.EqualTo(new[] { "abgesagt" }));
        });
    }
}
