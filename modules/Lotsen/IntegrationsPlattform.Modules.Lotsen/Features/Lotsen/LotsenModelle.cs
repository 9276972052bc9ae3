namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>A language a Lotse speaks: ISO 639 code and level (<c>muttersprache</c>, <c>verhandlungssicher</c>, <c>gut</c>, <c>grundkenntnisse</c>).</summary>
internal sealed record SpracheEingabe(string? Code, string? Niveau);

/// <summary>A weekly slot: weekday 1 = Monday … 7 = Sunday, times "HH:MM" (local).</summary>
internal sealed record ZeitfensterEingabe(int Wochentag, string? Von, string? Bis);

/// <summary>
/// The data of a Lotse as staff enter it (API body of create and update). <see cref="EinwilligungAm"/>
/// counts only when the Lotse is registered; later consents are recorded with <see cref="RecordEinwilligung"/>.
/// </summary>
internal sealed record LotseDaten(
    string? Vorname,
    string? Nachname,
    string? Email,
    string? Telefon,
    string? WohnortAgs,
    IReadOnlyList<SpracheEingabe?>? Sprachen,
    IReadOnlyList<string?>? Themen,
    IReadOnlyList<string?>? Kommunen,
    IReadOnlyList<ZeitfensterEingabe?>? Verfuegbarkeit,
    string? VermitteltDurch,
    string? TraegerId,
    string? Benutzername,
    DateOnly? EinwilligungAm = null);

/// <summary>Search filters; null or empty means "any". <see cref="Name"/> matches first or last name.</summary>
internal sealed record LotsenFilter(string? Sprache = null, string? Kommune = null, string? Thema = null, string? Status = null, string? Qualifikation = null, string? Name = null)
{
    /// <summary>The filter for the audit trail: which filters were set, never the name searched for (personal data).</summary>
    public string Beschreibung()
    {
        var teile = new List<string>();
        if (!string.IsNullOrWhiteSpace(Sprache)) teile.Add($"Sprache={Sprache.Trim()}");
        if (!string.IsNullOrWhiteSpace(Kommune)) teile.Add($"Kommune={Kommune.Trim()}");
        if (!string.IsNullOrWhiteSpace(Thema)) teile.Add($"Thema={Thema.Trim()}");
        if (!string.IsNullOrWhiteSpace(Status)) teile.Add($"Status={Status.Trim()}");
        if (!string.IsNullOrWhiteSpace(Qualifikation)) teile.Add($"Qualifikation={Qualifikation.Trim()}");
        if (!string.IsNullOrWhiteSpace(Name)) teile.Add("Name=(gesetzt)");
        return teile.Count == 0 ? "ohne Filter" : string.Join(", ", teile);
    }
}

/// <summary>One row of the search result.</summary>
internal sealed record LotseZeile(string Id, string Vorname, string Nachname, string Status, IReadOnlyList<string> Sprachen, IReadOnlyList<string> Kommunen, IReadOnlyList<string> Themen);

internal sealed record SpracheInfo(string Code, string Niveau);

internal sealed record QualifikationInfo(string Id, string Art, string Datum, string Anbieter);

internal sealed record StatusWechselInfo(string? Von, string Nach, string Am, string Durch, string? Grund);

internal sealed record LotseDetail(
    string Id,
    string Vorname,
    string Nachname,
    string? Email,
    string? Telefon,
    string WohnortAgs,
    string Status,
    string StatusSeit,
    string VermitteltDurch,
    string? TraegerId,
    string? TraegerName,
    string? Benutzername,
    string EinwilligungAm,
    string EinwilligungVersion,
    string EinwilligungBis,
    string? ErinnerungAm,
    string AngelegtAm,
    string GeaendertAm)
{
    public IReadOnlyList<SpracheInfo> Sprachen { get; init; } = [];
    public IReadOnlyList<string> Themen { get; init; } = [];
    public IReadOnlyList<string> Kommunen { get; init; } = [];
    public IReadOnlyList<ZeitfensterEingabe> Verfuegbarkeit { get; init; } = [];
    public IReadOnlyList<QualifikationInfo> Qualifikationen { get; init; } = [];
    public IReadOnlyList<StatusWechselInfo> Verlauf { get; init; } = [];
}

/// <summary>Who referred a Lotse.</summary>
internal static class Vermittlung
{
    public static IReadOnlyList<(string Schluessel, string Text)> Alle { get; } =
    [
        ("ehrenamtsagentur", "Ehrenamtsagentur"),
        ("traeger", "Träger"),
        ("selbst", "selbst gemeldet"),
    ];

    public static bool IstBekannt(string? schluessel) => Alle.Any(v => v.Schluessel == schluessel);

    public static string Text(string schluessel) => Alle.FirstOrDefault(v => v.Schluessel == schluessel).Text ?? schluessel;
}
