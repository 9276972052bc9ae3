namespace IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

/// <summary>A public text in the language it is shown in: the visitor's, or German where no translation exists.</summary>
internal sealed record Oeffentlich(string Text, string Sprache);

/// <summary>One hit of the public search.</summary>
internal sealed record VerzeichnisTreffer(
    string Id, Oeffentlich Titel, string Kategorie, IReadOnlyList<string> Kommunen, bool Kostenlos, bool Stufenlos, IReadOnlyList<string> Sprachen);

/// <summary>A place of an offer with its address and whether it is reachable without steps.</summary>
internal sealed record VerzeichnisOrt(string Name, string Strasse, string Plz, string Ort, string KommuneAgs, bool Stufenlos);

/// <summary>An opening time: weekly or monthly on days (RFC 5545 BYDAY, e.g. <c>TU,TH</c> or <c>1TU</c>), or one date.</summary>
internal sealed record VerzeichnisZeit(string? Freq, string? Byday, string? Datum, string Von, string Bis, string? Ort);

/// <summary>A material to download (a flyer in Arabic), through the SDK's file service.</summary>
internal sealed record VerzeichnisMaterial(string Id, string Titel, string Sprache);

/// <summary>Everything a family needs to know of one published offer, in the visitor's language as far as it is translated.</summary>
internal sealed record VerzeichnisAngebot(
    string Id,
    string Anbieter,
    string Kategorie,
    IReadOnlyDictionary<string, Oeffentlich> Texte,
    bool AbSchwangerschaft,
    int AlterVonMonaten,
    int AlterBisMonaten,
    bool Kostenlos,
    bool Dolmetscher,
    IReadOnlyList<VerzeichnisOrt> Orte,
    IReadOnlyList<VerzeichnisZeit> Zeiten,
    IReadOnlyList<string> Sprachen,
    IReadOnlyList<VerzeichnisMaterial> Materialien)
{
    public Oeffentlich? Text(string feld) => Texte.GetValueOrDefault(feld);
}
