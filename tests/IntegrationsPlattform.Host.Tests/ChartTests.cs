using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The SDK's chart as a page renders it: SVG drawn to scale, named and described by a table of the same figures.</summary>
[TestFixture]
public sealed partial class ChartTests
{
    private static readonly ChartData Kommunen = new(["Erbach", "Michelstadt <Stadt>"], [new ChartSeries("aktive Lotsen", [3m, 7m])]);

    [Test]
    public async Task BarsAreDrawnToAScaleOfOneTwoOrFiveTimesAPowerOfTen()
    {
        var html = await RenderAsync(Kommunen);
        var heights = BarHeight().Matches(html).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            // The plot is 184 units high and its scale ends at 10: 3 → 55.2, 7 → 128.8.
            Assert.That(heights, Is.EqualTo(new[] { 55.2, 128.8 }));
            Assert.That(html, Does.Contain(">10</text>").And.Contain(">5</text>"));
        });
    }

    [Test]
    public async Task TheFiguresStandInAGermanTableThatDescribesTheGraphic()
    {
        var html = await RenderAsync(new ChartData(["1. Quartal"], [new ChartSeries("Stunden", [1234.25m])]), ChartKind.Line, decimals: 1);
        var describedBy = Regex.Match(html, "aria-describedby=\"([^\"]+)\"").Groups[1].Value;
        var labelledBy = Regex.Match(html, "aria-labelledby=\"([^\"]+)\"").Groups[1].Value;
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain($"<table class=\"data chart-data\" id=\"{describedBy}\">"));
            Assert.That(html, Does.Contain($"<figcaption id=\"{labelledBy}\">Stunden je Quartal</figcaption>"));
            Assert.That(html, Does.Contain("<th scope=\"row\">1. Quartal</th><td>1.234,3</td>"), "German digits, rounded commercially");
            Assert.That(html, Does.Contain("<polyline"));
        });
    }

    [Test]
    public async Task AChartBesideThePagesOwnTableIsDescribedByItAndRendersNoSecondOne()
    {
        var html = await RenderAsync(Kommunen, tableId: "werte-kommunen");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("aria-describedby=\"werte-kommunen\""));
            Assert.That(html, Does.Not.Contain("<table"));
            Assert.That(html, Does.Contain("Michelstadt &lt;Stadt&gt;").And.Not.Contain("<Stadt>"), "names are text, never markup");
        });
    }

    [Test]
    public async Task TheLongMunicipalityNamesUnderTwelveBarsStayWholeInsideTheGraphic()
    {
        string[] kommunen = ["Bad König", "Beerfelden", "Breuberg", "Brensbach", "Brombachtal", "Erbach", "Fränkisch-Crumbach", "Höchst i. Odw.", "Lützelbach", "Michelstadt", "Mossautal", "Reichelsheim (Odenwald)"];
        var html = await RenderAsync(new ChartData(kommunen, [new ChartSeries("Teilnahmen", kommunen.Select((_, i) => (decimal)i).ToList())]));
        var kurz = await RenderAsync(Kommunen);
        var hoehe = double.Parse(Regex.Match(html, "viewBox=\"0 0 640 ([0-9]+)\"").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var beschriftungen = RotatedLabel().Matches(html).Select(m => (X: Zahl(m.Groups[1].Value), Y: Zahl(m.Groups[2].Value), Text: System.Net.WebUtility.HtmlDecode(m.Groups[3].Value))).ToList();
        const double Sinus = 0.5;
        const double Kosinus = 0.866;

        Assert.Multiple(() =>
        {
            Assert.That(beschriftungen.Select(b => b.Text), Is.EqualTo(kommunen), "every name turned under its bar");
            // A name of 11-unit letters, at most 0.6 of that wide each, turned by 30°, must end inside the graphic.
            foreach (var (x, y, text) in beschriftungen)
            {
                var breite = text.Length * 11 * 0.6;
                Assert.That(y + breite * Sinus, Is.LessThanOrEqualTo(hoehe), $"{text} reaches below the graphic");
                Assert.That(x - breite * Kosinus, Is.GreaterThanOrEqualTo(0), $"{text} reaches left of the graphic");
            }

            Assert.That(kurz, Does.Contain("viewBox=\"0 0 640 240\"").And.Not.Contain("rotate("), "short names stand side by side in the usual height");
        });
    }

    [Test]
    public async Task NamesTooLongForTheirSlotAreTurnedEvenUnderFewBars()
    {
        var html = await RenderAsync(new ChartData(["Fränkisch-Crumbach", "Reichelsheim (Odenwald)", "Höchst im Odenwald", "Michelstadt", "Brombachtal", "Erbach"], [new ChartSeries("Teilnahmen", [1m, 2m, 3m, 4m, 5m, 6m])]));
        Assert.That(RotatedLabel().Matches(html), Has.Count.EqualTo(6), "side by side they would run into each other");
    }

    [Test]
    public void SeriesThatDoNotFitTheCategoriesAreADeveloperError()
        => Assert.That(() => RenderAsync(new ChartData(["Erbach"], [new ChartSeries("aktive Lotsen", [1m, 2m])])), Throws.ArgumentException.With.Message.Contain("einen Wert je Kategorie"));

    private static async Task<string> RenderAsync(ChartData data, ChartKind kind = ChartKind.Bar, int decimals = 0, string? tableId = null)
    {
        await using var renderer = new HtmlRenderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(Chart.Title)] = "Stunden je Quartal",
                [nameof(Chart.Data)] = data,
                [nameof(Chart.Kind)] = kind,
                [nameof(Chart.Decimals)] = decimals,
                [nameof(Chart.DataTableId)] = tableId,
                [nameof(Chart.CategoryHeading)] = "Kommune",
            });
            return (await renderer.RenderComponentAsync<Chart>(parameters)).ToHtmlString();
        });
    }

    private static double Zahl(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("<rect [^>]*height=\"([0-9.]+)\"")]
    private static partial Regex BarHeight();

    [GeneratedRegex("<text x=\"([0-9.]+)\" y=\"([0-9.]+)\"[^>]*transform=\"rotate[^>]*>([^<]*)</text>")]
    private static partial Regex RotatedLabel();
}
