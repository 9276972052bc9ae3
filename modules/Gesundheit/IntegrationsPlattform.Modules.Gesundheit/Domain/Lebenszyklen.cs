using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>The module's status machines, declared with the SDK's <see cref="Lifecycle"/>; the keys are those of the tables' CHECK constraints.</summary>
internal static class Lebenszyklen
{
    /// <summary>
    /// An offer as the public sees it. Sending a submitted offer back to draft needs a reason for the provider.
    /// A change to a published offer does not leave „veröffentlicht“: it waits beside it (<see cref="Aenderung"/>).
    /// </summary>
    public static readonly Lifecycle Angebot = new(
        "Angebot",
        new LifecycleStatus("entwurf", "Entwurf", "zur_pruefung") { ReasonRequired = true },
        new LifecycleStatus("zur_pruefung", "zur Prüfung", "veroeffentlicht", "entwurf"),
        new LifecycleStatus("veroeffentlicht", "veröffentlicht", "archiviert"),
        new LifecycleStatus("archiviert", "archiviert") { ReasonRequired = true });

    /// <summary>
    /// A measure against a barrier: planned, under way, done; dropping it is possible until it is done. Done and
    /// dropped are final — a new attempt is a new measure, so the barrier's page keeps what was tried.
    /// </summary>
    public static readonly Lifecycle Massnahme = new(
        "Maßnahme",
        new LifecycleStatus("geplant", "geplant", "laufend", "verworfen"),
        new LifecycleStatus("laufend", "läuft", "umgesetzt", "verworfen"),
        new LifecycleStatus("umgesetzt", "umgesetzt"),
        new LifecycleStatus("verworfen", "verworfen"));

    /// <summary>
    /// A family's hand-over to the Lotsen, as the Lotsen module reports it back (never changed by hand): handed over,
    /// created there as a request, matched with a Lotse, then done or cancelled. Every report may come first — a
    /// delivery that is late skips a step rather than being refused.
    /// </summary>
    public static readonly Lifecycle LotsenUebergabe = new(
        "Übergabe an die Lotsen",
        new LifecycleStatus("uebergeben", "übergeben", "angelegt", "vermittelt", "erledigt", "abgebrochen"),
        new LifecycleStatus("angelegt", "bei den Lotsen angelegt", "vermittelt", "erledigt", "abgebrochen"),
        new LifecycleStatus("vermittelt", "vermittelt", "erledigt", "abgebrochen"),
        new LifecycleStatus("erledigt", "erledigt"),
        new LifecycleStatus("abgebrochen", "abgebrochen"));

    /// <summary>
    /// An outreach campaign: planned, running, completed; calling it off is possible until it is completed and needs a
    /// reason (what the other engaged bodies are told). Completed and called off are final.
    /// </summary>
    public static readonly Lifecycle Kampagne = new(
        "Kampagne",
        new LifecycleStatus("geplant", "geplant", "laufend", "abgesagt"),
        new LifecycleStatus("laufend", "läuft", "abgeschlossen", "abgesagt"),
        new LifecycleStatus("abgeschlossen", "abgeschlossen"),
        new LifecycleStatus("abgesagt", "abgesagt") { ReasonRequired = true });

    /// <summary>The decisions of a review, for a first publication and for a change to a published offer alike.</summary>
    public const string Freigeben = "freigeben";
    public const string Zurueckweisen = "zurueckweisen";
}
