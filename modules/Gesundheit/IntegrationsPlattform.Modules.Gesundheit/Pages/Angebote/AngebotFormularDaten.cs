using System.Globalization;
using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Angebote;

/// <summary>
/// The offer form's model: the fields of <see cref="AngebotEingabe"/>, its places and opening times as rows (one
/// empty row each for a new one; rows left empty are not sent).
/// </summary>
internal sealed partial class AngebotFormularDaten
{
    public string? AnbieterId { get; set; }
    public string? Kategorie { get; set; }
    public string? Titel { get; set; }
    public string? Beschreibung { get; set; }
    public string? Anmeldung { get; set; }
    public string? Voraussetzungen { get; set; }
    public bool Kostenlos { get; set; }
    public string? Kosten { get; set; }
    public bool AbSchwangerschaft { get; set; }
    public int? AlterVonMonate { get; set; }
    public int? AlterBisMonate { get; set; }
    public bool DolmetscherAufAnfrage { get; set; }
    public DateOnly? GueltigVon { get; set; }
    public DateOnly? GueltigBis { get; set; }
    public List<string>? Sprachen { get; set; }
    public List<OrtDaten> Orte { get; set; } = [];
    public List<ZeitDaten> Zeiten { get; set; } = [];

    public sealed class OrtDaten
    {
        public string? Name { get; set; }
        public string? Strasse { get; set; }
        public string? Plz { get; set; }
        public string? Ort { get; set; }
        public string? KommuneAgs { get; set; }
        public bool Stufenlos { get; set; }

        public bool Leer => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Strasse) && string.IsNullOrWhiteSpace(Plz)
            && string.IsNullOrWhiteSpace(Ort) && string.IsNullOrWhiteSpace(KommuneAgs);
    }

    public sealed class ZeitDaten
    {
        public string? Freq { get; set; }
        public string? Byday { get; set; }
        public DateOnly? Datum { get; set; }
        public string? Von { get; set; }
        public string? Bis { get; set; }
        public string? Hinweis { get; set; }

        public bool Leer => string.IsNullOrWhiteSpace(Freq) && string.IsNullOrWhiteSpace(Byday) && Datum is null
            && string.IsNullOrWhiteSpace(Von) && string.IsNullOrWhiteSpace(Bis) && string.IsNullOrWhiteSpace(Hinweis);
    }

    public static AngebotFormularDaten Aus(AngebotDetail angebot)
    {
        var a = angebot.Arbeit;
        string? Text(string feld) => a.Texte.GetValueOrDefault(feld);
        return new AngebotFormularDaten
        {
            AnbieterId = angebot.AnbieterId,
            Kategorie = a.Kategorie,
            Titel = Text("titel"),
            Beschreibung = Text("beschreibung"),
            Anmeldung = Text("anmeldung"),
            Voraussetzungen = Text("voraussetzungen"),
            Kostenlos = a.Kostenlos,
            Kosten = Text("kosten"),
            AbSchwangerschaft = a.AbSchwangerschaft,
            AlterVonMonate = a.AlterVonMonate,
            AlterBisMonate = a.AlterBisMonate,
            DolmetscherAufAnfrage = a.DolmetscherAufAnfrage,
            GueltigVon = a.GueltigVon is null ? null : GermanFormat.ParseStoredDay(a.GueltigVon),
            GueltigBis = a.GueltigBis is null ? null : GermanFormat.ParseStoredDay(a.GueltigBis),
            Sprachen = a.Sprachen.ToList(),
            Orte = a.Orte.Select(o => new OrtDaten { Name = o.Name, Strasse = o.Strasse, Plz = o.Plz, Ort = o.Ort, KommuneAgs = o.KommuneAgs, Stufenlos = o.Stufenlos }).ToList(),
            Zeiten = a.Zeiten.Select(z => new ZeitDaten
            {
                Freq = z.Freq, Byday = z.Byday, Datum = z.Datum is null ? null : GermanFormat.ParseStoredDay(z.Datum), Von = z.Von, Bis = z.Bis, Hinweis = z.Hinweis,
            }).ToList(),
        };
    }

    /// <summary>
    /// One empty row for a new place and a new opening time, after the filled ones. The form binder leaves a posted row
    /// of empty fields as null: it counts as empty.
    /// </summary>
    public void LeereZeilenErgaenzen()
    {
        Orte.RemoveAll(o => o is null || o.Leer);
        Zeiten.RemoveAll(z => z is null || z.Leer);
        Orte.Add(new OrtDaten());
        Zeiten.Add(new ZeitDaten());
    }

    public AngebotEingabe Eingabe() => new(
        AnbieterId, Kategorie, Titel, Beschreibung, Anmeldung, Voraussetzungen, Kostenlos, Kosten, AbSchwangerschaft, AlterVonMonate, AlterBisMonate,
        DolmetscherAufAnfrage, Tag(GueltigVon), Tag(GueltigBis), Sprachen ?? [],
        Orte.Where(o => !o.Leer).Select(o => new OrtEingabe(o.Name, o.Strasse, o.Plz, o.Ort, o.KommuneAgs, o.Stufenlos)).ToList(),
        Zeiten.Where(z => !z.Leer).Select(z => new ZeitEingabe(z.Freq, z.Byday, Tag(z.Datum), z.Von, z.Bis, z.Hinweis)).ToList());

    /// <summary>
    /// An error of the API's field names as the form shows it: a place's or an opening time's field names its row
    /// („Ort 1: …“) above the form, since the rows' fields are not the model's own properties.
    /// </summary>
    public static FieldError ImFormular(FieldError error)
    {
        var zeile = Zeile().Match(error.Field);
        if (!zeile.Success)
        {
            return error;
        }

        var nummer = int.Parse(zeile.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
        var was = zeile.Groups[1].Value == "orte" ? "Ort" : "Öffnungszeit";
        return new FieldError(string.Empty, $"{was} {nummer}: {error.Message}");
    }

    private static string? Tag(DateOnly? tag) => tag is { } t ? GermanFormat.StoredDay(t) : null;

    [GeneratedRegex(@"^(orte|zeiten)\[(\d+)\]\.")]
    private static partial Regex Zeile();
}
