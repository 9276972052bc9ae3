using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>The registry's domain rules, compiled from Domain/ sources.</summary>
public sealed class RegisterRegelnTests
{
    [TestCase(1, "09:00", "12:00", 1, "14:00", "16:00", 0)]
    [TestCase(1, "09:00", "12:00", 1, "12:00", "13:00", 0)]
    [TestCase(1, "09:00", "12:00", 1, "11:59", "13:00", 1)]
    [TestCase(1, "09:00", "12:00", 2, "10:00", "11:00", 0)]
    [TestCase(3, "10:00", "11:00", 3, "09:00", "18:00", 1)]
    public void Slots_on_one_day_must_not_overlap(int tag1, string von1, string bis1, int tag2, string von2, string bis2, int fehler)
        => Assert.That(Verfuegbarkeit.Pruefe([new ZeitfensterAngabe(tag1, von1, bis1), new ZeitfensterAngabe(tag2, von2, bis2)]), Has.Count.EqualTo(fehler));

    [TestCase(1, "9:00", "12:00", "HH:MM")]
    [TestCase(1, "09:00", "24:00", "HH:MM")]
    [TestCase(1, "09:60", "12:00", "HH:MM")]
    [TestCase(1, "abc", "12:00", "HH:MM")]
    [TestCase(1, "12:00", "09:00", "muss vor")]
    [TestCase(1, "12:00", "12:00", "muss vor")]
    [TestCase(0, "09:00", "12:00", "Wochentag")]
    [TestCase(8, "09:00", "12:00", "Wochentag")]
    public void A_malformed_slot_is_named(int tag, string von, string bis, string meldung)
        => Assert.That(Verfuegbarkeit.Pruefe([new ZeitfensterAngabe(tag, von, bis)]), Has.Some.Contains(meldung).And.Some.StartsWith("Zeitfenster 1"));

    [Test]
    public void Well_formed_slots_pass() => Assert.That(Verfuegbarkeit.Pruefe([new ZeitfensterAngabe(7, "00:00", "23:59")]), Is.Empty);

    [TestCase("interessiert", "in_schulung", false)]
    [TestCase("in_schulung", "aktiv", true)]
    [TestCase("aktiv", "pausiert", false)]
    [TestCase("pausiert", "aktiv", true)]
    [TestCase("aktiv", "ausgeschieden", false)]
    public void Allowed_changes_pass(string von, string nach, bool basis)
        => Assert.DoesNotThrow(() => LotsenStatusRegel.PruefeWechsel(von, nach, basis));

    [TestCase("interessiert", "aktiv", true, "nicht möglich")]
    [TestCase("ausgeschieden", "aktiv", true, "endgültig")]
    [TestCase("aktiv", "in_schulung", true, "nicht möglich")]
    [TestCase("in_schulung", "aktiv", false, "Basisqualifizierung")]
    [TestCase("pausiert", "aktiv", false, "Basisqualifizierung")]
    public void Refused_changes_say_why(string von, string nach, bool basis, string grund)
        => Assert.That(() => LotsenStatusRegel.PruefeWechsel(von, nach, basis), Throws.TypeOf<DomainRuleException>().With.Message.Contains(grund));

    [Test]
    public void An_unknown_target_status_is_a_field_error()
        => Assert.That(() => LotsenStatusRegel.PruefeWechsel("aktiv", "beurlaubt", true), Throws.TypeOf<RequestValidationException>());

    [Test]
    public void Consent_is_valid_for_the_configured_months_and_reminded_within_the_window()
    {
        var am = new DateOnly(2026, 1, 31);
        var bis = Einwilligung.GueltigBis(am, 24);
        Assert.Multiple(() =>
        {
            Assert.That(bis, Is.EqualTo(new DateOnly(2028, 1, 31)));
            Assert.That(Einwilligung.LaeuftBaldAb(bis, new DateOnly(2028, 1, 1), 30), Is.True);
            Assert.That(Einwilligung.LaeuftBaldAb(bis, new DateOnly(2027, 12, 31), 30), Is.False);
            Assert.That(Einwilligung.LaeuftBaldAb(bis, new DateOnly(2028, 3, 1), 30), Is.True, "already expired counts too");
        });
    }

    [TestCase("2026-06-02", "Zukunft")]
    [TestCase("2024-05-31", "abgelaufen")]
    public void A_consent_date_in_the_future_or_already_expired_is_refused(string am, string grund)
        => Assert.That(Einwilligung.PruefeDatum(DateOnly.Parse(am, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 6, 1), 24), Does.Contain(grund));

    [Test]
    public void A_consent_of_today_or_within_its_validity_is_accepted()
        => Assert.Multiple(() =>
        {
            Assert.That(Einwilligung.PruefeDatum(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1), 24), Is.Null);
            Assert.That(Einwilligung.PruefeDatum(new DateOnly(2024, 6, 2), new DateOnly(2026, 6, 1), 24), Is.Null);
        });
}
