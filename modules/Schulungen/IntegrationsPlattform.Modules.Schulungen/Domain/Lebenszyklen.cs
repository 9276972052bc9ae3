using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>The module's status machines, declared with the SDK's <see cref="Lifecycle"/>; the keys are those of the tables' CHECK constraints.</summary>
internal static class Lebenszyklen
{
    /// <summary>An archived course can be offered again; a published one no longer goes back to draft.</summary>
    public static readonly Lifecycle Kurs = new(
        "Kurs",
        new LifecycleStatus("entwurf", "Entwurf", "veroeffentlicht", "archiviert"),
        new LifecycleStatus("veroeffentlicht", "veröffentlicht", "archiviert"),
        new LifecycleStatus("archiviert", "archiviert", "veroeffentlicht"));

    /// <summary>
    /// A session is planned, opened for registration, full (back to open when a seat frees), held and evaluated —
    /// or cancelled with a reason, which is final.
    /// </summary>
    public static readonly Lifecycle Termin = new(
        "Termin",
        new LifecycleStatus("geplant", "geplant", "offen", "abgesagt"),
        new LifecycleStatus("offen", "offen für Anmeldungen", "ausgebucht", "durchgefuehrt", "abgesagt"),
        new LifecycleStatus("ausgebucht", "ausgebucht", "offen", "durchgefuehrt", "abgesagt"),
        new LifecycleStatus("durchgefuehrt", "durchgeführt", "ausgewertet"),
        new LifecycleStatus("ausgewertet", "ausgewertet"),
        new LifecycleStatus("abgesagt", "abgesagt") { ReasonRequired = true });
}
