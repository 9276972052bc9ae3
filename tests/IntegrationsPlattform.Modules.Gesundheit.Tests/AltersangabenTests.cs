using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>Ages as staff write them in offer lists (the module keeps months): what the import reads.</summary>
[TestFixture]
public sealed class AltersangabenTests
{
    [TestCase("6 Monate", 6)]
    [TestCase("1 Monat", 1)]
    [TestCase("3 Jahre", 36)]
    [TestCase("1 Jahr", 12)]
    [TestCase("2 Jahre 6 Monate", 30)]
    [TestCase("3", 36, TestName = "a bare number is years")]
    [TestCase("18 Jahre", 216)]
    [TestCase("216 Monate", 216)]
    [TestCase(" 4 j. ", 48)]
    public void AnAgeIsReadInMonths(string text, int monate)
    {
        Assert.That(Altersangaben.TryParse(text, out var gelesen), Is.True);
        Assert.That(gelesen, Is.EqualTo(monate));
    }

    [TestCase("19 Jahre", TestName = "beyond 18 years")]
    [TestCase("217 Monate", TestName = "beyond 216 months")]
    [TestCase("drei Jahre", TestName = "a word")]
    [TestCase("-1", TestName = "negative")]
    [TestCase("2,5 Jahre", TestName = "a fraction")]
    [TestCase("", TestName = "empty")]
    public void WhatIsNoAgeIsRefused(string text) => Assert.That(Altersangaben.TryParse(text, out _), Is.False);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(6)]
    [TestCase(12)]
    [TestCase(30)]
    [TestCase(216)]
    public void WhatTheModuleWritesReadsBack(int monate)
        => Assert.That(Altersangaben.TryParse(AngebotRegeln.Alter(monate), out var zurueck) && zurueck == monate, AngebotRegeln.Alter(monate));
}
