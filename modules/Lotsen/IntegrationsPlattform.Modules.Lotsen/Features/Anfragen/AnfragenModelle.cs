namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal sealed record AnfrageFilter(string? Status = null, string? KommuneAgs = null, string? Thema = null, string? Sprache = null, int Seite = 1);

/// <remarks>The Lotse's name comes as two columns: Dapper maps a NULL expression column as a blob, a NULL table column keeps its type.</remarks>
internal sealed record AnfrageZeile(string Id, string? Kennung, string Thema, string KommuneAgs, string DatumVon, string DatumBis, string Status, string? LotseVorname, string? LotseNachname, string AngelegtAm)
{
    public string? LotseName => LotseVorname is null ? null : $"{LotseVorname} {LotseNachname}";

    /// <summary>ISO 639 codes of the request's languages.</summary>
    public IReadOnlyList<string> Sprachen { get; init; } = [];
}

internal sealed record AktivitaetZeile(string Art, string? Notiz, string Am, string Durch);

internal sealed record EinsatzKurz(string Id, string Beginn, long DauerMinuten, string Status, string? Ergebnis, string LotseVorname, string LotseNachname)
{
    public string LotseName => $"{LotseVorname} {LotseNachname}";
}

internal sealed record AnfrageDetail(
    string Id,
    string? Kennung,
    string? Kontakt,
    string Thema,
    string? Ziel,
    string KommuneAgs,
    string DatumVon,
    string DatumBis,
    string? UhrzeitVon,
    string? UhrzeitBis,
    string VermitteltDurch,
    string? QuelleModul,
    string Status,
    string? StatusGrund,
    string? LotseId,
    string? LotseVorname,
    string? LotseNachname,
    string AngelegtAm,
    string? GeschlossenAm,
    string? AnonymisiertAm)
{
    public string? LotseName => LotseVorname is null ? null : $"{LotseVorname} {LotseNachname}";

    public IReadOnlyList<string> Sprachen { get; init; } = [];

    public IReadOnlyList<AktivitaetZeile> Aktivitaeten { get; init; } = [];

    public IReadOnlyList<EinsatzKurz> Einsaetze { get; init; } = [];
}

/// <summary>What staff (form, API) enter for a new request. Times of day as "HH:MM".</summary>
internal sealed record AnfrageEingabe(
    string? Kennung,
    string? Kontakt,
    IReadOnlyList<string>? Sprachen,
    string? Thema,
    string? Ziel,
    string? KommuneAgs,
    DateOnly? DatumVon,
    DateOnly? DatumBis,
    string? UhrzeitVon,
    string? UhrzeitBis,
    string? VermitteltDurch,
    string? Notiz);
