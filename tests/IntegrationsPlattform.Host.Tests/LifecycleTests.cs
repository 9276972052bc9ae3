using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The SDK's lifecycle: what a module declares about its statuses is what its validators and commands enforce.</summary>
public sealed class LifecycleTests
{
    private static readonly Lifecycle Antrag = new(
        "Antrag",
        new LifecycleStatus("eingegangen", "eingegangen", "bewilligt", "abgelehnt"),
        new LifecycleStatus("bewilligt", "bewilligt"),
        new LifecycleStatus("abgelehnt", "abgelehnt") { ReasonRequired = true });

    [Test]
    public void A_declared_change_passes_and_a_new_record_starts_in_the_first_status()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Antrag.Start.Key, Is.EqualTo("eingegangen"));
            Assert.That(Antrag.Successors("eingegangen").Select(s => s.Label), Is.EqualTo(new[] { "bewilligt", "abgelehnt" }));
            Assert.DoesNotThrow(() => Antrag.EnsureTransition("eingegangen", "bewilligt"));
        });
    }

    [TestCase("bewilligt", "abgelehnt", "Antrag: Wechsel von „bewilligt“ zu „abgelehnt“ ist nicht möglich (erlaubt: keiner – der Status ist endgültig).")]
    [TestCase("eingegangen", "eingegangen", "Antrag: Wechsel von „eingegangen“ zu „eingegangen“ ist nicht möglich (erlaubt: bewilligt, abgelehnt).")]
    public void An_undeclared_change_is_refused_as_a_conflict_naming_what_is_allowed(string from, string to, string reason)
        => Assert.That(() => Antrag.EnsureTransition(from, to), Throws.TypeOf<DomainRuleException>().With.Message.EqualTo(reason));

    [Test]
    public void An_unknown_target_status_is_bad_input_not_a_conflict()
        => Assert.That(() => Antrag.EnsureTransition("eingegangen", "verschollen"), Throws.TypeOf<RequestValidationException>());

    [TestCase("abgelehnt", null, "grund", "Bitte einen Grund für „abgelehnt“ angeben.")]
    [TestCase("bewilligt", null, null, null)]
    [TestCase("verschollen", null, "status", "Unbekannter Status „verschollen“.")]
    [TestCase("", null, "status", "Bitte den neuen Status wählen.")]
    public void The_wanted_status_and_its_reason_are_checked_at_their_fields(string to, string? reason, string? field, string? message)
    {
        var errors = new List<FieldError>();
        Antrag.CheckChange(errors, "status", to, "grund", reason);
        Assert.That(errors, field is null ? Is.Empty : Is.EqualTo(new[] { new FieldError(field, message!) }));
    }

    [Test]
    public void A_reason_is_at_most_500_characters_also_where_none_is_required()
    {
        var errors = new List<FieldError>();
        Antrag.CheckChange(errors, "status", "bewilligt", "grund", new string('x', 501));
        Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "grund" }));
    }

    [Test]
    public void A_declaration_naming_an_undeclared_next_status_is_refused_at_start_up()
        => Assert.That(() => new Lifecycle("Antrag", new LifecycleStatus("neu", "neu", "fertig")), Throws.ArgumentException.With.Message.Contains("'fertig'"));
}
