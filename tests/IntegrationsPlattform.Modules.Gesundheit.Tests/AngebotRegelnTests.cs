using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The offer's rules without a host: age range, what publishing needs, when a review is due, and the lifecycle.</summary>
public sealed class AngebotRegelnTests
{
    [TestCase(null, null, 0, 216)]
    [TestCase(6, null, 6, 216)]
    [TestCase(null, 36, 0, 36)]
    [TestCase(24, 24, 24, 24)]
    public void Without_a_bound_the_range_runs_from_birth_to_18_years(int? von, int? bis, int erwartetVon, int erwartetBis)
    {
        var errors = new List<FieldError>();

        var spanne = AngebotRegeln.Altersspanne(errors, von, bis);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(spanne, Is.EqualTo((erwartetVon, erwartetBis)));
        });
    }

    [TestCase(36, 12, "alterBisMonate", "Das Alter „bis“ (1 Jahr) liegt vor dem Alter „ab“ (3 Jahre).")]
    [TestCase(-1, 12, "alterVonMonate", "Das Alter „ab“ liegt zwischen 0 und 216 Monaten (18 Jahre).")]
    [TestCase(0, 217, "alterBisMonate", "Das Alter „bis“ liegt zwischen 0 und 216 Monaten (18 Jahre).")]
    public void A_reversed_or_impossible_range_is_refused_at_its_field(int von, int bis, string feld, string meldung)
    {
        var errors = new List<FieldError>();

        AngebotRegeln.Altersspanne(errors, von, bis);

        Assert.That(errors, Is.EqualTo(new[] { new FieldError(feld, meldung) }));
    }

    [TestCase(false, 0, 216, "ab Geburt bis 18 Jahre")]
    [TestCase(true, 0, 12, "Schwangerschaft bis 1 Jahr")]
    [TestCase(false, 6, 30, "ab 6 Monate bis 2 Jahre 6 Monate")]
    [TestCase(false, 13, 72, "ab 1 Jahr 1 Monat bis 6 Jahre")]
    public void The_age_range_reads_as_families_say_it(bool schwangerschaft, int von, int bis, string text)
        => Assert.That(AngebotRegeln.Zielgruppe(schwangerschaft, von, bis), Is.EqualTo(text));

    [Test]
    public void Publishing_needs_a_German_title_and_description_and_a_place()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AngebotRegeln.FehltZumVeroeffentlichen(true, true, 1), Is.Empty);
            Assert.That(AngebotRegeln.FehltZumVeroeffentlichen(false, false, 0).Select(f => f.Field), Is.EqualTo(new[] { "titel", "beschreibung", "orte" }));
        });
    }

    [TestCase("veroeffentlicht", "2025-11-18", "2026-11-18", true)]
    [TestCase("veroeffentlicht", "2025-11-19", "2026-11-18", false)]
    [TestCase("veroeffentlicht", "2024-02-29", "2025-02-28", true)]
    [TestCase("zur_pruefung", "2020-01-01", "2026-11-18", false)]
    [TestCase("archiviert", "2020-01-01", "2026-11-18", false)]
    public void A_published_offer_is_due_for_review_twelve_months_after_its_last_review(string status, string geprueft, string heute, bool faellig)
        => Assert.That(AngebotRegeln.PruefungFaellig(status, DateOnly.Parse(geprueft), DateOnly.Parse(heute)), Is.EqualTo(faellig));

    [TestCase("entwurf", "zur_pruefung", true)]
    [TestCase("zur_pruefung", "veroeffentlicht", true)]
    [TestCase("zur_pruefung", "entwurf", true)]
    [TestCase("veroeffentlicht", "archiviert", true)]
    [TestCase("entwurf", "veroeffentlicht", false)]
    [TestCase("veroeffentlicht", "entwurf", false)]
    [TestCase("archiviert", "veroeffentlicht", false)]
    public void The_lifecycle_allows_only_its_steps(string von, string nach, bool erlaubt)
    {
        void Wechsel() => Lebenszyklen.Angebot.EnsureTransition(von, nach);

        if (erlaubt)
        {
            Assert.That(Wechsel, Throws.Nothing);
        }
        else
        {
            Assert.That(Wechsel, Throws.InstanceOf<DomainRuleException>());
        }
    }

    [Test]
    public void Sending_back_to_draft_and_archiving_need_a_reason()
    {
        var errors = new List<FieldError>();

        Lebenszyklen.Angebot.CheckChange(errors, "status", "entwurf", "grund", null);
        Lebenszyklen.Angebot.CheckChange(errors, "status", "archiviert", "grund", " ");

        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "grund", "grund" }));
    }
}
