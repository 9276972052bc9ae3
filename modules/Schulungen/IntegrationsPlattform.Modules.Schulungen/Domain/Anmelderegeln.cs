using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>
/// When a session takes registrations, and when a participant's personal link may still cancel one. The seats
/// themselves are counted by the database (the capacity and waiting-list triggers of migration 0001), never here:
/// only the database sees every concurrent registration.
/// </summary>
internal static class Anmelderegeln
{
    /// <summary>The refusal once both the seats and the waiting list are taken.</summary>
    public const string Ausgebucht = "Dieser Termin ist ausgebucht, auch die Warteliste ist voll.";

    /// <summary>The states that hold a seat (the triggers count the same).</summary>
    public static readonly IReadOnlyList<string> BelegenPlatz = ["angemeldet", "nicht_erschienen", "teilweise", "vollstaendig"];

    /// <summary>
    /// Why the session takes no registration now, or null when it does. The public form keeps the deadline (the last
    /// day registrations are taken); staff registering someone directly may do so after it (<paramref name="mitFrist"/> false),
    /// as long as the session is open or full.
    /// </summary>
    public static string? WarumGeschlossen(string terminStatus, DateOnly anmeldeschluss, DateOnly heute, bool mitFrist)
        => terminStatus switch
        {
            "abgesagt" => "Dieser Termin wurde abgesagt; Anmeldungen sind nicht mehr möglich.",
            "geplant" => "Für diesen Termin sind Anmeldungen noch nicht freigegeben.",
            "durchgefuehrt" or "ausgewertet" => "Dieser Termin hat bereits stattgefunden; Anmeldungen sind nicht mehr möglich.",
            _ when mitFrist && heute > anmeldeschluss => $"Der Anmeldeschluss für diesen Termin war am {GermanFormat.Day(anmeldeschluss)}; Anmeldungen sind nicht mehr möglich.",
            _ => null,
        };

    /// <summary>The refusal of a second registration of the same person (e-mail address) for a session, by the state she holds.</summary>
    public static string SchonAngemeldet(string status)
        => status == "warteliste"
            ? "Diese E-Mail-Adresse steht für diesen Termin bereits auf der Warteliste."
            : "Diese E-Mail-Adresse ist für diesen Termin bereits angemeldet.";

    /// <summary>
    /// Why the participant's personal link cannot cancel (any more), or null when it can: once cancelled it is used up,
    /// and from the start of the session's first appointment on it has expired (staff can still record the absence).
    /// </summary>
    public static string? WarumNichtAbmeldbar(string anmeldungStatus, string terminStatus, DateTime? beginntLokal, DateTime jetztLokal)
        => anmeldungStatus switch
        {
            "abgemeldet" => "Sie sind von diesem Termin bereits abgemeldet; der Link ist damit verbraucht.",
            "angemeldet" or "warteliste" when terminStatus == "abgesagt" => "Dieser Termin wurde abgesagt; eine Abmeldung ist nicht nötig.",
            "angemeldet" or "warteliste" when beginntLokal is { } beginn && beginn <= jetztLokal
                => "Dieser Link ist abgelaufen: Der Termin hat bereits begonnen. Bitte wenden Sie sich an das WIR-Vielfaltszentrum.",
            "angemeldet" or "warteliste" => null,
            _ => "Dieser Link ist abgelaufen: Der Termin hat bereits stattgefunden.",
        };
}
