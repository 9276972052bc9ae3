using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>Who is the same Lotse or Träger (Domain/Dubletten.cs, shared by import and single create/change), compiled from Domain/ sources.</summary>
public sealed class DublettenTests
{
    [TestCase("Samira", "Haddad", " SAMIRA ", "haddad")]
    [TestCase("Anna Maria", "Schmidt", "anna  maria", "SCHMIDT")]
    [TestCase("Jürgen", "Müller", "JÜRGEN", "Mu\u0308ller")]
    public void Names_are_compared_without_case_blanks_or_Unicode_composition(string vorname, string nachname, string andererVorname, string andererNachname)
        => Assert.That(Dubletten.PersonSchluessel(andererVorname, andererNachname, "X@Beispiel.de ", null),
            Is.EqualTo(Dubletten.PersonSchluessel(vorname, nachname, "x@beispiel.de", null)));

    [TestCase("06062 12345", "0606212345")]
    [TestCase("06062/12345", "0606212345")]
    [TestCase("+49 6062 12345", "0606212345")]
    [TestCase("+49 (0) 6062 12345", "0606212345")]
    [TestCase("0049 6062-12345", "0606212345")]
    [TestCase("+43 1 234567", "+431234567")]
    [TestCase("keine", null)]
    [TestCase("  ", null)]
    public void Phone_numbers_are_compared_by_their_digits_with_the_German_country_code_as_leading_zero(string telefon, string? erwartet)
        => Assert.That(Dubletten.Telefon(telefon), Is.EqualTo(erwartet));

    [Test]
    public void The_same_person_needs_both_names_and_one_equal_contact()
    {
        var samira = Dubletten.PersonSchluessel("Samira", "Haddad", "samira@beispiel.de", "06062 12345");
        Assert.Multiple(() =>
        {
            Assert.That(samira, Has.Count.EqualTo(2));
            Assert.That(Dubletten.PersonSchluessel("Samira", "Haddad", "andere@beispiel.de", "+49 6062 12345").Intersect(samira), Is.Not.Empty, "same phone");
            Assert.That(Dubletten.PersonSchluessel("Samira", "Haddad", "andere@beispiel.de", "0171 1").Intersect(samira), Is.Empty, "a namesake with other contacts");
            Assert.That(Dubletten.PersonSchluessel("Samir", "Haddad", "samira@beispiel.de", "06062 12345").Intersect(samira), Is.Empty, "another first name");
            Assert.That(Dubletten.PersonSchluessel("", "Haddad", "samira@beispiel.de", null), Is.Empty);
            Assert.That(Dubletten.PersonSchluessel("Samira", "Haddad", null, " "), Is.Empty);
        });
    }

    [TestCase(" verein  für Integration e. V.", "Verein für integration e. V.")]
    [TestCase("Verein für Ärzte", "VEREIN FÜR ÄRZTE")]
    [TestCase("Weiß & Söhne", "WEISS & SÖHNE")]
    [TestCase("Ὀδυσσεύς", "ὈΔΥΣΣΕΎΣ")]
    public void Traeger_names_are_compared_with_Unicode_case_folding_and_without_runs_of_blanks(string name, string anders)
        => Assert.Multiple(() =>
        {
            Assert.That(Dubletten.Name(anders), Is.EqualTo(Dubletten.Name(name)));
            Assert.That(Dubletten.IstTraegerSchonErfasst(anders, ["Anderer Verein", name]), Is.True);
        });

    [Test]
    public void Another_Traeger_name_or_a_blank_name_is_no_duplicate()
        => Assert.Multiple(() =>
        {
            Assert.That(Dubletten.IstTraegerSchonErfasst("Verein für Ärzte Erbach", ["Verein für Ärzte"]), Is.False);
            Assert.That(Dubletten.IstTraegerSchonErfasst(" ", [" ", null]), Is.False);
        });

    [Test]
    public void A_person_is_already_registered_when_one_other_has_both_names_and_one_contact()
    {
        (string?, string?, string?, string?)[] andere =
        [
            ("Samira", "Haddad", "samira@beispiel.de", null),
            ("Jonas", "Weiß", null, "06062 12345"),
            ("gelöscht", "gelöscht", null, null),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(Dubletten.IstSchonErfasst(" SAMIRA", "haddad", "Samira@Beispiel.de", "0171 9", andere), Is.True, "same e-mail");
            Assert.That(Dubletten.IstSchonErfasst("jonas", "WEISS", "jonas@beispiel.de", "+49 6062 12345", andere), Is.True, "same phone, ß folded");
            Assert.That(Dubletten.IstSchonErfasst("Samira", "Haddad", "andere@beispiel.de", "06062 12345", andere), Is.False, "a namesake with other contacts");
            Assert.That(Dubletten.IstSchonErfasst("gelöscht", "gelöscht", null, null, andere), Is.False, "an erased record has no key");
        });
    }
}
