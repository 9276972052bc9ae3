using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Feedback;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IntegrationsPlattform.Modules.Schulungen.Pages.Feedback;

/// <summary>How the feedback pages show results (written in C#, so that it stays internal to the module).</summary>
internal static class FeedbackAnzeige
{
    private static readonly IReadOnlyList<string> Bewertungen = ["1", "2", "3", "4", "5"];

    /// <summary>
    /// The results of a session's and a course's evaluation alike: the means per question, a chart of each distribution
    /// (the SDK's <see cref="Chart"/>, with its table) and the free texts.
    /// </summary>
    public static RenderFragment Ergebnisse(IReadOnlyList<SkalenErgebnis> skalen, IReadOnlyList<string> freitexte) => builder => Schreiben(builder, skalen, freitexte);

    private static void Schreiben(RenderTreeBuilder builder, IReadOnlyList<SkalenErgebnis> skalen, IReadOnlyList<string> freitexte)
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "table-wrap");
        builder.OpenElement(2, "table");
        builder.AddAttribute(3, "class", "data");
        builder.AddMarkupContent(4, "<caption>Durchschnitt je Frage (1 = schlecht, 5 = sehr gut)</caption><thead><tr><th scope=\"col\">Frage</th><th scope=\"col\">Durchschnitt</th><th scope=\"col\">Antworten</th></tr></thead>");
        builder.OpenElement(5, "tbody");
        foreach (var skala in skalen)
        {
            builder.OpenElement(6, "tr");
            builder.OpenElement(7, "th");
            builder.AddAttribute(8, "scope", "row");
            builder.AddContent(9, skala.Frage);
            builder.CloseElement();
            builder.OpenElement(10, "td");
            builder.AddContent(11, skala.Durchschnitt is { } d ? GermanFormat.Number(GermanFormat.Round(d), 1) : "–");
            builder.CloseElement();
            builder.OpenElement(12, "td");
            builder.AddContent(13, skala.Verteilung.Sum());
            builder.CloseElement();
            builder.CloseElement();
        }

        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();

        foreach (var skala in skalen)
        {
            builder.OpenComponent<Chart>(14);
            builder.AddComponentParameter(15, nameof(Chart.Title), $"Verteilung: {skala.Frage}");
            builder.AddComponentParameter(16, nameof(Chart.CategoryHeading), "Bewertung");
            builder.AddComponentParameter(17, nameof(Chart.Data), new ChartData(Bewertungen, [new ChartSeries("Antworten", skala.Verteilung.Select(v => (decimal)v).ToList())]));
            builder.CloseComponent();
        }

        builder.AddMarkupContent(18, "<h2>Freitexte</h2>");
        if (freitexte.Count == 0)
        {
            builder.AddMarkupContent(19, "<p class=\"notice\">Keine Freitexte.</p>");
            return;
        }

        builder.OpenElement(20, "ul");
        foreach (var text in freitexte)
        {
            builder.OpenElement(21, "li");
            builder.AddContent(22, text);
            builder.CloseElement();
        }

        builder.CloseElement();
    }
}
