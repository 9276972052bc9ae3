using System.Globalization;
using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>A weekly time slot as entered (weekday 1 = Monday … 7 = Sunday, local times "HH:MM"), before it is checked.</summary>
internal sealed record ZeitfensterAngabe(int Wochentag, string Von, string Bis);

/// <summary>Weekly availability: well-formed slots that do not overlap on a day.</summary>
internal static class Verfuegbarkeit
{
    public static IReadOnlyList<string> Wochentage { get; } = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"];

    public static string Wochentag(int tag) => tag is >= 1 and <= 7 ? Wochentage[tag - 1] : tag.ToString(CultureInfo.InvariantCulture);

    /// <summary>"HH:MM" from 00:00 to 23:59 (24:00 is not a time of day; a slot ends at 23:59 at the latest).</summary>
    public static bool IstUhrzeit(string? text)
        => text is { Length: 5 } && text[2] == ':'
            && TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>Every problem of the slots in German, naming the slot (1-based); empty when they are fine.</summary>
    public static IReadOnlyList<string> Pruefe(IReadOnlyList<ZeitfensterAngabe> fenster)
    {
        var fehler = new List<string>();
        for (var i = 0; i < fenster.Count; i++)
        {
            var f = fenster[i];
            var nr = i + 1;
            if (f.Wochentag is < 1 or > 7)
            {
                fehler.Add($"Zeitfenster {nr}: Wochentag muss zwischen 1 (Montag) und 7 (Sonntag) liegen.");
            }

            if (!IstUhrzeit(f.Von) || !IstUhrzeit(f.Bis))
            {
                fehler.Add($"Zeitfenster {nr}: Uhrzeiten bitte als HH:MM angeben (z. B. 09:00).");
            }
            else if (string.CompareOrdinal(f.Von, f.Bis) >= 0)
            {
                fehler.Add($"Zeitfenster {nr}: „von“ ({f.Von}) muss vor „bis“ ({f.Bis}) liegen.");
            }
        }

        if (fehler.Count > 0)
        {
            return fehler;
        }

        foreach (var tag in fenster.GroupBy(f => f.Wochentag))
        {
            var sortiert = tag.OrderBy(f => f.Von, StringComparer.Ordinal).ToList();
            for (var i = 1; i < sortiert.Count; i++)
            {
                if (string.CompareOrdinal(sortiert[i].Von, sortiert[i - 1].Bis) < 0)
                {
                    fehler.Add($"{Wochentag(tag.Key)}: {sortiert[i - 1].Von}–{sortiert[i - 1].Bis} und {sortiert[i].Von}–{sortiert[i].Bis} überschneiden sich.");
                }
            }
        }

        return fehler;
    }
}

/// <summary>Rules of the Lotse lifecycle beyond the bare transitions.</summary>
internal static class LotsenStatusRegel
{
    /// <summary>
    /// Throws <see cref="DomainRuleException"/> (409) when the change is not in the lifecycle, or when
    /// "aktiv" is wanted without a recorded Basisqualifizierung of the Land.
    /// </summary>
    public static void PruefeWechsel(string von, string nach, bool hatBasisqualifizierung)
    {
        Lebenszyklen.Lotse.EnsureTransition(von, nach);
        if (nach == "aktiv" && !hatBasisqualifizierung)
        {
            throw new DomainRuleException("Lotse: „aktiv“ setzt eine erfasste Basisqualifizierung des Landes voraus. Bitte zuerst die Basisqualifizierung (Datum, Anbieter) eintragen.");
        }
    }
}

/// <summary>The recorded consent to store a Lotse's data: valid for a number of months, renewed before it expires.</summary>
internal static class Einwilligung
{
    public static DateOnly GueltigBis(DateOnly am, int gueltigMonate) => am.AddMonths(gueltigMonate);

    /// <summary>Expires within the reminder window (or has expired already).</summary>
    public static bool LaeuftBaldAb(DateOnly bis, DateOnly heute, int erinnerungTage) => bis <= heute.AddDays(erinnerungTage);

    /// <summary>The first day from which a consent ending on <paramref name="bis"/> is reminded: the stored cut-off for the job's query.</summary>
    public static DateOnly ErinnerungsGrenze(DateOnly heute, int erinnerungTage) => heute.AddDays(erinnerungTage);

    /// <summary>Null when the date may be recorded as consent today; otherwise the German reason.</summary>
    public static string? PruefeDatum(DateOnly am, DateOnly heute, int gueltigMonate)
        => am > heute ? "Das Datum der Einwilligung darf nicht in der Zukunft liegen."
            : GueltigBis(am, gueltigMonate) <= heute ? $"Eine Einwilligung vom {am:dd.MM.yyyy} ist bereits abgelaufen (gültig {gueltigMonate} Monate)."
            : null;
}
