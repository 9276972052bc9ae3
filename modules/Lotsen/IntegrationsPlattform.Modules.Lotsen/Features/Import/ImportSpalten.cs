using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>A column of an import file: its name in the header, whether it must be there, what it holds, and the field of the usual checks it feeds.</summary>
internal sealed record ImportSpalte(string Name, bool Pflicht, string Feld, string Beschreibung, string Beispiel, params string[] Aliase);

/// <summary>The columns of both kinds of file, the template, and how a header is matched to them.</summary>
internal static class ImportSpalten
{
    public static IReadOnlyList<ImportSpalte> Lotsen { get; } =
    [
        new("Vorname", true, "vorname", "Pflicht, höchstens 100 Zeichen.", "Samira"),
        new("Nachname", true, "nachname", "Pflicht, höchstens 100 Zeichen.", "Haddad"),
        new("E-Mail", false, "email", "E-Mail oder Telefon ist Pflicht.", "samira.haddad@beispiel.de", "Email", "Mail", "E-Mail-Adresse"),
        new("Telefon", false, "telefon", "Ziffern, Leerzeichen und + - / ( ).", "06062 12345", "Telefonnummer", "Tel"),
        new("Wohnort", true, "wohnortAgs", "Kommune des Kreises: Name oder AGS.", "Erbach", "Wohnort AGS"),
        new("Sprachen", false, "sprachen", "Code oder deutscher Name mit Niveau (Muttersprache, verhandlungssicher, gut, Grundkenntnisse), durch Komma getrennt.", "ar:muttersprache, fa:gut"),
        new("Themen", false, "themen", "Themen, durch Komma getrennt.", "Behörden, Schule"),
        new("Kommunen", true, "kommunen", "Kommunen, in denen die Person begleitet (Name oder AGS), durch Komma getrennt; mindestens eine.", "Erbach, Michelstadt"),
        new("Verfügbarkeit", false, "verfuegbarkeit", "Wochentag und Uhrzeit, durch Komma getrennt; Zeitfenster eines Tages dürfen sich nicht überschneiden.", "Di 09:00-12:00, Do 14:00-17:00", "Verfuegbarkeit"),
        new("Vermittelt durch", true, "vermitteltDurch", "Ehrenamtsagentur, Träger oder selbst.", "Ehrenamtsagentur", "Vermittlung"),
        new("Einwilligung am", true, "einwilligungAm", "Datum der Einwilligung (TT.MM.JJJJ), nicht in der Zukunft und noch gültig.", "15.01.2026", "Einwilligung"),
        new("Status", false, "status", "leer oder „interessiert“ (Standard) oder „in Schulung“.", "interessiert"),
    ];

    public static IReadOnlyList<ImportSpalte> Traeger { get; } =
    [
        new("Name", true, "name", "Name der Organisation, Pflicht, eindeutig, höchstens 200 Zeichen.", "Nachbarschaftshilfe Erbach e. V.", "Träger", "Organisation"),
        new("Ansprechperson", false, "ansprechperson", "Höchstens 200 Zeichen.", "Petra Beispiel", "Ansprechpartner", "Ansprechpartnerin", "Kontakt"),
        new("E-Mail", false, "email", "Gültige E-Mail-Adresse.", "kontakt@nachbarschaftshilfe.example", "Email", "Mail", "E-Mail-Adresse"),
        new("Telefon", false, "telefon", "Ziffern, Leerzeichen und + - / ( ).", "06062 98765", "Telefonnummer", "Tel"),
        new("Kommunen", false, "kommunen", "Kommunen, die der Träger abdecken könnte (Name oder AGS), durch Komma getrennt.", "Erbach, Michelstadt"),
        new("Notiz", false, "notiz", "Höchstens 2000 Zeichen.", "über die Ehrenamtsagentur", "Bemerkung", "Notizen"),
    ];

    public static IReadOnlyList<ImportSpalte> Von(ImportArt art) => art == ImportArt.Lotsen ? Lotsen : Traeger;

    /// <summary>The template: the header row alone, as German Excel opens it (UTF-8 with BOM, ';').</summary>
    public static byte[] Vorlage(ImportArt art) => CsvExport.Write(Von(art).Select(s => s.Name).ToList(), []);

    /// <summary>The column a field error of the usual checks belongs to ("wohnortAgs" → "Wohnort").</summary>
    public static string Spalte(ImportArt art, string feld) => Von(art).FirstOrDefault(s => s.Feld == feld)?.Name ?? feld;

    /// <summary>
    /// Which header cell holds which column (spelling, case, blanks, hyphens and umlauts ignored: "Email",
    /// "e-mail", "Verfuegbarkeit" all match). Unknown and missing required columns are refused, so that a
    /// typo does not silently drop a column.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Zuordnen(ImportArt art, IReadOnlyList<string> kopf)
    {
        var spalten = Von(art);
        var zuordnung = new Dictionary<string, string>(StringComparer.Ordinal);
        var unbekannt = new List<string>();
        foreach (var zelle in kopf.Where(k => k.Length > 0))
        {
            var spalte = spalten.FirstOrDefault(s => new[] { s.Name }.Concat(s.Aliase).Any(n => Normal(n) == Normal(zelle)));
            if (spalte is null)
            {
                unbekannt.Add(zelle);
            }
            else if (!zuordnung.TryAdd(spalte.Name, zelle))
            {
                throw RequestValidationException.For("datei", $"Die Spalte „{spalte.Name}“ steht zweimal in der Kopfzeile („{zuordnung[spalte.Name]}“ und „{zelle}“).");
            }
        }

        var fehlend = spalten.Where(s => s.Pflicht && !zuordnung.ContainsKey(s.Name)).Select(s => s.Name).ToList();
        if (fehlend.Count > 0 || unbekannt.Count > 0)
        {
            var teile = new List<string>();
            if (fehlend.Count > 0)
            {
                teile.Add($"Es fehlen die Spalten {string.Join(", ", fehlend.Select(n => $"„{n}“"))}.");
            }

            if (unbekannt.Count > 0)
            {
                teile.Add($"Unbekannte Spalten: {string.Join(", ", unbekannt.Take(10).Select(n => $"„{FieldRules.Echo(n)}“"))}.");
            }

            teile.Add($"Erwartet für {art.Text()}: {string.Join("; ", spalten.Select(s => s.Name))}. Ist es die richtige Datei (Lotsen oder Träger)?");
            throw RequestValidationException.For("datei", string.Join(" ", teile));
        }

        return zuordnung;
    }

    private static string Normal(string text)
    {
        var t = text.Trim().ToLowerInvariant().Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
        return new string(t.Where(char.IsLetterOrDigit).ToArray());
    }
}
