using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>Ages as staff write them in offer lists and read them in exports (the module keeps months).</summary>
[TestFixture]
public sealed class AltersangabenTests
{
    [TestCase("6 Monate", 6)]
    [TestCase("1 Monat", 1)]
    [TestCase("3 Jahre", 36)]
    [TestCase("1 Jahr", 12)]
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

    [TestCase(0, "0 Monate")]
    [TestCase(1, "1 Monat")]
    [TestCase(6, "6 Monate")]
    [TestCase(12, "1 Jahr")]
    [TestCase(18, "18 Monate")]
    [TestCase(72, "6 Jahre")]
    public void MonthsAreWrittenAsStaffWriteThem(int monate, string text)
    {
        Assert.That(Altersangaben.Text(monate), Is.EqualTo(text));
        Assert.That(Altersangaben.TryParse(text, out var zurueck) && zurueck == monate, "what is written reads back");
    }
}
