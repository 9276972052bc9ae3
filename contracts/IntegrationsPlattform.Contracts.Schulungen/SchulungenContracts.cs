namespace IntegrationsPlattform.Contracts.Schulungen;

/// <summary>The indicator keys the Schulungen module reports to the monitor.</summary>
public static class SchulungenIndikatoren
{
    /// <summary>Sessions held in the period, per municipality where they took place.</summary>
    public const string DurchgefuehrteTermine = "schulungen.termine";

    /// <summary>People who attended a session in the period (Kreis).</summary>
    public const string Teilnehmende = "schulungen.teilnehmende";

    /// <summary>Schools whose staff attended a session in the period, per municipality of the school.</summary>
    public const string ErreichteSchulen = "schulungen.schulen";

    /// <summary>Average overall feedback score (1–5) of the sessions evaluated in the period (Kreis).</summary>
    public const string Feedback = "schulungen.feedback";

    /// <summary>People on waiting lists of sessions not yet held, as unmet demand, per municipality of the session (the Kreis counts each person once).</summary>
    public const string Warteliste = "schulungen.warteliste";
}
