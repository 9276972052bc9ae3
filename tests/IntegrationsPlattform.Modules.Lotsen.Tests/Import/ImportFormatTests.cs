using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Import;

/// <summary>How the import reads spreadsheet cells, compiled from Domain/ sources.</summary>
public sealed class ImportFormatTests
{
    private static readonly DeploymentInfo Kreis = new("Odenwaldkreis", "06437", "Erbach",
    [
        new("06437006", "Erbach"), new("06437009", "Höchst i. Odw."), new("06437011", "Michelstadt"), new("06437013", "Reichelsheim (Odenwald)"),
        new("06437007", "Fränkisch-Crumbach"),
    ]);

    [TestCase("Erbach", "06437006")]
    [TestCase("erbach", "06437006")]
    [TestCase(" 06437011 ", "06437011")]
    [TestCase("Höchst", "06437009")]
    [TestCase("Reichelsheim", "06437013")]
    [TestCase("FRÄNKISCH-CRUMBACH", "06437007")]
    [TestCase("Darmstadt", "Darmstadt")]
    [TestCase("Erb", "Erb")]
    public void A_municipality_is_found_by_AGS_name_or_the_start_of_a_unique_name(string text, string erwartet)
        => Assert.That(ImportFormat.Kommune(text, Kreis), Is.EqualTo(erwartet));

    [TestCase("ar", "ar")]
    [TestCase("AR", "ar")]
    [TestCase("Arabisch", "ar")]
    [TestCase("Farsi", "fa")]
    [TestCase("Persisch (Farsi)", "fa")]
    [TestCase("dari", "prs")]
    [TestCase("Klingonisch", "Klingonisch")]
    public void A_language_is_found_by_code_or_German_name(string text, string erwartet)
        => Assert.That(ImportFormat.SprachCode(text), Is.EqualTo(erwartet));

    [Test]
    public void Languages_with_levels_are_read_in_both_spellings()
        => Assert.That(ImportFormat.Sprachangaben("ar:muttersprache, Dari (gut), Persisch (Farsi), uk : Grundkenntnisse"),
            Is.EqualTo(new (string, string?)[] { ("ar", "muttersprache"), ("prs", "gut"), ("fa", null), ("uk", "Grundkenntnisse") }));

    [Test]
    public void Slots_are_read_with_short_or_long_weekdays_and_short_hours()
    {
        var (fenster, fehler) = ImportFormat.Zeitfenster("Di 09:00-12:00, donnerstag 9-11, Sa. 8:30 – 10:00");
        Assert.Multiple(() =>
        {
            Assert.That(fehler, Is.Empty);
            Assert.That(fenster, Is.EqualTo(new[] { new ZeitfensterAngabe(2, "09:00", "12:00"), new ZeitfensterAngabe(4, "09:00", "11:00"), new ZeitfensterAngabe(6, "08:30", "10:00") }));
        });
    }

    [TestCase("dienstags")]
    [TestCase("Di")]
    [TestCase("Xy 09:00-10:00")]
    [TestCase("Di 09:00")]
    public void A_slot_that_cannot_be_read_is_named(string zelle)
        => Assert.That(ImportFormat.Zeitfenster(zelle).Fehler, Has.One.Contains("ist kein Zeitfenster"));

    [Test]
    public void Times_that_can_be_read_but_are_wrong_are_left_for_the_usual_check()
    {
        var (fenster, _) = ImportFormat.Zeitfenster("Mo 25:00-26:00");
        Assert.That(Verfuegbarkeit.Pruefe(fenster), Has.Some.Contains("HH:MM"));
    }

    [TestCase("31.01.2026", 2026, 1, 31)]
    [TestCase("1.2.2026", 2026, 2, 1)]
    [TestCase("01.02.26", 2026, 2, 1)]
    [TestCase("2026-02-01", 2026, 2, 1)]
    public void German_and_ISO_dates_are_read(string text, int jahr, int monat, int tag)
        => Assert.That(ImportFormat.TryDatum(text, out var datum) ? datum : default, Is.EqualTo(new DateOnly(jahr, monat, tag)));

    [TestCase("31.02.2026")]
    [TestCase("morgen")]
    [TestCase("01/02/2026")]
    public void Impossible_dates_are_not_read(string text) => Assert.That(ImportFormat.TryDatum(text, out _), Is.False);

    [TestCase("Samira", "Haddad", " SAMIRA ", "haddad")]
    [TestCase("Anna Maria", "Schmidt", "anna  maria", "SCHMIDT")]
    [TestCase("Jürgen", "Müller", "JÜRGEN", "Mu\u0308ller")]
    public void Names_are_compared_without_case_blanks_or_Unicode_composition(string vorname, string nachname, string andererVorname, string andererNachname)
        => Assert.That(ImportFormat.PersonSchluessel(andererVorname, andererNachname, "X@Beispiel.de ", null),
            Is.EqualTo(ImportFormat.PersonSchluessel(vorname, nachname, "x@beispiel.de", null)));

    [TestCase("06062 12345", "0606212345")]
    [TestCase("06062/12345", "0606212345")]
    [TestCase("+49 6062 12345", "0606212345")]
    [TestCase("+49 (0) 6062 12345", "0606212345")]
    [TestCase("0049 6062-12345", "0606212345")]
    [TestCase("+43 1 234567", "+431234567")]
    [TestCase("keine", null)]
    [TestCase("  ", null)]
    public void Phone_numbers_are_compared_by_their_digits_with_the_German_country_code_as_leading_zero(string telefon, string? erwartet)
        => Assert.That(ImportFormat.Telefon(telefon), Is.EqualTo(erwartet));

    [Test]
    public void The_same_person_needs_both_names_and_one_equal_contact()
    {
        var samira = ImportFormat.PersonSchluessel("Samira", "Haddad", "samira@beispiel.de", "06062 12345");
        Assert.Multiple(() =>
        {
            Assert.That(samira, Has.Count.EqualTo(2));
            Assert.That(ImportFormat.PersonSchluessel("Samira", "Haddad", "andere@beispiel.de", "+49 6062 12345").Intersect(samira), Is.Not.Empty, "same phone");
            Assert.That(ImportFormat.PersonSchluessel("Samira", "Haddad", "andere@beispiel.de", "0171 1").Intersect(samira), Is.Empty, "a namesake with other contacts");
            Assert.That(ImportFormat.PersonSchluessel("Samir", "Haddad", "samira@beispiel.de", "06062 12345").Intersect(samira), Is.Empty, "another first name");
            Assert.That(ImportFormat.PersonSchluessel("", "Haddad", "samira@beispiel.de", null), Is.Empty);
            Assert.That(ImportFormat.PersonSchluessel("Samira", "Haddad", null, " "), Is.Empty);
        });
    }

    [Test]
    public void Traeger_names_are_compared_without_case_and_runs_of_blanks()
        => Assert.That(ImportFormat.Name(" verein  für Integration e. V."), Is.EqualTo(ImportFormat.Name("Verein für integration e. V.")));

    [Test]
    public void List_cells_drop_blanks() => Assert.That(ImportFormat.Liste(" Erbach, ,Michelstadt ,"), Is.EqualTo(new[] { "Erbach", "Michelstadt" }));
}
