using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>The place of an imported offer.</summary>
internal sealed record OrtImport(string Name, string Strasse, string Plz, string Ort, string KommuneAgs, bool Stufenlos);

/// <summary>A valid row, ready to write as a draft. <see cref="Texte"/>: the German texts by field of <c>angebot_texte</c>.</summary>
internal sealed record AngebotImport(
    int Zeile, string Anbieter, string Kategorie, IReadOnlyDictionary<string, string> Texte, bool AbSchwangerschaft, int AlterVonMonate,
    int AlterBisMonate, bool Kostenlos, IReadOnlyList<string> Sprachen, bool Dolmetscher, OrtImport? Ort, DateOnly? GueltigVon, DateOnly? GueltigBis);

/// <summary>The preview, the rows to write, and the providers the database holds already (by <see cref="ImportPruefung.Schluessel"/>).</summary>
internal sealed record ImportGeprueft(CsvImportPreview Vorschau, IReadOnlyList<AngebotImport> Angebote, IReadOnlyDictionary<string, string> AnbieterIds);

/// <summary>
/// Reads an offer list and checks every row: required fields and lengths as the schema allows them, the category, ages,
/// languages, yes/no cells, the place's address and municipality, the validity, and what only a file gets wrong — the same
/// offer (title at one provider) twice in the file or already recorded. Reads through the connection it is given, so that
/// the import checks again inside its own transaction.
/// </summary>
internal sealed class ImportPruefung(DeploymentInfo deployment, GesundheitSettings settings, ICurrentUser user)
{
    public static CsvImportLimits Grenzen => CsvImportLimits.Standard;

    /// <summary>How names are compared: case and runs of blanks ignored.</summary>
    public static string Schluessel(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    public async Task<ImportGeprueft> PruefeAsync(byte[] datei, SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        var tabelle = Grenzen.Read(datei);
        var spalten = ImportSpalten.Angebote;
        var zuordnung = spalten.Match(tabelle.Header);
        Grenzen.CheckRowCount(tabelle);

        var anbieterIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, name) in await connection.QueryAsync<(string, string)>(new CommandDefinition("SELECT id, name FROM anbieter", transaction: transaction, cancellationToken: ct)))
        {
            anbieterIds.TryAdd(Schluessel(name), id);
        }

        var vorhandeneAngebote = (await connection.QueryAsync<(string, string)>(new CommandDefinition("""
                SELECT a.anbieter_id, t.text FROM angebote a
                JOIN angebot_texte t ON t.angebot_id = a.id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'titel'
                """, transaction: transaction, cancellationToken: ct)))
            .Select(a => a.Item1 + "|" + Schluessel(a.Item2)).ToHashSet(StringComparer.Ordinal);

        var sicht = RecordScope.Of(user, GesundheitModule.Angebote);
        var zeilen = new List<(CsvImportRow Zeile, IReadOnlyList<string> Schluessel)>();
        var angebote = new List<AngebotImport>();
        foreach (var row in tabelle.Rows)
        {
            string? Wert(string spalte) => zuordnung.TryGetValue(spalte, out var kopf) ? row[kopf] : null;
            var fehler = new List<FieldError>();
            var zeilenfehler = row.Error is { } lesefehler ? new List<string> { lesefehler } : [];

            var titel = fehler.RequiredText("titel", Wert("Titel"), 200, "den Titel");
            var anbieter = fehler.RequiredText("anbieter", Wert("Anbieter"), 200, "den Anbieter");
            var kategorie = Kategorie(fehler, Wert("Kategorie"));
            var texte = new Dictionary<string, string>();
            foreach (var (feld, spalte) in new[] { ("beschreibung", "Beschreibung"), ("anmeldung", "Anmeldung"), ("voraussetzungen", "Voraussetzungen") })
            {
                if (fehler.OptionalText(feld, Wert(spalte), 4000) is { } text)
                {
                    texte[feld] = text;
                }
            }

            var kostenlos = Wert("Kosten") is not { } kosten || kosten.Equals("kostenlos", StringComparison.OrdinalIgnoreCase);
            if (!kostenlos && fehler.OptionalText("kosten", Wert("Kosten"), 4000) is { } kostentext)
            {
                texte["kosten"] = kostentext;
            }

            var abSchwangerschaft = Wert("Alter von") is { } ab && ab.Equals(Altersangaben.Schwangerschaft, StringComparison.OrdinalIgnoreCase);
            var alterVon = abSchwangerschaft ? 0 : Alter(fehler, "alterVon", Wert("Alter von"), 0);
            var alterBis = Alter(fehler, "alterBis", Wert("Alter bis"), Altersangaben.HoechstesAlterMonate);
            if (alterVon is { } von && alterBis is { } bis && bis < von)
            {
                fehler.Add(new FieldError("alterBis", "Das Alter bis darf nicht unter dem Alter von liegen."));
            }

            var sprachen = CsvImportCells.List(Wert("Sprachen"))
                .Select(s => fehler.LanguageCode("sprachen", Languages.All.FirstOrDefault(l => l.GermanName.Equals(s, StringComparison.OrdinalIgnoreCase))?.Code ?? s))
                .OfType<string>().Distinct().ToList();
            var dolmetscher = JaNein(fehler, "dolmetscher", Wert("Dolmetscher"));
            var ort = Ort(fehler, Wert, anbieter);
            var gueltigVon = Tag(fehler, "gueltigVon", Wert("Gültig von"));
            var gueltigBis = Tag(fehler, "gueltigBis", Wert("Gültig bis"));
            fehler.DayRange("gueltigBis", gueltigVon, gueltigBis);

            var anbieterId = anbieter is null ? null : anbieterIds.GetValueOrDefault(Schluessel(anbieter));
            if (titel is not null && anbieterId is not null && vorhandeneAngebote.Contains(anbieterId + "|" + Schluessel(titel)))
            {
                fehler.Add(new FieldError("titel", "Dieses Angebot ist bei diesem Anbieter schon erfasst. Bitte die Zeile aus der Datei löschen."));
            }

            // The write check of the offers permission: a grant for some providers may import only their offers; a new provider lies in none.
            if (anbieter is not null && sicht.WriteRefusal([], null, [anbieterId ?? "neu"]) is { } ausserhalb)
            {
                fehler.Add(new FieldError("anbieter", ausserhalb));
            }

            var werte = new Dictionary<string, string>
            {
                ["Titel"] = titel ?? "",
                ["Anbieter"] = anbieter is null ? "" : anbieterId is null ? $"{anbieter} (neu)" : anbieter,
                ["Kategorie"] = kategorie is null ? "" : settings.KategorieText(kategorie),
                ["Kosten"] = kostenlos ? "kostenlos" : texte.GetValueOrDefault("kosten", ""),
                ["Alter von"] = abSchwangerschaft ? Altersangaben.Schwangerschaft : alterVon is { } v ? Altersangaben.Text(v) : "",
                ["Alter bis"] = alterBis is { } b ? Altersangaben.Text(b) : "",
                ["Sprachen"] = string.Join(", ", sprachen.Select(Languages.GermanName)),
                ["Dolmetscher"] = dolmetscher == true ? "ja" : "nein",
                ["Einrichtung"] = ort is null ? "" : $"{ort.Name}, {ort.Strasse}, {ort.Plz} {ort.Ort} ({deployment.MunicipalityName(ort.KommuneAgs)}){(ort.Stufenlos ? ", stufenlos" : "")}",
                ["Gültig"] = gueltigVon is null && gueltigBis is null ? "unbefristet" : $"{(gueltigVon is { } gv ? GermanFormat.Day(gv) : "…")} – {(gueltigBis is { } gb ? GermanFormat.Day(gb) : "…")}",
            };
            var zeile = new CsvImportRow(row.LineNumber, werte, [.. zeilenfehler, .. fehler.Select(f => $"{spalten.ColumnOf(f.Field)}: {f.Message}")]);
            zeilen.Add((zeile, titel is null || anbieter is null ? [] : [Schluessel(anbieter) + "|" + Schluessel(titel)]));
            if (zeile.Valid)
            {
                angebote.Add(new AngebotImport(row.LineNumber, anbieter!, kategorie!, new Dictionary<string, string>(texte) { ["titel"] = titel! }, abSchwangerschaft,
                    alterVon!.Value, alterBis!.Value, kostenlos, sprachen, dolmetscher == true, ort, gueltigVon, gueltigBis));
            }
        }

        var vorschau = new CsvImportPreview(spalten.Kind, ["Titel", "Anbieter", "Kategorie", "Kosten", "Alter von", "Alter bis", "Sprachen", "Dolmetscher", "Einrichtung", "Gültig"],
            CsvImportPreview.WithDuplicatesNamed(zeilen, "Dasselbe Angebot (Titel und Anbieter)"));
        return new ImportGeprueft(vorschau, angebote, anbieterIds);
    }

    private string? Kategorie(List<FieldError> fehler, string? wert)
    {
        if (wert is null)
        {
            fehler.Add(new FieldError("kategorie", "Bitte die Kategorie angeben."));
            return null;
        }

        var gefunden = settings.Kategorien.FirstOrDefault(k => k.Key.Equals(wert, StringComparison.OrdinalIgnoreCase) || k.Value.Equals(wert, StringComparison.CurrentCultureIgnoreCase));
        if (gefunden.Key is null)
        {
            fehler.Add(new FieldError("kategorie", $"Unbekannte Kategorie „{FieldRules.Echo(wert)}“ (erlaubt: {string.Join(", ", settings.Kategorien.Values)})."));
        }

        return gefunden.Key;
    }

    private static int? Alter(List<FieldError> fehler, string feld, string? wert, int leer)
    {
        if (wert is null)
        {
            return leer;
        }

        if (Altersangaben.TryParse(wert, out var monate))
        {
            return monate;
        }

        fehler.Add(new FieldError(feld, $"„{FieldRules.Echo(wert)}“ ist kein Alter von 0 bis 18 Jahren (z. B. „6 Monate“ oder „3 Jahre“)."));
        return null;
    }

    private static bool? JaNein(List<FieldError> fehler, string feld, string? wert)
    {
        switch (wert?.ToLowerInvariant())
        {
            case null or "nein" or "n" or "0":
                return false;
            case "ja" or "j" or "x" or "1":
                return true;
            default:
                fehler.Add(new FieldError(feld, $"„{FieldRules.Echo(wert)}“: bitte „ja“ oder „nein“."));
                return null;
        }
    }

    private static DateOnly? Tag(List<FieldError> fehler, string feld, string? wert)
    {
        if (wert is null)
        {
            return null;
        }

        if (CsvImportCells.TryDay(wert, out var tag))
        {
            return tag;
        }

        fehler.Add(new FieldError(feld, $"„{FieldRules.Echo(wert)}“ ist kein gültiges Datum (TT.MM.JJJJ)."));
        return null;
    }

    /// <summary>The row's place: none when every place cell is empty, else street, postal code, town and municipality are required.</summary>
    private OrtImport? Ort(List<FieldError> fehler, Func<string, string?> wert, string? anbieter)
    {
        string[] zellen = ["Einrichtung", "Straße", "PLZ", "Ort", "Kommune", "Stufenlos"];
        if (zellen.All(z => wert(z) is null))
        {
            return null;
        }

        var anzahl = fehler.Count;
        var name = fehler.OptionalText("ortName", wert("Einrichtung"), 200) ?? anbieter;
        var strasse = fehler.RequiredText("strasse", wert("Straße"), 200, "die Straße");
        var plz = wert("PLZ");
        if (plz is null || plz.Length != 5 || !plz.All(char.IsAsciiDigit))
        {
            fehler.Add(new FieldError("plz", plz is null ? "Bitte die Postleitzahl angeben." : $"„{FieldRules.Echo(plz)}“ ist keine Postleitzahl (fünf Ziffern)."));
        }

        var ort = fehler.RequiredText("ort", wert("Ort"), 100, "den Ort");
        var kommune = fehler.Municipality("kommune", wert("Kommune") is { } k ? CsvImportCells.Municipality(k, deployment) : null, deployment, required: true);
        var stufenlos = JaNein(fehler, "stufenlos", wert("Stufenlos"));
        return fehler.Count > anzahl || name is null ? null : new OrtImport(name, strasse!, plz!, ort!, kommune!.Ags, stufenlos == true);
    }
}
