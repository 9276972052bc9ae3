namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

internal sealed record DemoTraeger(string Id, string Name, string? Ansprechperson, string? Email, string? Telefon, string Status, string StatusSeit, string? Notiz, string AngelegtAm);

internal sealed record DemoKontakt(string Id, string TraegerId, string Datum, string Kanal, string Notiz, string ErfasstVon, string ErfasstAm);

internal sealed record DemoVereinbarung(string Id, string TraegerId, string Beginn, string? Foerderung, string AngelegtAm);

/// <summary>A status change of a Träger or Lotse (<see cref="GehoertZu"/> is its id).</summary>
internal sealed record DemoVerlauf(string Id, string GehoertZu, string? Von, string Nach, string Am, string Durch, string? Grund);

internal sealed record DemoLotse(
    string Id,
    string Vorname,
    string Nachname,
    string? Email,
    string? Telefon,
    string WohnortAgs,
    string Status,
    string StatusBeimSchreiben,
    string StatusSeit,
    string VermitteltDurch,
    string? TraegerId,
    string? Benutzername,
    string EinwilligungAm,
    string EinwilligungVersion,
    string EinwilligungBis,
    string AngelegtAm);

internal sealed record DemoQualifikation(string Id, string LotseId, string Art, string Datum, string Anbieter, string AngelegtAm);

internal sealed record DemoAnfrage(
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
    string Status,
    string? StatusGrund,
    string? LotseId,
    string AngelegtAm,
    string? GeschlossenAm,
    string? AnonymisiertAm);

internal sealed record DemoAktivitaet(string Id, string AnfrageId, string Art, string? Notiz, string Am, string Durch);

internal sealed record DemoEinsatz(
    string Id,
    string AnfrageId,
    string LotseId,
    string Beginn,
    string Ende,
    int DauerMinuten,
    double FahrtKm,
    string Status,
    string? Ergebnis,
    string? Bemerkung,
    bool Nachbereitung,
    string ErfasstVon,
    string AngelegtAm,
    string GeaendertAm);

/// <summary>Every row of one demo set, generated first and written in one go.</summary>
internal sealed class DemoPlan
{
    public List<DemoTraeger> Traeger { get; } = [];
    public List<(string TraegerId, string Ags)> TraegerKommunen { get; } = [];
    public List<DemoVerlauf> TraegerVerlauf { get; } = [];
    public List<DemoKontakt> Kontakte { get; } = [];
    public List<DemoVereinbarung> Vereinbarungen { get; } = [];
    public List<(string VereinbarungId, string Ags)> VereinbarungKommunen { get; } = [];
    public List<DemoLotse> Lotsen { get; } = [];
    public List<(string LotseId, string Code, string Niveau)> LotseSprachen { get; } = [];
    public List<(string LotseId, string Thema)> LotseThemen { get; } = [];
    public List<(string LotseId, string Ags)> LotseKommunen { get; } = [];
    public List<(string LotseId, int Wochentag, string Von, string Bis)> LotseFenster { get; } = [];
    public List<DemoQualifikation> Qualifikationen { get; } = [];
    public List<DemoVerlauf> LotseVerlauf { get; } = [];
    public List<DemoAnfrage> Anfragen { get; } = [];
    public List<(string AnfrageId, string Code)> AnfrageSprachen { get; } = [];
    public List<DemoAktivitaet> Aktivitaeten { get; } = [];
    public List<DemoEinsatz> Einsaetze { get; } = [];

    /// <summary>The Träger holding the demo agreement (Lotsen referred by a Träger point to it).</summary>
    public string? VereinbarungTraegerId { get; set; }
}
