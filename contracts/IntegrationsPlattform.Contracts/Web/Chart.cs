using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IntegrationsPlattform.Contracts.Web;

public enum ChartKind
{
    /// <summary>Side-by-side bars per category: counts per municipality, language, topic.</summary>
    Bar,

    /// <summary>A line per series: figures over time (months, quarters, years).</summary>
    Line,
}

/// <summary>One named row of figures, one value (≥ 0) per category of the chart.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>What a chart shows: its categories (x axis) and one or more series over them.</summary>
public sealed record ChartData(IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public decimal Max => Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max();
}

/// <summary>
/// A server-rendered bar or line chart (SVG, no script, nothing loaded from outside) whose figures also
/// stand in a table beside it: the SVG is named by <see cref="Title"/> and described by that table, so a
/// screen reader, a keyboard user and a printout get every figure. The table is the chart's own, unless
/// the page already shows the same figures in a table and names it in <see cref="DataTableId"/>.
/// Colours keep 3:1 against white (WCAG 1.4.11), and lines differ by dash as well as by colour.
/// </summary>
public sealed class Chart : ComponentBase
{
    private const int Width = 640;
    private const int PlotHeight = 184;
    private const int MinLeft = 56;
    private const int Right = 12;
    private const int Top = 12;
    private const int MinBottom = 44;

    /// <summary>From the axis to the baseline of a category label.</summary>
    private const int LabelOffset = 16;

    /// <summary>Labels too many or too long to stand side by side are turned by this many degrees.</summary>
    private const int LabelAngle = 30;

    private static readonly string[] Colours = ["#00507a", "#a34700", "#1d6b2b", "#6a3d9a"];
    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3"];

    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter, EditorRequired]
    public ChartData Data { get; set; } = new([], []);

    [Parameter]
    public ChartKind Kind { get; set; } = ChartKind.Bar;

    /// <summary>Heading of the categories' column in the chart's own table, e.g. "Kommune" or "Quartal".</summary>
    [Parameter]
    public string CategoryHeading { get; set; } = "";

    /// <summary>Decimal places of the figures (rounded commercially, German format).</summary>
    [Parameter]
    public int Decimals { get; set; }

    /// <summary>The id of a table on the page with the same figures; then the chart renders no table of its own.</summary>
    [Parameter]
    public string? DataTableId { get; set; }

    private string Id { get; } = "chart-" + Guid.NewGuid().ToString("N")[..8];

    protected override void OnParametersSet()
    {
        if (Data.Series.Any(s => s.Values.Count != Data.Categories.Count))
        {
            throw new ArgumentException($"Diagramm „{Title}“: jede Reihe braucht einen Wert je Kategorie ({Data.Categories.Count}).", nameof(Data));
        }

        if (Data.Series.Any(s => s.Values.Any(v => v < 0)))
        {
            throw new ArgumentException($"Diagramm „{Title}“: negative Werte kann es nicht zeigen.", nameof(Data));
        }
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var tableId = DataTableId ?? Id + "-werte";
        builder.OpenElement(0, "figure");
        builder.AddAttribute(1, "class", "chart");
        builder.OpenElement(2, "figcaption");
        builder.AddAttribute(3, "id", Id + "-titel");
        builder.AddContent(4, Title);
        builder.CloseElement();
        builder.AddMarkupContent(5, Svg(tableId));
        if (DataTableId is null)
        {
            Table(builder, tableId);
        }

        builder.CloseElement();
    }

    private string Number(decimal value) => GermanFormat.Number(value, Decimals);

    private string Svg(string tableId)
    {
        var scale = NiceCeiling(Data.Max);
        var (left, bottom, rotate) = Layout(Data.Categories);
        var height = Top + PlotHeight + bottom;
        var plotWidth = Width - left - Right;
        var slot = Data.Categories.Count == 0 ? plotWidth : (double)plotWidth / Data.Categories.Count;
        double Y(decimal value) => Top + PlotHeight - (double)(value / scale) * PlotHeight;
        string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new System.Text.StringBuilder();
        svg.Append($"<svg class=\"chart-graphic\" viewBox=\"0 0 {Width} {height}\" role=\"img\" focusable=\"false\" aria-labelledby=\"{Id}-titel\" aria-describedby=\"{tableId}\" preserveAspectRatio=\"xMinYMin meet\">");

        // Grid at 0, half and the top of the scale, labelled on the left.
        foreach (var step in new[] { 0m, scale / 2, scale })
        {
            svg.Append($"<line x1=\"{left}\" x2=\"{Width - Right}\" y1=\"{F(Y(step))}\" y2=\"{F(Y(step))}\" stroke=\"{(step == 0 ? "#1b1b1b" : "#8a8a8a")}\" stroke-width=\"1\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{F(Y(step) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1b1b1b\">{Escape(GermanFormat.Number(step, 1))}</text>");
        }

        for (var c = 0; c < Data.Categories.Count; c++)
        {
            var x = left + slot * (c + 0.5);
            var y = Top + PlotHeight + LabelOffset;
            svg.Append(rotate
                ? $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"end\" font-size=\"11\" fill=\"#1b1b1b\" transform=\"rotate(-{LabelAngle} {F(x)} {F(y)})\">{Escape(Data.Categories[c])}</text>"
                : $"<text x=\"{F(x)}\" y=\"{F(y)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1b1b1b\">{Escape(Data.Categories[c])}</text>");
        }

        for (var s = 0; s < Data.Series.Count; s++)
        {
            var series = Data.Series[s];
            var colour = Colours[s % Colours.Length];
            if (Kind == ChartKind.Bar)
            {
                var barWidth = slot * 0.7 / Data.Series.Count;
                for (var c = 0; c < series.Values.Count; c++)
                {
                    var x = left + slot * c + slot * 0.15 + barWidth * s;
                    var y = Y(series.Values[c]);
                    svg.Append($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(barWidth)}\" height=\"{F(Top + PlotHeight - y)}\" fill=\"{colour}\"><title>{Escape(Point(series, c))}</title></rect>");
                }
            }
            else
            {
                var points = series.Values.Select((v, c) => $"{F(left + slot * (c + 0.5))},{F(Y(v))}");
                svg.Append($"<polyline points=\"{string.Join(' ', points)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{Dashes[s % Dashes.Length]}\"/>");
                for (var c = 0; c < series.Values.Count; c++)
                {
                    svg.Append($"<circle cx=\"{F(left + slot * (c + 0.5))}\" cy=\"{F(Y(series.Values[c]))}\" r=\"4\" fill=\"{colour}\"><title>{Escape(Point(series, c))}</title></circle>");
                }
            }
        }

        svg.Append("</svg>");
        if (Data.Series.Count > 1)
        {
            svg.Append("<ul class=\"chart-legend\" aria-hidden=\"true\">");
            for (var s = 0; s < Data.Series.Count; s++)
            {
                // A class, not a style attribute: the pages' content security policy allows no inline style.
                svg.Append($"<li><span class=\"chart-key chart-series-{s % Colours.Length}\"></span>{Escape(Data.Series[s].Name)}</li>");
            }

            svg.Append("</ul>");
        }

        return svg.ToString();
    }

    /// <summary>
    /// Room for the category labels, so that even the Kreis' longest municipality names stay whole: side by side when
    /// each fits its slot, else turned, with the bottom margin as deep and the left margin as wide as the longest label
    /// reaches (the first label reaches left of its bar).
    /// </summary>
    private static (int Left, int Bottom, bool Rotate) Layout(IReadOnlyList<string> categories)
    {
        var longest = categories.Select(c => c.Length).DefaultIfEmpty(0).Max();
        var slot = categories.Count == 0 ? 0 : (double)(Width - MinLeft - Right) / categories.Count;
        if (categories.Count <= 8 && LabelWidth(longest, 12) <= slot - 4)
        {
            return (MinLeft, MinBottom, false);
        }

        var angle = LabelAngle * Math.PI / 180;
        var width = LabelWidth(longest, 11);
        var bottom = Math.Max(MinBottom, (int)Math.Ceiling(LabelOffset + width * Math.Sin(angle) + 6));
        var left = Math.Max(MinLeft, (int)Math.Ceiling(width * Math.Cos(angle) - slot / 2 + 6));
        return (left, bottom, true);
    }

    /// <summary>
    /// A label's width in the graphic's units, estimated generously (0.62 of the font size per character) since the
    /// server cannot measure the visitor's font.
    /// </summary>
    private static double LabelWidth(int characters, int fontSize) => characters * fontSize * 0.62;

    private string Point(ChartSeries series, int category) => $"{Data.Categories[category]} – {series.Name}: {Number(series.Values[category])}";

    private void Table(RenderTreeBuilder builder, string tableId)
    {
        builder.OpenElement(10, "div");
        builder.AddAttribute(11, "class", "table-wrap");
        builder.OpenElement(12, "table");
        builder.AddAttribute(13, "class", "data chart-data");
        builder.AddAttribute(14, "id", tableId);
        builder.OpenElement(15, "caption");
        builder.AddAttribute(16, "class", "visually-hidden");
        builder.AddContent(17, Title + " – die Werte");
        builder.CloseElement();
        builder.OpenElement(18, "thead");
        builder.OpenElement(19, "tr");
        foreach (var heading in Data.Series.Select(s => s.Name).Prepend(CategoryHeading))
        {
            builder.OpenElement(20, "th");
            builder.AddAttribute(21, "scope", "col");
            builder.AddContent(22, heading);
            builder.CloseElement();
        }

        builder.CloseElement();
        builder.CloseElement();
        builder.OpenElement(23, "tbody");
        for (var c = 0; c < Data.Categories.Count; c++)
        {
            builder.OpenElement(24, "tr");
            builder.OpenElement(25, "th");
            builder.AddAttribute(26, "scope", "row");
            builder.AddContent(27, Data.Categories[c]);
            builder.CloseElement();
            foreach (var series in Data.Series)
            {
                builder.OpenElement(28, "td");
                builder.AddContent(29, Number(series.Values[c]));
                builder.CloseElement();
            }

            builder.CloseElement();
        }

        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }

    /// <summary>The top of the scale: 1, 2 or 5 times a power of ten at or above the largest value (at least 1).</summary>
    internal static decimal NiceCeiling(decimal max)
    {
        if (max <= 1)
        {
            return 1;
        }

        var power = 1m;
        while (power * 10 < max)
        {
            power *= 10;
        }

        return new[] { 1m, 2m, 5m, 10m }.Select(f => f * power).First(v => v >= max);
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
