using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>The module's status machines, declared with the SDK's <see cref="Lifecycle"/>; the keys are those of the tables' CHECK constraints.</summary>
internal static class Lebenszyklen
{
    public static readonly Lifecycle Traeger = new(
        "Träger",
        new LifecycleStatus("identifiziert", "identifiziert", "kontaktiert", "abgelehnt"),
        new LifecycleStatus("kontaktiert", "kontaktiert", "interessiert", "abgelehnt"),
        new LifecycleStatus("interessiert", "interessiert", "vereinbart", "abgelehnt"),
        new LifecycleStatus("vereinbart", "Vereinbarung unterzeichnet"),
        new LifecycleStatus("abgelehnt", "abgelehnt") { ReasonRequired = true });

    public static readonly Lifecycle Lotse = new(
        "Lotse",
        new LifecycleStatus("interessiert", "interessiert", "in_schulung", "ausgeschieden"),
        new LifecycleStatus("in_schulung", "in Schulung", "aktiv", "ausgeschieden"),
        new LifecycleStatus("aktiv", "aktiv", "pausiert", "ausgeschieden"),
        new LifecycleStatus("pausiert", "pausiert", "aktiv", "ausgeschieden"),
        new LifecycleStatus("ausgeschieden", "ausgeschieden"));

    /// <summary>Reopening a matched request and cancelling one need a reason for the case log.</summary>
    public static readonly Lifecycle Anfrage = new(
        "Anfrage",
        new LifecycleStatus("offen", "offen", "vermittelt", "abgebrochen") { ReasonRequired = true },
        new LifecycleStatus("vermittelt", "vermittelt", "erledigt", "abgebrochen", "offen"),
        new LifecycleStatus("erledigt", "erledigt"),
        new LifecycleStatus("abgebrochen", "abgebrochen") { ReasonRequired = true });

    /// <summary>An assignment is recorded once, as carried out or as cancelled.</summary>
    public static readonly Lifecycle Einsatz = new(
        "Einsatz",
        new LifecycleStatus("geplant", "geplant", "durchgefuehrt", "ausgefallen"),
        new LifecycleStatus("durchgefuehrt", "durchgeführt"),
        new LifecycleStatus("ausgefallen", "ausgefallen"));
}
