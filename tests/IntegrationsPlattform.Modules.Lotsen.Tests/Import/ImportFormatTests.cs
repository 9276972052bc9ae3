using IntegrationsPlattform.Modules.Lotsen.Domain;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Import;

/// <summary>How the import reads spreadsheet cells, compiled from Domain/ sources.</summary>
public sealed class ImportFormatTests
{
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
}
