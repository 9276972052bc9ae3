using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>One appointment of a session as attendance sees it: its length and whether the person was there (null: not recorded yet).</summary>
internal sealed record Teiltermin(int Minuten, bool? Anwesend);

/// <summary>
/// How attendance becomes a registration's state and a certificate: the share attended is weighted by the length of each
/// appointment (a missed three-hour afternoon weighs more than a missed hour), and a state follows only once every
/// appointment of the session is recorded — before that the person stays „angemeldet“.
/// </summary>
internal static class TeilnahmeRegeln
{
    /// <summary>The registration states a seat holder can have; attendance is recorded for these only.</summary>
    public static readonly IReadOnlyList<string> Platzstatus = ["angemeldet", "nicht_erschienen", "teilweise", "vollstaendig"];

    /// <summary>The German label of a seat holder's state.</summary>
    public static string StatusText(string status) => status switch
    {
        "angemeldet" => "angemeldet",
        "nicht_erschienen" => "nicht erschienen",
        "teilweise" => "teilweise teilgenommen",
        "vollstaendig" => "vollständig teilgenommen",
        _ => status,
    };

    /// <summary>Minutes between two local appointment times as stored (<c>yyyy-MM-ddTHH:mm</c>), as the trainer planned them.</summary>
    public static int Minuten(string beginn, string ende)
        => (int)(Zeitpunkt(ende) - Zeitpunkt(beginn)).TotalMinutes;

    public static DateTime Zeitpunkt(string lokal) => DateTime.ParseExact(lokal, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The share of the session's time the person attended (0 to 1); unrecorded appointments count as not attended.</summary>
    public static decimal Anteil(IReadOnlyCollection<Teiltermin> termine)
    {
        var gesamt = termine.Sum(t => t.Minuten);
        return gesamt == 0 ? 0 : (decimal)termine.Where(t => t.Anwesend == true).Sum(t => t.Minuten) / gesamt;
    }

    /// <summary>
    /// The registration's state after the attendance recorded so far: null while an appointment is not recorded (the
    /// registration stays „angemeldet“), else nicht_erschienen, teilweise or vollstaendig.
    /// </summary>
    public static string? Status(IReadOnlyCollection<Teiltermin> termine)
    {
        if (termine.Count == 0 || termine.Any(t => t.Anwesend is null))
        {
            return null;
        }

        return termine.All(t => t.Anwesend == true) ? "vollstaendig"
            : termine.Any(t => t.Anwesend == true) ? "teilweise"
            : "nicht_erschienen";
    }

    /// <summary>A certificate needs every appointment recorded and at least the configured share attended.</summary>
    public static bool BescheinigungMoeglich(IReadOnlyCollection<Teiltermin> termine, decimal mindestAnteil)
        => KeineBescheinigung(termine, mindestAnteil) is null;

    /// <summary>Why the person gets no certificate, in German; null when she gets one.</summary>
    public static string? KeineBescheinigung(IReadOnlyCollection<Teiltermin> termine, decimal mindestAnteil)
    {
        if (Status(termine) is null)
        {
            return "Die Anwesenheit ist noch nicht für alle Termintage erfasst.";
        }

        var anteil = Anteil(termine);
        return anteil >= mindestAnteil
            ? null
            : $"Anwesend war sie oder er {Prozent(anteil)} der Zeit; für eine Bescheinigung sind mindestens {Prozent(mindestAnteil)} nötig.";
    }

    /// <summary>„75 %“: a share as people read it, rounded half away from zero.</summary>
    public static string Prozent(decimal anteil) => GermanFormat.Round(anteil * 100, 0).ToString(CultureInfo.InvariantCulture) + " %";
}
