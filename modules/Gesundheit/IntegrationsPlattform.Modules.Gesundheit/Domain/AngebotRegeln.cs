using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>The rules of an offer that do not need the database: its age range, what publishing needs, when a review is due.</summary>
internal static class AngebotRegeln
{
    /// <summary>18 years: the oldest age an offer for children may name.</summary>
    public const int AlterMaxMonate = 18 * 12;

    public const int TitelMax = 200;
    public const int TextMax = 4000;

    /// <summary>Months after its last review at which a published offer is flagged as due for review (issue 16).</summary>
    public const int PruefungFaelligNachMonaten = 12;

    /// <summary>
    /// The age range in months (0 = from birth, at most 18 years); without a bound the offer starts at birth or runs to
    /// 18. A reversed range is refused at the upper bound.
    /// </summary>
    public static (int Von, int Bis) Altersspanne(ICollection<FieldError> errors, int? vonMonate, int? bisMonate)
    {
        var von = vonMonate ?? 0;
        var bis = bisMonate ?? AlterMaxMonate;
        if (von is < 0 or > AlterMaxMonate)
        {
            errors.Add(new FieldError("alterVonMonate", $"Das Alter „ab“ liegt zwischen 0 und {AlterMaxMonate} Monaten (18 Jahre)."));
        }

        if (bis is < 0 or > AlterMaxMonate)
        {
            errors.Add(new FieldError("alterBisMonate", $"Das Alter „bis“ liegt zwischen 0 und {AlterMaxMonate} Monaten (18 Jahre)."));
        }
        else if (von <= AlterMaxMonate && von > bis)
        {
            errors.Add(new FieldError("alterBisMonate", $"Das Alter „bis“ ({Alter(bis)}) liegt vor dem Alter „ab“ ({Alter(von)})."));
        }

        return (von, bis);
    }

    /// <summary>An age in months as German readers say it: „6 Monate“, „1 Jahr“, „2 Jahre 6 Monate“.</summary>
    public static string Alter(int monate)
    {
        var jahre = monate / 12;
        var rest = monate % 12;
        var jahrText = jahre == 1 ? "1 Jahr" : $"{jahre} Jahre";
        var monatText = rest == 1 ? "1 Monat" : $"{rest} Monate";
        return (jahre, rest) switch
        {
            (0, _) => monatText,
            (_, 0) => jahrText,
            _ => $"{jahrText} {monatText}",
        };
    }

    /// <summary>The age range for lists and pages: „Schwangerschaft bis 1 Jahr“, „ab 3 Jahre bis 6 Jahre“.</summary>
    public static string Zielgruppe(bool abSchwangerschaft, int vonMonate, int bisMonate)
    {
        var ab = abSchwangerschaft ? "Schwangerschaft" : vonMonate == 0 ? "ab Geburt" : $"ab {Alter(vonMonate)}";
        return bisMonate == AlterMaxMonate ? $"{ab} bis 18 Jahre" : $"{ab} bis {Alter(bisMonate)}";
    }

    /// <summary>
    /// What an offer's working version lacks to be published (German title and description, a place); empty when
    /// nothing. The messages name the field the form shows them at.
    /// </summary>
    public static IReadOnlyList<FieldError> FehltZumVeroeffentlichen(bool hatDeutschenTitel, bool hatDeutscheBeschreibung, int orte)
    {
        var fehlt = new List<FieldError>();
        if (!hatDeutschenTitel)
        {
            fehlt.Add(new FieldError("titel", "Ohne deutschen Titel lässt sich das Angebot nicht veröffentlichen."));
        }

        if (!hatDeutscheBeschreibung)
        {
            fehlt.Add(new FieldError("beschreibung", "Ohne deutsche Beschreibung lässt sich das Angebot nicht veröffentlichen."));
        }

        if (orte == 0)
        {
            fehlt.Add(new FieldError("orte", "Ohne einen Ort lässt sich das Angebot nicht veröffentlichen: Familien müssen wissen, wohin."));
        }

        return fehlt;
    }

    /// <summary>Whether a published offer last reviewed on <paramref name="geprueftAm"/> is due for review on <paramref name="heute"/>.</summary>
    public static bool PruefungFaellig(string status, DateOnly? geprueftAm, DateOnly heute)
        => status == "veroeffentlicht" && geprueftAm is { } am && am.AddMonths(PruefungFaelligNachMonaten) <= heute;
}
