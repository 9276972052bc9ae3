namespace IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;

/// <summary>One public text of an offer (<c>angebot_texte.feld</c>) with its German label and the longest text the schema admits.</summary>
internal sealed record Textfeld(string Key, string Bezeichnung, int MaxLaenge);

/// <summary>The public texts of an offer in the order a family reads them.</summary>
internal static class Textfelder
{
    public static readonly IReadOnlyList<Textfeld> Alle =
    [
        new("titel", "Titel", 200),
        new("beschreibung", "Beschreibung", 4000),
        new("voraussetzungen", "Für wen", 4000),
        new("anmeldung", "Anmeldung", 4000),
        new("kosten", "Kosten", 4000),
    ];
}

/// <summary>
/// Where a translated text stands against the German one it was made from: missing, outdated (the German text's
/// revision is higher than the one the translation records) or current.
/// </summary>
internal static class Uebersetzungsstand
{
    public const string Fehlt = "fehlt";
    public const string Veraltet = "veraltet";
    public const string Aktuell = "aktuell";

    public static readonly IReadOnlyList<string> Alle = [Fehlt, Veraltet];

    public static string Von(long deutscheRevision, long? uebersetztAusRevision)
        => uebersetztAusRevision is not { } aus ? Fehlt : aus < deutscheRevision ? Veraltet : Aktuell;

    public static string Label(string stand) => stand switch
    {
        Fehlt => "fehlt",
        Veraltet => "veraltet – der deutsche Text wurde danach geändert",
        _ => "aktuell",
    };
}

/// <summary>One field of a translation beside its German text.</summary>
internal sealed record UebersetzungFeld(string Feld, string Bezeichnung, string Deutsch, string? Text, string Stand);

/// <summary>An offer's texts in one public language: how many are missing or outdated, and each field.</summary>
internal sealed record UebersetzungSprache(string Sprache, string Name, string Richtung, int Fehlend, int Veraltet, IReadOnlyList<UebersetzungFeld> Felder);

/// <summary>The translations view of one offer: its German title and status, and every public language but German.</summary>
internal sealed record AngebotUebersetzungen(string AngebotId, string Titel, string Status, IReadOnlyList<UebersetzungSprache> Sprachen);

/// <summary>A row of the overview: an offer whose texts in one language are missing or outdated.</summary>
internal sealed record UebersetzungsbedarfZeile(string AngebotId, string Titel, string Sprache, string SpracheName, int Fehlend, int Veraltet);
