using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using IntegrationsPlattform.Modules.Gesundheit.Pages.Angebote;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>A valid row, ready to write as a draft: the provider by name (<see cref="AngebotImport.AnbieterId"/> null for a new one) and the offer's input.</summary>
internal sealed record AngebotImport(int Zeile, string Anbieter, string? AnbieterId, AngebotEingabe Eingabe);

internal sealed record ImportGeprueft(CsvImportPreview Vorschau, IReadOnlyList<AngebotImport> Angebote);

/// <summary>
/// Reads an offer list and checks every row with the checks of the offer form and API (<see cref="AngebotPruefung.Eingabe"/>),
/// plus what only a file gets wrong: cells that cannot be read (ages, dates, yes/no), the same offer (title at one provider)
/// twice in the file or already recorded, and a provider outside the user's grant. Reads through the connection it is
/// given, so that the import checks again inside its own transaction.
/// </summary>
internal sealed class ImportPruefung(DeploymentInfo deployment, GesundheitSettings settings, ICurrentUser user)
{
    public static CsvImportLimits Grenzen => CsvImportLimits.Standard;

    /// <summary>Stands in for the id of a provider the import creates, so that the form's check of the field passes.</summary>
    private const string NeuerAnbieter = "00000000-0000-0000-0000-000000000000";

    /// <summary>The form's field of the opening times, the column „Öffnungszeiten“ (<see cref="ImportSpalten"/>).</summary>
    public const string ZeitenFeld = "zeiten";

    private static readonly string[] OrtSpalten = ["Einrichtung", "Straße", "PLZ", "Ort", "Kommune", "Stufenlos"];

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

            var anbieter = fehler.RequiredText("anbieterId", Wert("Anbieter"), 200, "den Anbieter");
            var anbieterId = anbieter is null ? null : anbieterIds.GetValueOrDefault(Schluessel(anbieter));
            var kosten = Wert("Kosten");
            var kostenlos = kosten is null || kosten.Equals("kostenlos", StringComparison.OrdinalIgnoreCase);
            var abSchwangerschaft = Wert("Alter von") is { } ab && ab.Equals(Altersangaben.Schwangerschaft, StringComparison.OrdinalIgnoreCase);
            var ort = OrtSpalten.Any(s => Wert(s) is not null)
                ? new OrtEingabe(Wert("Einrichtung") ?? anbieter, Wert("Straße"), Wert("PLZ"), Wert("Ort"),
                    Wert("Kommune") is { } kommune ? CsvImportCells.Municipality(kommune, deployment) : null, JaNein(fehler, "orte[0].stufenlos", Wert("Stufenlos")))
                : null;
            var eingabe = new AngebotEingabe(
                anbieterId ?? NeuerAnbieter,
                Kategorie(Wert("Kategorie")),
                Wert("Titel"),
                Wert("Beschreibung"),
                Wert("Anmeldung"),
                Wert("Voraussetzungen"),
                kostenlos,
                kostenlos ? null : kosten,
                abSchwangerschaft,
                abSchwangerschaft ? 0 : Alter(fehler, "alterVonMonate", Wert("Alter von")),
                Alter(fehler, "alterBisMonate", Wert("Alter bis")),
                JaNein(fehler, "dolmetscherAufAnfrage", Wert("Dolmetscher")),
                Tag(fehler, "gueltigVon", Wert("Gültig von")),
                Tag(fehler, "gueltigBis", Wert("Gültig bis")),
                CsvImportCells.List(Wert("Sprachen")).Select(s => Languages.All.FirstOrDefault(l => l.GermanName.Equals(s, StringComparison.OrdinalIgnoreCase))?.Code ?? s).ToList(),
                ort is null ? [] : [ort],
                Zeiten(fehler, Wert("Öffnungszeiten")));
            // The form names a time's own field (zeiten[0].bis); the file has one column for all of them.
            fehler.AddRange(AngebotPruefung.Eingabe(eingabe, settings, deployment).Where(f => f.Field != "anbieterId")
                .Select(f => f.Field.StartsWith(ZeitenFeld + "[", StringComparison.Ordinal) ? f with { Field = ZeitenFeld } : f));

            if (eingabe.Titel is { } titel && anbieterId is not null && vorhandeneAngebote.Contains(anbieterId + "|" + Schluessel(titel)))
            {
                fehler.Add(new FieldError("titel", "Dieses Angebot ist bei diesem Anbieter schon erfasst. Bitte die Zeile aus der Datei löschen."));
            }

            // The write check of the form: a grant for some providers may import only their offers; a new provider lies in none.
            if (anbieter is not null && sicht.WriteRefusal(AngebotSchreiben.Kommunen(eingabe), null, [anbieterId ?? NeuerAnbieter]) is { } ausserhalb)
            {
                fehler.Add(new FieldError("anbieterId", ausserhalb));
            }

            var zeile = new CsvImportRow(row.LineNumber, Werte(eingabe, anbieter, anbieterId is null),
                [.. row.Error is { } lesefehler ? [lesefehler] : Array.Empty<string>(), .. fehler.Select(f => $"{spalten.ColumnOf(f.Field)}: {f.Message}")]);
            zeilen.Add((zeile, eingabe.Titel is null || anbieter is null ? [] : [Schluessel(anbieter) + "|" + Schluessel(eingabe.Titel)]));
            if (zeile.Valid)
            {
                angebote.Add(new AngebotImport(row.LineNumber, anbieter!, anbieterId, eingabe));
            }
        }

        var vorschau = new CsvImportPreview(spalten.Kind, ["Titel", "Anbieter", "Kategorie", "Kosten", "Zielgruppe", "Sprachen", "Dolmetscher", "Einrichtung", "Öffnungszeiten", "Gültig"],
            CsvImportPreview.WithDuplicatesNamed(zeilen, "Dasselbe Angebot (Titel und Anbieter)"));
        return new ImportGeprueft(vorschau, angebote);
    }

    /// <summary>The row as it will be stored, in German.</summary>
    private Dictionary<string, string> Werte(AngebotEingabe e, string? anbieter, bool neu) => new()
    {
        ["Titel"] = e.Titel ?? "",
        ["Anbieter"] = anbieter is null ? "" : neu ? $"{anbieter} (neu)" : anbieter,
        ["Kategorie"] = e.Kategorie is null ? "" : settings.KategorieText(e.Kategorie),
        ["Kosten"] = e.Kostenlos ? "kostenlos" : e.Kosten ?? "",
        ["Zielgruppe"] = AngebotRegeln.Zielgruppe(e.AbSchwangerschaft, e.AlterVonMonate ?? 0, e.AlterBisMonate ?? AngebotRegeln.AlterMaxMonate),
        ["Sprachen"] = string.Join(", ", (e.Sprachen ?? []).Select(Languages.GermanName)),
        ["Dolmetscher"] = e.DolmetscherAufAnfrage ? "ja" : "nein",
        ["Einrichtung"] = e.Orte is [var o, ..]
            ? $"{o.Name}, {o.Strasse}, {o.Plz} {o.Ort} ({deployment.MunicipalityName(o.KommuneAgs ?? "")}){(o.Stufenlos ? ", stufenlos" : "")}"
            : "",
        ["Öffnungszeiten"] = string.Join("; ", (e.Zeiten ?? []).Select(z => AngeboteAnzeige.Zeit(new ZeitZeile("", z.Freq, z.Byday, z.Datum, z.Von!, z.Bis!, z.Hinweis)))),
        ["Gültig"] = e.GueltigVon is null && e.GueltigBis is null ? "unbefristet" : $"{Tag(e.GueltigVon)} – {Tag(e.GueltigBis)}",
    };

    /// <summary>The opening times of a cell for the offer form; an entry that cannot be read is named and left out.</summary>
    private static List<ZeitEingabe> Zeiten(List<FieldError> fehler, string? wert)
    {
        var zeiten = new List<ZeitEingabe>();
        foreach (var eintrag in Oeffnungszeitangaben.Eintraege(wert))
        {
            if (Oeffnungszeitangaben.Lesen(eintrag) is { } zeit)
            {
                zeiten.Add(new ZeitEingabe(zeit.Freq, zeit.Byday, zeit.Datum, zeit.Von, zeit.Bis, null));
            }
            else
            {
                fehler.Add(new FieldError(ZeitenFeld, $"„{FieldRules.Echo(eintrag)}“ ist keine lesbare Öffnungszeit. {Oeffnungszeitangaben.Hinweis}"));
            }
        }

        return zeiten;
    }

    private static string Tag(string? gespeichert) => gespeichert is null ? "…" : GermanFormat.Day(GermanFormat.ParseStoredDay(gespeichert));

    /// <summary>The key of a category given by key or label; anything else as written, for the form's check to name.</summary>
    private string? Kategorie(string? wert) => wert is null
        ? null
        : settings.Kategorien.Where(k => k.Key.Equals(wert, StringComparison.OrdinalIgnoreCase) || k.Value.Equals(wert, StringComparison.CurrentCultureIgnoreCase))
            .Select(k => k.Key).FirstOrDefault() ?? wert;

    /// <summary>An age cell in months; unreadable: a message of its own and no value, so the form's check adds nothing.</summary>
    private static int? Alter(List<FieldError> fehler, string feld, string? wert)
    {
        if (wert is null)
        {
            return null;
        }

        if (Altersangaben.TryParse(wert, out var monate))
        {
            return monate;
        }

        fehler.Add(new FieldError(feld, $"„{FieldRules.Echo(wert)}“ ist kein Alter von 0 bis 18 Jahren (z. B. „6 Monate“ oder „3 Jahre“)."));
        return null;
    }

    private static bool JaNein(List<FieldError> fehler, string feld, string? wert)
    {
        switch (wert?.ToLowerInvariant())
        {
            case null or "nein" or "n" or "0":
                return false;
            case "ja" or "j" or "x" or "1":
                return true;
            default:
                fehler.Add(new FieldError(feld, $"„{FieldRules.Echo(wert)}“: bitte „ja“ oder „nein“."));
                return false;
        }
    }

    /// <summary>A German or ISO day as the form's <c>yyyy-MM-dd</c>; unreadable: a message of its own and no value.</summary>
    private static string? Tag(List<FieldError> fehler, string feld, string? wert)
    {
        if (wert is null)
        {
            return null;
        }

        if (CsvImportCells.TryDay(wert, out var tag))
        {
            return GermanFormat.StoredDay(tag);
        }

        fehler.Add(new FieldError(feld, $"„{FieldRules.Echo(wert)}“ ist kein gültiges Datum (TT.MM.JJJJ)."));
        return null;
    }
}
