using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Gesundheit.Domain;

/// <summary>The kinds of barriers and of measures against them; the keys are those of the tables' CHECK constraints.</summary>
internal static class Barrierenarten
{
    public static readonly IReadOnlyDictionary<string, string> Barrieren = new Dictionary<string, string>
    {
        ["sprache"] = "Sprache",
        ["kosten"] = "Kosten",
        ["mobilitaet"] = "Mobilität",
        ["information"] = "Information",
        ["vertrauen"] = "Vertrauen",
        ["oeffnungszeiten"] = "Öffnungszeiten",
    };

    public static readonly IReadOnlyDictionary<string, string> Massnahmen = new Dictionary<string, string>
    {
        ["dolmetscherpool"] = "Dolmetscherpool",
        ["uebersetzter_flyer"] = "übersetzter Flyer",
        ["begleitung_lotsen"] = "Begleitung durch Lotsen",
        ["ansprache_beiraete_kitas"] = "Ansprache über Beiräte / Kitas",
        ["sonstige"] = "sonstige Maßnahme",
    };

    public static string Barriere(string art) => Barrieren.GetValueOrDefault(art, art);

    public static string Massnahme(string art) => Massnahmen.GetValueOrDefault(art, art);

    /// <summary>A kind's key from <paramref name="arten"/> (required or a filter); an unknown one is refused naming <paramref name="was"/>, e.g. „Barriere“.</summary>
    public static string? Pruefen(ICollection<FieldError> errors, string field, string? wert, IReadOnlyDictionary<string, string> arten, string was, bool required)
    {
        var art = required ? errors.RequiredText(field, wert, 50, $"die Art der {was}") : string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();
        if (art is not null && !arten.ContainsKey(art))
        {
            errors.Add(new FieldError(field, $"Unbekannte Art der {was} „{FieldRules.Echo(art)}“."));
            return null;
        }

        return art;
    }
}
