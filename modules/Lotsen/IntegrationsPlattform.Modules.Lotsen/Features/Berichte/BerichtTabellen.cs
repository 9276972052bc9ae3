using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

/// <summary>One table of a report, as the page shows it (with a chart of its main figures where it has one) and the CSV export writes it.</summary>
internal sealed record BerichtTabelle(string Id, string Titel, IReadOnlyList<string> Kopf, IReadOnlyList<IReadOnlyList<string>> Zeilen, bool MitPersonen = false)
{
    public BerichtGrafik? Grafik { get; init; }
}

/// <summary>The chart beside a report table: the same figures, drawn.</summary>
internal sealed record BerichtGrafik(ChartKind Art, ChartData Daten, int Nachkommastellen = 0);

/// <summary>Turns the report's figures into named tables with German headings, once for page and export.</summary>
internal static class BerichtTabellen
{
    public static IReadOnlyList<BerichtTabelle> Aus(LotsenBericht b, DeploymentInfo deployment, LotsenSettings settings)
    {
        string Kommune(string ags) => deployment.MunicipalityName(ags);
        string[] AusgangKopf(string erste) => [erste, "Anfragen", "offen", "vermittelt", "erledigt", "abgebrochen"];
        IReadOnlyList<IReadOnlyList<string>> Ausgang(IEnumerable<AnfragenZeile> zeilen, Func<string, string> name)
            => zeilen.Select(z => (IReadOnlyList<string>)[name(z.Schluessel), Zahl(z.Gesamt), Zahl(z.Offen), Zahl(z.Vermittelt), Zahl(z.Erledigt), Zahl(z.Abgebrochen)]).ToList();

        return
        [
            new("aktive-kommunen", "Aktive Lotsen je Kommune (heute)", ["Kommune", "aktive Lotsen"],
                b.AktiveJeKommune.Select(z => (IReadOnlyList<string>)[Kommune(z.Schluessel), Zahl(z.Anzahl)]).ToList())
            {
                Grafik = new(ChartKind.Bar, new ChartData(
                    b.AktiveJeKommune.Select(z => Kommune(z.Schluessel)).ToList(),
                    [new ChartSeries("aktive Lotsen", b.AktiveJeKommune.Select(z => (decimal)z.Anzahl).ToList())])),
            },
            new("aktive-sprachen", "Aktive Lotsen je Sprache (heute)", ["Sprache", "ISO 639", "aktive Lotsen"],
                b.AktiveJeSprache.Select(z => (IReadOnlyList<string>)[Languages.GermanName(z.Schluessel), z.Schluessel, Zahl(z.Anzahl)]).ToList()),
            new("anfragen-thema", $"Anfragen nach Thema ({b.Zeitraum.Text})", AusgangKopf("Thema"), Ausgang(b.AnfragenJeThema, settings.ThemaText)),
            new("anfragen-sprache", $"Anfragen nach Sprache ({b.Zeitraum.Text})", AusgangKopf("Sprache"), Ausgang(b.AnfragenJeSprache, Languages.GermanName)),
            new("anfragen-kommune", $"Anfragen nach Kommune ({b.Zeitraum.Text})", AusgangKopf("Kommune"), Ausgang(b.AnfragenJeKommune, Kommune)),
            new("quartale", $"Durchgeführte Einsätze je Quartal {b.Zeitraum.Jahr}", ["Quartal", "Einsätze", "Stunden", "Fahrt-km", "Lotsen im Einsatz"],
                b.StundenJeQuartal.Select(z => (IReadOnlyList<string>)[$"{z.Quartal}. Quartal", Zahl(z.Einsaetze), CsvExport.Number(z.Stunden), CsvExport.Number((decimal)z.Kilometer), Zahl(z.Lotsen)]).ToList())
            {
                Grafik = new(ChartKind.Line, new ChartData(
                    b.StundenJeQuartal.Select(z => $"{z.Quartal}. Quartal").ToList(),
                    [
                        new ChartSeries("Einsätze", b.StundenJeQuartal.Select(z => (decimal)z.Einsaetze).ToList()),
                        new ChartSeries("Stunden", b.StundenJeQuartal.Select(z => z.Stunden).ToList()),
                    ]), Nachkommastellen: 1),
            },
            new("stunden-lotsen", $"Stunden und Fahrt-km je Lotse ({b.Zeitraum.Text})", ["Nachname", "Vorname", "Einsätze", "Stunden", "Fahrt-km"],
                b.StundenJeLotse.Select(z => (IReadOnlyList<string>)[z.Nachname, z.Vorname, Zahl(z.Einsaetze), CsvExport.Number(z.Stunden), CsvExport.Number((decimal)z.Kilometer)]).ToList(),
                MitPersonen: true),
        ];
    }

    private static string Zahl(long wert) => wert.ToString(GermanFormat.Culture);
}
