using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>One stored answer as the evaluations read it (<see cref="FeedbackErgebnisse.Spalten"/>).</summary>
internal sealed class FeedbackAntwort
{
    public long Gesamt { get; init; }
    public long? Inhalte { get; init; }
    public long? Praxisnutzen { get; init; }
    public long? Methoden { get; init; }
    public long? Organisation { get; init; }
    public string? Freitext { get; init; }

    public int? Wert(string spalte) => spalte switch
    {
        "gesamt" => (int)Gesamt,
        "inhalte" => (int?)Inhalte,
        "praxisnutzen" => (int?)Praxisnutzen,
        "methoden" => (int?)Methoden,
        _ => (int?)Organisation,
    };
}

/// <summary>What a session's and a course's evaluation compute alike from the answers they may show.</summary>
internal static class FeedbackErgebnisse
{
    /// <summary>The columns of <c>feedback_antworten</c> as <see cref="FeedbackAntwort"/> reads them.</summary>
    public const string Spalten = "gesamt AS Gesamt, inhalte AS Inhalte, praxisnutzen AS Praxisnutzen, methoden AS Methoden, organisation AS Organisation, freitext AS Freitext";

    /// <summary>Mean and distribution of every scale.</summary>
    public static IReadOnlyList<SkalenErgebnis> Skalen(IReadOnlyCollection<FeedbackAntwort> antworten)
        => FeedbackRegeln.Skalen.Select(s =>
        {
            var werte = antworten.Select(a => a.Wert(s.Spalte)).ToList();
            return new SkalenErgebnis(s.Spalte, s.Frage, FeedbackRegeln.Durchschnitt(werte), FeedbackRegeln.Verteilung(werte));
        }).ToList();

    public static IReadOnlyList<string> Freitexte(IEnumerable<FeedbackAntwort> antworten) => antworten.Select(a => a.Freitext).OfType<string>().ToList();
}
