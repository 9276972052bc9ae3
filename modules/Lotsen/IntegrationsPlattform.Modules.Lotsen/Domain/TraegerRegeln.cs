using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>The channels of the Träger contacts log: stored key (the CHECK constraint's value) → German label.</summary>
internal static class Kontaktkanaele
{
    public static readonly IReadOnlyList<(string Schluessel, string Text)> Alle =
    [
        ("telefon", "Telefon"),
        ("email", "E-Mail"),
        ("treffen", "Treffen"),
        ("brief", "Brief"),
        ("sonstiges", "Sonstiges"),
    ];

    public static bool Gibt(string? schluessel) => Alle.Any(k => k.Schluessel == schluessel);

    public static string Text(string schluessel) => Alle.FirstOrDefault(k => k.Schluessel == schluessel).Text ?? schluessel;
}

/// <summary>The rules of the Träger search that need no database.</summary>
internal static class TraegerRegeln
{
    public const int NameMax = 200;
    public const int AnsprechpersonMax = 200;
    public const int NotizMax = 2000;
    public const int FoerderungMax = 1000;

    /// <summary>The status an agreement sets; never chosen by hand.</summary>
    public const string Vereinbart = "vereinbart";

    /// <summary>The only status from which an agreement can be recorded.</summary>
    public const string Interessiert = "interessiert";

    /// <summary>The status a person may choose by hand from <paramref name="von"/>: the lifecycle's successors without "vereinbart".</summary>
    public static IReadOnlyList<LifecycleStatus> WaehlbareStatus(string von)
        => Lebenszyklen.Traeger.Successors(von).Where(s => s.Key != Vereinbart).ToList();

    /// <summary>A status change by hand: part of the lifecycle, and never to "vereinbart" (only an agreement gets there).</summary>
    public static void PruefeManuellenWechsel(string von, string nach)
    {
        Lebenszyklen.Traeger.EnsureTransition(von, nach);
        if (nach == Vereinbart)
        {
            throw new DomainRuleException("Träger: „Vereinbarung unterzeichnet“ wird nur durch das Erfassen der Vereinbarung erreicht.");
        }
    }

    /// <summary>
    /// An agreement is recorded for a candidate who is interested, or as a follow-up agreement for a
    /// Träger whose earlier agreement has ended (one running agreement per Träger at a time).
    /// </summary>
    public static bool VereinbarungMoeglich(string status, bool hatLaufendeVereinbarung)
        => status == Interessiert || (status == Vereinbart && !hatLaufendeVereinbarung);

    public static void PruefeVereinbarungMoeglich(string status, bool hatLaufendeVereinbarung)
    {
        if (status == Vereinbart && hatLaufendeVereinbarung)
        {
            throw new DomainRuleException("Träger: Es läuft schon eine Vereinbarung. Eine Folgevereinbarung ist möglich, wenn sie beendet ist.");
        }

        if (!VereinbarungMoeglich(status, hatLaufendeVereinbarung))
        {
            throw new DomainRuleException(
                $"Träger: Eine Vereinbarung kann nur mit einem interessierten Träger erfasst werden (Status ist „{Lebenszyklen.Traeger.Label(status)}“).");
        }
    }

    /// <summary>The municipalities of an agreement: at least one, each one the candidate could cover.</summary>
    public static FieldError? PruefeVereinbarungsKommunen(IReadOnlyCollection<string> kommunen, IReadOnlyCollection<string> moeglich, Func<string, string> name)
    {
        if (kommunen.Count == 0)
        {
            return new FieldError("kommunen", "Bitte mindestens eine Kommune wählen, die der Träger abdeckt.");
        }

        var fremd = kommunen.Where(k => !moeglich.Contains(k)).ToList();
        return fremd.Count > 0
            ? new FieldError("kommunen", $"Diese Kommunen stehen nicht bei den Kommunen, die der Träger abdecken könnte: {string.Join(", ", fremd.Select(name))}.")
            : null;
    }

    /// <summary>
    /// The planned end of an agreement is the last day it runs: from the next day on it has ended and its
    /// municipalities are free, even before the daily job <c>Lotsen.vereinbarungen</c> records the end.
    /// </summary>
    public static bool EndeErreicht(DateOnly? ende, DateOnly heute) => ende is { } e && e < heute;

    /// <summary>Whether an agreement runs on <paramref name="heute"/>: not ended by hand or by the job, and its planned end not passed.</summary>
    public static bool Laeuft(bool beendet, DateOnly? ende, DateOnly heute) => !beendet && !EndeErreicht(ende, heute);

    /// <summary>A new agreement's planned end: not before its start, and not already past (it would have ended before it was recorded).</summary>
    public static FieldError? PruefeGeplantesEnde(DateOnly beginn, DateOnly? ende, DateOnly heute)
        => PruefeEnde(beginn, ende) ?? (EndeErreicht(ende, heute)
            ? new FieldError("ende", "Das geplante Ende liegt in der Vergangenheit: Die Vereinbarung wäre schon beendet. Bitte ein Ende ab heute angeben oder leer lassen.")
            : null);

    /// <summary>The history entry of an agreement that ended: on its planned end (<paramref name="geplant"/>) or ended by hand.</summary>
    public static string EndeGrund(DateOnly beginn, DateOnly ende, bool geplant, IEnumerable<string> kommunen)
        => (geplant
               ? $"Vereinbarung ab {GermanFormat.Day(beginn)} zum geplanten Ende am {GermanFormat.Day(ende)} ausgelaufen"
               : $"Vereinbarung ab {GermanFormat.Day(beginn)} beendet zum {GermanFormat.Day(ende)}")
           + $"; frei für einen anderen Träger: {string.Join(", ", kommunen)}";

    /// <summary>An end date is not before the start.</summary>
    public static FieldError? PruefeEnde(DateOnly beginn, DateOnly? ende, string feld = "ende")
        => ende is { } e && e < beginn ? new FieldError(feld, "Das Ende darf nicht vor dem Beginn liegen.") : null;
}
