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

    /// <summary>
    /// A registration as Moodle's Face-to-face knows it. <c>angefragt</c> is the public form's entry until its sender
    /// confirms it, held by the platform's double opt-in (host.db), not here; confirmed it takes a seat or a place on the
    /// waiting list, which moves up when a seat frees. Cancelling is final (a new registration is a new record); after the
    /// session, attendance decides among the last three.
    /// </summary>
    public static readonly Lifecycle Anmeldung = new(
        "Anmeldung",
        new LifecycleStatus("angefragt", "angefragt (nicht bestätigt)", "angemeldet", "warteliste"),
        new LifecycleStatus("angemeldet", "angemeldet", "abgemeldet", "nicht_erschienen", "teilweise", "vollstaendig"),
        new LifecycleStatus("warteliste", "Warteliste", "angemeldet", "abgemeldet"),
        new LifecycleStatus("abgemeldet", "abgemeldet"),
        new LifecycleStatus("nicht_erschienen", "nicht erschienen", "teilweise", "vollstaendig"),
        new LifecycleStatus("teilweise", "teilweise teilgenommen", "nicht_erschienen", "vollstaendig"),
        new LifecycleStatus("vollstaendig", "vollständig teilgenommen", "nicht_erschienen", "teilweise"));
}
