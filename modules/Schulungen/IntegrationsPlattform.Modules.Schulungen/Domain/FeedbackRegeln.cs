namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>The anonymous feedback form: its scales, how long a link holds, and from how many answers results are shown.</summary>
internal static class FeedbackRegeln
{
    /// <summary>Below this many answers a session's results stay hidden, so that nobody in a small group can be recognised.</summary>
    public const int MindestAntworten = 5;

    public const int LinkGueltigTage = 14;

    /// <summary>How long after a session's end the hourly run still requests its feedback by itself; later only staff do.</summary>
    public const int AutomatischBisTage = 30;

    public const int FreitextMax = 4000;

    /// <summary>The scales 1–5 (5 = best) as stored (column) and asked (German); only the overall one is required.</summary>
    public static readonly IReadOnlyList<(string Spalte, string Frage)> Skalen =
    [
        ("gesamt", "Gesamteindruck"),
        ("inhalte", "Inhalt"),
        ("praxisnutzen", "Praxisnutzen"),
        ("methoden", "Referent·in und Methoden"),
        ("organisation", "Organisation"),
    ];

    public static bool ErgebnisseSichtbar(int antworten) => antworten >= MindestAntworten;

    /// <summary>How many answers gave each score 1 to 5 (index 0 = score 1); unanswered ones do not count.</summary>
    public static int[] Verteilung(IEnumerable<int?> werte)
    {
        var verteilung = new int[5];
        foreach (var wert in werte.OfType<int>().Where(w => w is >= 1 and <= 5))
        {
            verteilung[wert - 1]++;
        }

        return verteilung;
    }

    /// <summary>The mean of the scores given, null when none was.</summary>
    public static decimal? Durchschnitt(IEnumerable<int?> werte)
    {
        var gegeben = werte.OfType<int>().ToList();
        return gegeben.Count == 0 ? null : (decimal)gegeben.Sum() / gegeben.Count;
    }
}
