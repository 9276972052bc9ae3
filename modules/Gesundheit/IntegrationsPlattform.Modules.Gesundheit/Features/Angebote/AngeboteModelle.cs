namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>
/// An offer as staff and providers enter it (API body and form alike): the German texts, the facts, where and when.
/// Ages in months (0 = from birth, 216 = 18 years); days <c>yyyy-MM-dd</c>; languages ISO 639-1.
/// </summary>
internal sealed record AngebotEingabe(
    string? AnbieterId,
    string? Kategorie,
    string? Titel,
    string? Beschreibung,
    string? Anmeldung,
    string? Voraussetzungen,
    bool Kostenlos,
    string? Kosten,
    bool AbSchwangerschaft,
    int? AlterVonMonate,
    int? AlterBisMonate,
    bool DolmetscherAufAnfrage,
    string? GueltigVon,
    string? GueltigBis,
    IReadOnlyList<string>? Sprachen,
    IReadOnlyList<OrtEingabe>? Orte,
    IReadOnlyList<ZeitEingabe>? Zeiten);

/// <summary>A place of the offer: address, municipality (AGS), step-free access.</summary>
internal sealed record OrtEingabe(string? Name, string? Strasse, string? Plz, string? Ort, string? KommuneAgs, bool Stufenlos);

/// <summary>
/// An opening time as RFC 5545 parts (HSDS schedule): <c>freq</c> WEEKLY with <c>byday</c> such as <c>MO,WE</c>,
/// MONTHLY with e.g. <c>1TU</c> (first Tuesday), or a single <c>datum</c> (an Impftag); from and to as <c>HH:mm</c>.
/// </summary>
internal sealed record ZeitEingabe(string? Freq, string? Byday, string? Datum, string? Von, string? Bis, string? Hinweis);

/// <summary>One version of an offer (working or published) as the pages and the API show it.</summary>
internal sealed record AngebotFassung(
    string Kategorie,
    string KategorieText,
    IReadOnlyDictionary<string, string> Texte,
    bool Kostenlos,
    bool AbSchwangerschaft,
    int AlterVonMonate,
    int AlterBisMonate,
    string Zielgruppe,
    bool DolmetscherAufAnfrage,
    string? GueltigVon,
    string? GueltigBis,
    IReadOnlyList<string> Sprachen,
    IReadOnlyList<OrtZeile> Orte,
    IReadOnlyList<ZeitZeile> Zeiten,
    string GeaendertAm);

internal sealed record OrtZeile(string Id, string Name, string Strasse, string Plz, string Ort, string KommuneAgs, bool Stufenlos);

internal sealed record ZeitZeile(string Id, string? Freq, string? Byday, string? Datum, string Von, string Bis, string? Hinweis);

internal sealed record StatusVerlaufZeile(string? Von, string Nach, string NachText, string Am, string Durch, string? Grund);

/// <summary>
/// One offer: its provider, where it stands, the working version (what is edited) and the published one (what the
/// public sees; null before the first publication), and its status history.
/// </summary>
internal sealed record AngebotDetail(
    string Id,
    string AnbieterId,
    string AnbieterName,
    string Status,
    string StatusText,
    string? AenderungStatus,
    string? GeprueftAm,
    bool PruefungFaellig,
    IReadOnlyList<string> FehltZumVeroeffentlichen,
    AngebotFassung Arbeit,
    AngebotFassung? Veroeffentlicht,
    IReadOnlyList<StatusVerlaufZeile> Verlauf);

/// <summary>A row of the staff list.</summary>
internal sealed record AngebotZeile(
    string Id,
    string Titel,
    string AnbieterId,
    string AnbieterName,
    string Kategorie,
    string KategorieText,
    string Status,
    string StatusText,
    string? AenderungStatus,
    IReadOnlyList<string> Kommunen,
    string? GeprueftAm,
    bool PruefungFaellig);

/// <summary>The staff list's filters (all optional): name search, category, status, municipality, language spoken, provider, due for review.</summary>
internal sealed record AngebotFilter(string? Suche, string? Kategorie, string? Status, string? Kommune, string? Sprache, string? Anbieter, bool Faellig);
