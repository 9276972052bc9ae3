namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>Who referred a person seeking advice to the Lotsen; the keys are stored, the texts shown.</summary>
internal static class Vermittler
{
    /// <summary>Stored for requests another module handed over (its id is kept in quelle_modul).</summary>
    public const string Modul = "modul";

    public static IReadOnlyList<(string Schluessel, string Text)> Alle { get; } =
    [
        ("selbst", "Ratsuchende selbst"),
        ("auslaenderbehoerde", "Ausländerbehörde"),
        ("jobcenter", "Jobcenter"),
        ("schule", "Schule"),
        ("kita", "Kita"),
        ("beratungsstelle", "Beratungsstelle"),
        ("ehrenamtsagentur", "Ehrenamtsagentur"),
        ("kommune", "Kommune / Rathaus"),
        ("gesundheitsamt", "Gesundheitsamt"),
        ("sonstige", "Sonstige"),
        (Modul, "anderes Programm der Plattform"),
    ];

    public static bool IstWaehlbar(string? schluessel) => schluessel != Modul && Alle.Any(v => v.Schluessel == schluessel);

    public static string Text(string schluessel) => Alle.FirstOrDefault(v => v.Schluessel == schluessel).Text ?? schluessel;
}

/// <summary>The kinds of entries in a request's case log.</summary>
internal static class Aktivitaeten
{
    public static IReadOnlyList<(string Schluessel, string Text)> Alle { get; } =
    [
        ("angelegt", "Anfrage aufgenommen"),
        ("kontaktiert", "Kontakt aufgenommen"),
        ("vermittelt", "Lotse vermittelt"),
        ("begleitet", "Begleitung durchgeführt"),
        ("nachbereitung", "Nachbereitung"),
        ("notiz", "Notiz"),
        ("status", "Status geändert"),
    ];

    /// <summary>Entries staff write by hand; the others the workflow writes itself.</summary>
    public static IReadOnlyList<string> Manuell { get; } = ["kontaktiert", "begleitet", "nachbereitung", "notiz"];

    public static string Text(string schluessel) => Alle.FirstOrDefault(a => a.Schluessel == schluessel).Text ?? schluessel;
}

/// <summary>Outcomes of a carried-out assignment.</summary>
internal static class Ergebnisse
{
    public static IReadOnlyList<(string Schluessel, string Text)> Alle { get; } =
    [
        ("erledigt", "Anliegen erledigt"),
        ("teilweise", "teilweise erledigt, Folgetermin nötig"),
        ("verschoben", "Termin verschoben"),
        ("nicht_erschienen", "Ratsuchende nicht erschienen"),
    ];

    public static bool IstBekannt(string? schluessel) => Alle.Any(e => e.Schluessel == schluessel);

    public static string Text(string schluessel) => Alle.FirstOrDefault(e => e.Schluessel == schluessel).Text ?? schluessel;
}
