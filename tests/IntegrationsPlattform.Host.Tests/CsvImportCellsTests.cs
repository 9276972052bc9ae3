using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>How the SDK reads the cells every import has: municipalities, German dates, lists.</summary>
public sealed class CsvImportCellsTests
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
        => Assert.That(CsvImportCells.Municipality(text, Kreis), Is.EqualTo(erwartet));

    [TestCase("31.01.2026", 2026, 1, 31)]
    [TestCase("1.2.2026", 2026, 2, 1)]
    [TestCase("01.02.26", 2026, 2, 1)]
    [TestCase("2026-02-01", 2026, 2, 1)]
    public void German_and_ISO_dates_are_read(string text, int jahr, int monat, int tag)
        => Assert.That(CsvImportCells.TryDay(text, out var datum) ? datum : default, Is.EqualTo(new DateOnly(jahr, monat, tag)));

    [TestCase("31.02.2026")]
    [TestCase("morgen")]
    [TestCase("01/02/2026")]
    public void Impossible_dates_are_not_read(string text) => Assert.That(CsvImportCells.TryDay(text, out _), Is.False);

    [Test]
    public void List_cells_drop_blanks() => Assert.That(CsvImportCells.List(" Erbach, ,Michelstadt ,"), Is.EqualTo(new[] { "Erbach", "Michelstadt" }));
}
