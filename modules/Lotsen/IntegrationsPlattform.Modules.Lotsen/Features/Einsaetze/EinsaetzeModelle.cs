namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

internal sealed record EinsatzFilter(string? Status = null, string? Monat = null, int Seite = 1);

internal sealed record EinsatzZeile(
    string Id,
    string AnfrageId,
    string LotseId,
    string LotseVorname,
    string LotseNachname,
    string Beginn,
    long DauerMinuten,
    double FahrtKm,
    string Status,
    string? Ergebnis,
    long Nachbereitung,
    string Thema,
    string KommuneAgs,
    string? Kennung,
    string? AbweichungGrund,
    string? Bemerkung)
{
    public string LotseName => $"{LotseVorname} {LotseNachname}";
}

/// <summary>A planned assignment as staff or the Lotse enter it (local day and time).</summary>
internal sealed record EinsatzTermin(DateOnly Tag, TimeOnly Beginn, int DauerMinuten, string? AbweichungGrund);
