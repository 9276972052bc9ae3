namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>A weekly slot in which a Lotse is available, in local time (e.g. Tuesday 09:00–12:00).</summary>
internal sealed record Zeitfenster(DayOfWeek Wochentag, TimeOnly Von, TimeOnly Bis)
{
    /// <summary>Weekday as stored: 1 = Monday … 7 = Sunday (ISO 8601).</summary>
    public static DayOfWeek AusIso(long wochentag) => (DayOfWeek)(wochentag % 7);

    public static int ZuIso(DayOfWeek tag) => tag == DayOfWeek.Sunday ? 7 : (int)tag;

    public bool Umfasst(DayOfWeek tag, TimeOnly beginn, TimeOnly ende) => tag == Wochentag && Von <= beginn && ende <= Bis && beginn < ende;

    public bool Ueberschneidet(DayOfWeek tag, TimeOnly? von, TimeOnly? bis) => tag == Wochentag && (von is null || von < Bis) && (bis is null || Von < bis);

    public string Text => $"{WochentagKurz(Wochentag)} {Von:HH\\:mm}–{Bis:HH\\:mm}";

    public static string WochentagKurz(DayOfWeek tag) => tag switch
    {
        DayOfWeek.Monday => "Mo",
        DayOfWeek.Tuesday => "Di",
        DayOfWeek.Wednesday => "Mi",
        DayOfWeek.Thursday => "Do",
        DayOfWeek.Friday => "Fr",
        DayOfWeek.Saturday => "Sa",
        _ => "So",
    };
}

/// <summary>When a person seeking advice needs accompaniment: a range of days, optionally a time of day.</summary>
internal sealed record Wunschzeitraum(DateOnly Von, DateOnly Bis, TimeOnly? UhrzeitVon = null, TimeOnly? UhrzeitBis = null)
{
    /// <summary>Matching looks at most this many days ahead; a weekly availability repeats anyway.</summary>
    private const int Horizont = 14;

    /// <summary>The first day from <paramref name="heute"/> in the range on which one of the slots fits, or null.</summary>
    public DateOnly? ErsterPassenderTag(IEnumerable<Zeitfenster> fenster, DateOnly heute)
    {
        var slots = fenster.ToList();
        var start = Von > heute ? Von : heute;
        for (var tag = start; tag <= Bis && tag <= start.AddDays(Horizont); tag = tag.AddDays(1))
        {
            if (slots.Any(s => s.Ueberschneidet(tag.DayOfWeek, UhrzeitVon, UhrzeitBis)))
            {
                return tag;
            }
        }

        return null;
    }
}

/// <summary>Rules of one assignment's time: a duration above zero and at most a day.</summary>
internal static class Einsatzzeit
{
    public const int MaxMinuten = 24 * 60;

    public static string? PruefeDauer(int minuten) => minuten switch
    {
        <= 0 => "Die Dauer muss größer als 0 Minuten sein.",
        > MaxMinuten => "Ein Einsatz dauert höchstens 24 Stunden.",
        _ => null,
    };

    /// <summary>True when the assignment lies entirely inside one of the Lotse's weekly slots.</summary>
    public static bool InVerfuegbarkeit(IEnumerable<Zeitfenster> fenster, DateOnly tag, TimeOnly beginn, int minuten)
    {
        var ende = beginn.AddMinutes(minuten, out var ueberMitternacht);
        return ueberMitternacht == 0 && fenster.Any(f => f.Umfasst(tag.DayOfWeek, beginn, ende));
    }
}
