using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>
/// How a Lotsen cell of the CSV import is read: languages by code or German name, weekly slots like
/// "Di 09:00-12:00" (lists, dates and municipalities: the SDK's <see cref="CsvImportCells"/>). Only the reading lives here;
/// whether the values are allowed is decided by the same checks as the forms and the API.
/// </summary>
internal static class ImportFormat
{
    /// <summary>A language code (ISO 639) or German name ("Arabisch", "Persisch (Farsi)", "Farsi"); the text itself when unknown.</summary>
    public static string SprachCode(string text)
    {
        var t = text.Trim();
        if (Languages.IsKnown(Languages.Normalize(t)))
        {
            return Languages.Normalize(t);
        }

        var name = Languages.All.Where(s => string.Equals(s.GermanName, t, StringComparison.CurrentCultureIgnoreCase)
                || s.GermanName.Split([' ', '(', ')'], StringSplitOptions.RemoveEmptyEntries).Contains(t, StringComparer.CurrentCultureIgnoreCase))
            .ToList();
        return name.Count == 1 ? name[0].Code : t;
    }

    /// <summary>
    /// The languages cell: "ar:muttersprache, fa:gut" or "Arabisch (Muttersprache), Persisch (gut)".
    /// Each entry gives a code or German name and the level; the level stays as written for the usual check.
    /// </summary>
    public static IReadOnlyList<(string Code, string? Niveau)> Sprachangaben(string? zelle)
    {
        var angaben = new List<(string, string?)>();
        foreach (var eintrag in CsvImportCells.List(zelle))
        {
            string sprache;
            string? niveau;
            var doppelpunkt = eintrag.IndexOf(':', StringComparison.Ordinal);
            var klammer = eintrag.LastIndexOf('(');
            if (doppelpunkt >= 0)
            {
                sprache = eintrag[..doppelpunkt];
                niveau = eintrag[(doppelpunkt + 1)..].Trim();
            }
            else if (klammer > 0 && eintrag.EndsWith(')') && SprachniveauTexte.Parse(eintrag[(klammer + 1)..^1]) is not null)
            {
                sprache = eintrag[..klammer];
                niveau = eintrag[(klammer + 1)..^1].Trim();
            }
            else
            {
                sprache = eintrag;
                niveau = null;
            }

            angaben.Add((SprachCode(sprache), string.IsNullOrWhiteSpace(niveau) ? null : niveau));
        }

        return angaben;
    }

    /// <summary>
    /// The availability cell: "Di 09:00-12:00, Do 14:00-17:00" (weekday short or long, times H:MM or HH:MM,
    /// '-' or '–'). Entries it cannot read are returned as German messages; times are checked later by
    /// <see cref="Verfuegbarkeit.Pruefe"/>.
    /// </summary>
    public static (IReadOnlyList<ZeitfensterAngabe> Fenster, IReadOnlyList<string> Fehler) Zeitfenster(string? zelle)
    {
        var fenster = new List<ZeitfensterAngabe>();
        var fehler = new List<string>();
        foreach (var eintrag in CsvImportCells.List(zelle))
        {
            var teile = eintrag.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var zeiten = teile.Length == 2 ? teile[1].Replace(" ", "", StringComparison.Ordinal).Split(['-', '–', '—']) : [];
            if (teile.Length != 2 || Wochentag(teile[0]) is not { } tag || zeiten.Length != 2)
            {
                fehler.Add($"„{FieldRules.Echo(eintrag)}“ ist kein Zeitfenster (erwartet z. B. „Di 09:00-12:00“).");
                continue;
            }

            fenster.Add(new ZeitfensterAngabe(tag, Uhrzeit(zeiten[0]), Uhrzeit(zeiten[1])));
        }

        return (fenster, fehler);
    }

    /// <summary>1 = Monday … 7 = Sunday from "Mo", "Mo.", "Montag" (case ignored), or null.</summary>
    public static int? Wochentag(string text)
    {
        var t = text.Trim().TrimEnd('.', ':');
        for (var i = 0; i < Verfuegbarkeit.Wochentage.Count; i++)
        {
            var name = Verfuegbarkeit.Wochentage[i];
            if (string.Equals(t, name, StringComparison.OrdinalIgnoreCase) || string.Equals(t, name[..2], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>"9:00" → "09:00", "9" → "09:00"; anything else as written.</summary>
    private static string Uhrzeit(string text)
    {
        var t = text.Trim().Replace('.', ':');
        if (t.Length is 1 or 2 && t.All(char.IsAsciiDigit))
        {
            t += ":00";
        }

        return t.Length == 4 && t[1] == ':' ? "0" + t : t;
    }
}
