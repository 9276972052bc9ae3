using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;
using IntegrationsPlattform.Modules.Lotsen.Features.Traeger;
using Microsoft.Data.Sqlite;
using VermittlungArten = IntegrationsPlattform.Modules.Lotsen.Features.Lotsen.Vermittlung;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>A valid Lotse row, ready to write.</summary>
internal sealed record LotseImport(int Zeile, LotseDaten Daten, string Status);

/// <summary>A valid Träger row, ready to write.</summary>
internal sealed record TraegerImport(int Zeile, CreateTraeger Daten);

internal sealed record ImportGeprueft(CsvImportPreview Vorschau, IReadOnlyList<LotseImport> Lotsen, IReadOnlyList<TraegerImport> Traeger);

/// <summary>
/// Reads an import file and checks every row with the checks the forms and the API use
/// (<see cref="LotseDatenPruefung"/>, <see cref="TraegerPruefung.Stammdaten"/>), plus what only a file
/// can get wrong: cells that cannot be read, the same person or Träger twice in the file, or one that
/// exists already. Reads through the connection it is given, so that the import can check again
/// inside its own transaction.
/// </summary>
internal sealed class ImportPruefung(DeploymentInfo deployment, LotseDatenPruefung lotsePruefung, LotsenSettings settings, ICurrentUser user)
{
    /// <summary>A row for a person the registry holds already, in or outside the user's municipalities; names nothing of that record.</summary>
    public const string SchonErfasst = Dubletten.LotseSchonErfasst + " Bitte die Zeile aus der Datei löschen.";

    public async Task<ImportGeprueft> PruefeAsync(ImportArt art, byte[] datei, SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        var tabelle = ImportArten.Grenzen.Read(datei);
        var spalten = ImportSpalten.Von(art);
        var zuordnung = spalten.Match(tabelle.Header);
        ImportArten.Grenzen.CheckRowCount(tabelle);
        return art == ImportArt.Lotsen
            ? await LotsenAsync(tabelle, zuordnung, spalten, connection, transaction, ct)
            : await TraegerAsync(tabelle, zuordnung, spalten, connection, transaction, ct);
    }

    // --- Lotsen ----------------------------------------------------------------------------------

    private async Task<ImportGeprueft> LotsenAsync(CsvImport.Table tabelle, IReadOnlyDictionary<string, string> zuordnung, CsvImportColumns spalten,
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        // Every Lotse of the registry, not only those of the importing user's municipalities: a coordinator
        // must not import a person another municipality registered. The message says only that the person
        // exists, nothing of that record.
        var vorhanden = new HashSet<string>(StringComparer.Ordinal);
        var sicht = RecordScope.Of(user, LotsenModule.Bearbeiten);
        foreach (var (vorname, nachname, email, telefon) in await connection.QueryAsync<(string, string, string?, string?)>(
                     LotsenSchreiben.AlleNichtGeloeschtenSql, transaction: transaction))
        {
            foreach (var schluessel in Dubletten.PersonSchluessel(vorname, nachname, email, telefon))
            {
                vorhanden.Add(schluessel);
            }
        }

        var zeilen = new List<(CsvImportRow Zeile, IReadOnlyList<string> Schluessel)>();
        var geleseneLotsen = new List<LotseImport>();
        foreach (var row in tabelle.Rows)
        {
            string? Wert(string spalte) => zuordnung.TryGetValue(spalte, out var kopf) ? row[kopf] : null;
            var fehler = new List<string>();
            if (row.Error is { } zeilenfehler)
            {
                fehler.Add(zeilenfehler);
            }

            var sprachen = ImportFormat.Sprachangaben(Wert("Sprachen")).Select(s => new SpracheEingabe(s.Code, s.Niveau)).ToList();
            var themen = CsvImportCells.List(Wert("Themen")).Select(Thema).ToList();
            var kommunen = CsvImportCells.List(Wert("Kommunen")).Select(k => CsvImportCells.Municipality(k, deployment)).ToList();
            var (fenster, fensterFehler) = ImportFormat.Zeitfenster(Wert("Verfügbarkeit"));
            fehler.AddRange(fensterFehler.Select(f => "Verfügbarkeit: " + f));

            DateOnly? einwilligung = null;
            var datumUnlesbar = false;
            if (Wert("Einwilligung am") is { } datum)
            {
                if (CsvImportCells.TryDay(datum, out var tag))
                {
                    einwilligung = tag;
                }
                else
                {
                    datumUnlesbar = true;
                    fehler.Add($"Einwilligung am: „{FieldRules.Echo(datum)}“ ist kein gültiges Datum (TT.MM.JJJJ).");
                }
            }

            var status = "interessiert";
            var statusAbgelehnt = false;
            if (Wert("Status") is { } statusText)
            {
                var gefunden = Lebenszyklen.Lotse.All.FirstOrDefault(s => Gleich(s.Key, statusText) || Gleich(s.Label, statusText) || Gleich(s.Key.Replace('_', ' '), statusText));
                statusAbgelehnt = gefunden?.Key is not ("interessiert" or "in_schulung");
                if (gefunden is null)
                {
                    fehler.Add($"Status: Unbekannter Status „{FieldRules.Echo(statusText)}“ (erlaubt: interessiert, in Schulung).");
                }
                else if (gefunden.Key is not ("interessiert" or "in_schulung"))
                {
                    fehler.Add($"Status: „{gefunden.Label}“ kann nicht importiert werden, nur „interessiert“ oder „in Schulung“. Schulungen und der Status „aktiv“ werden danach am Lotsen erfasst.");
                }
                else
                {
                    status = gefunden.Key;
                }
            }

            var daten = new LotseDaten(
                Wert("Vorname"), Wert("Nachname"), Wert("E-Mail"), Wert("Telefon"),
                Wert("Wohnort") is { } wohnort ? CsvImportCells.Municipality(wohnort, deployment) : null,
                sprachen, themen, kommunen,
                fenster.Select(f => new ZeitfensterEingabe(f.Wochentag, f.Von, f.Bis)).ToList(),
                Vermittelt(Wert("Vermittelt durch")), null, null, einwilligung);
            foreach (var f in await lotsePruefung.PruefeAsync(daten, null, neu: true, ct))
            {
                if (!(datumUnlesbar && f.Field == "einwilligungAm"))
                {
                    fehler.Add($"{spalten.ColumnOf(f.Field)}: {f.Message}");
                }
            }

            // The write check of the form and the API, as a message of the row: an unknown municipality is named above already.
            if (sicht.WriteRefusal(kommunen.Where(k => deployment.FindMunicipality(k) is not null).ToList(), null) is { } ausserhalb)
            {
                fehler.Add($"{spalten.ColumnOf("kommunen")}: {ausserhalb}");
            }

            var schluessel = Dubletten.PersonSchluessel(daten.Vorname, daten.Nachname, daten.Email, daten.Telefon);
            if (schluessel.Any(vorhanden.Contains))
            {
                fehler.Add(SchonErfasst);
            }

            var werte = new Dictionary<string, string>
            {
                ["Vorname"] = daten.Vorname ?? "",
                ["Nachname"] = daten.Nachname ?? "",
                ["E-Mail"] = daten.Email ?? "",
                ["Telefon"] = daten.Telefon ?? "",
                ["Wohnort"] = KommuneName(daten.WohnortAgs, deployment),
                ["Sprachen"] = string.Join(", ", sprachen.Select(s => $"{Languages.GermanName(s.Code!)} ({SprachniveauTexte.Parse(s.Niveau)?.Text() ?? s.Niveau ?? "?"})")),
                ["Themen"] = string.Join(", ", themen.Select(settings.ThemaText)),
                ["Kommunen"] = string.Join(", ", kommunen.Select(k => KommuneName(k, deployment))),
                ["Verfügbarkeit"] = string.Join(", ", fenster.Select(f => $"{Verfuegbarkeit.Wochentag(f.Wochentag)} {f.Von}–{f.Bis}")),
                ["Vermittelt durch"] = VermittlungArten.IstBekannt(daten.VermitteltDurch) ? VermittlungArten.Text(daten.VermitteltDurch!) : daten.VermitteltDurch ?? "",
                ["Einwilligung am"] = einwilligung is { } am ? GermanFormat.Day(am) : Wert("Einwilligung am") ?? "",
                ["Status"] = statusAbgelehnt ? Wert("Status")! : Lebenszyklen.Lotse.Label(status),
            };
            zeilen.Add((new CsvImportRow(row.LineNumber, werte, fehler), schluessel));
            geleseneLotsen.Add(new LotseImport(row.LineNumber, daten, status));
        }

        var vorschau = new CsvImportPreview(ImportArt.Lotsen.Schluessel(), spalten.Names, CsvImportPreview.WithDuplicatesNamed(zeilen, "Dieselbe Person (Name und E-Mail-Adresse oder Telefonnummer)"));
        return new ImportGeprueft(vorschau, vorschau.Importable ? geleseneLotsen : [], []);
    }

    private string Thema(string text)
        => settings.Themen.FirstOrDefault(t => Gleich(t.Key, text) || Gleich(t.Value, text)).Key ?? text;

    private static string? Vermittelt(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var gefunden = VermittlungArten.Alle.FirstOrDefault(v => Gleich(v.Schluessel, text) || Gleich(v.Text, text) || Gleich(v.Text.Split(' ')[0], text));
        return gefunden.Schluessel ?? text;
    }

    // --- Träger ----------------------------------------------------------------------------------

    private async Task<ImportGeprueft> TraegerAsync(CsvImport.Table tabelle, IReadOnlyDictionary<string, string> zuordnung, CsvImportColumns spalten,
        SqliteConnection connection, SqliteTransaction? transaction, CancellationToken ct)
    {
        var vorhanden = (await connection.QueryAsync<string>("SELECT name FROM traeger", transaction: transaction))
            .Select(Dubletten.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var zeilen = new List<(CsvImportRow Zeile, IReadOnlyList<string> Schluessel)>();
        var geleseneTraeger = new List<TraegerImport>();
        foreach (var row in tabelle.Rows)
        {
            string? Wert(string spalte) => zuordnung.TryGetValue(spalte, out var kopf) ? row[kopf] : null;
            var fehler = new List<string>();
            if (row.Error is { } zeilenfehler)
            {
                fehler.Add(zeilenfehler);
            }

            var kommunen = CsvImportCells.List(Wert("Kommunen")).Select(k => CsvImportCells.Municipality(k, deployment)).ToList();
            var daten = new CreateTraeger(Wert("Name"), Wert("Ansprechperson"), Wert("E-Mail"), Wert("Telefon"), kommunen, Wert("Notiz"));
            fehler.AddRange(TraegerPruefung.Stammdaten(daten, deployment).Select(f => $"{spalten.ColumnOf(f.Field)}: {f.Message}"));
            var name = Dubletten.Name(daten.Name);
            if (name is not null && vorhanden.Contains(name))
            {
                fehler.Add("Name: " + Dubletten.TraegerSchonErfasst);
            }

            var werte = new Dictionary<string, string>
            {
                ["Name"] = daten.Name ?? "",
                ["Ansprechperson"] = daten.Ansprechperson ?? "",
                ["E-Mail"] = daten.Email ?? "",
                ["Telefon"] = daten.Telefon ?? "",
                ["Kommunen"] = string.Join(", ", kommunen.Select(k => KommuneName(k, deployment))),
                ["Notiz"] = daten.Notiz ?? "",
            };
            zeilen.Add((new CsvImportRow(row.LineNumber, werte, fehler), name is null ? [] : [name]));
            geleseneTraeger.Add(new TraegerImport(row.LineNumber, daten));
        }

        var vorschau = new CsvImportPreview(ImportArt.Traeger.Schluessel(), spalten.Names, CsvImportPreview.WithDuplicatesNamed(zeilen, "Derselbe Träger (Name)"));
        return new ImportGeprueft(vorschau, [], vorschau.Importable ? geleseneTraeger : []);
    }

    // --- shared ----------------------------------------------------------------------------------

    private static string KommuneName(string? ags, DeploymentInfo deployment)
        => ags is null ? "" : deployment.MunicipalityName(ags);

    private static bool Gleich(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
