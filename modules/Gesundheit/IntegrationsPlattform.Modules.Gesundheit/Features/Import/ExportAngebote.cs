using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>
/// Every offer as staff report on it, in its working version (what providers and staff edit), as CSV for German Excel
/// (UTF-8 with BOM, ';'). Offers and providers are organisations' data: the file holds no personal data.
/// </summary>
internal sealed record ExportAngebote : IQuery<byte[]>;

internal sealed class ExportAngeboteHandler(IModuleDatabase<GesundheitModule> database, GesundheitSettings settings, DeploymentInfo deployment, ILocalClock clock)
    : IRequestHandler<ExportAngebote, byte[]>
{
    public static readonly IReadOnlyList<string> Spalten =
    [
        "Titel", "Kategorie", "Anbieter", "Status", "Änderung wartet auf Prüfung", "Zuletzt geprüft", "Alter von", "Alter bis", "Kosten",
        "Sprachen vor Ort", "Dolmetscher auf Anfrage", "Orte", "Kommunen", "Gültig von", "Gültig bis", "Übersetzungen",
    ];

    /// <summary>The offer statuses as staff read them (<c>angebote.status</c>).</summary>
    private static readonly IReadOnlyDictionary<string, string> Status = new Dictionary<string, string>
    {
        ["entwurf"] = "Entwurf", ["zur_pruefung"] = "zur Prüfung", ["veroeffentlicht"] = "veröffentlicht", ["archiviert"] = "archiviert",
    };

    /// <summary>A row of the export, filled by name: the subqueries' columns have no declared type SQLite could report for a NULL.</summary>
    private sealed class Zeile
    {
        public string? Titel { get; init; }
        public string Kategorie { get; init; } = "";
        public string Anbieter { get; init; } = "";
        public string Status { get; init; } = "";
        public string? AenderungStatus { get; init; }
        public string? GeprueftAm { get; init; }
        public long AbSchwangerschaft { get; init; }
        public long AlterVonMonate { get; init; }
        public long AlterBisMonate { get; init; }
        public long Kostenlos { get; init; }
        public string? Kosten { get; init; }
        public string? Sprachen { get; init; }
        public long DolmetscherAufAnfrage { get; init; }
        public string? Orte { get; init; }
        public string? Kommunen { get; init; }
        public string? GueltigVon { get; init; }
        public string? GueltigBis { get; init; }
        public string? Uebersetzungen { get; init; }
    }

    public async Task<byte[]> Handle(ExportAngebote request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var zeilen = await connection.QueryAsync<Zeile>(new CommandDefinition("""
            SELECT (SELECT t.text FROM angebot_texte t WHERE t.angebot_id = a.id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'titel') AS Titel,
                   f.kategorie, n.name AS Anbieter, a.status, a.aenderung_status AS AenderungStatus, a.geprueft_am AS GeprueftAm,
                   f.ab_schwangerschaft AS AbSchwangerschaft, f.alter_von_monate AS AlterVonMonate, f.alter_bis_monate AS AlterBisMonate, f.kostenlos,
                   (SELECT t.text FROM angebot_texte t WHERE t.angebot_id = a.id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'kosten') AS Kosten,
                   (SELECT group_concat(s.sprache, ',') FROM angebot_sprachen s WHERE s.angebot_id = a.id AND s.fassung = 'arbeit') AS Sprachen,
                   f.dolmetscher_auf_anfrage AS DolmetscherAufAnfrage,
                   (SELECT group_concat(o.name || ', ' || o.strasse || ', ' || o.plz || ' ' || o.ort, ' | ')
                      FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.angebot_id = a.id AND ao.fassung = 'arbeit') AS Orte,
                   (SELECT group_concat(DISTINCT o.kommune_ags)
                      FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.angebot_id = a.id AND ao.fassung = 'arbeit') AS Kommunen,
                   f.gueltig_von AS GueltigVon, f.gueltig_bis AS GueltigBis,
                   (SELECT group_concat(DISTINCT t.sprache) FROM angebot_texte t WHERE t.angebot_id = a.id AND t.fassung = 'arbeit' AND t.sprache <> 'de') AS Uebersetzungen
            FROM angebote a
            JOIN anbieter n ON n.id = a.anbieter_id
            JOIN angebot_fassungen f ON f.angebot_id = a.id AND f.fassung = 'arbeit'
            ORDER BY Titel COLLATE NOCASE, a.id
            """, cancellationToken: cancellationToken));

        string Sprachnamen(string? codes) => string.Join(", ", CsvImportCells.List(codes).Order(StringComparer.Ordinal).Select(Languages.GermanName));
        string? Tag(string? gespeichert) => gespeichert is null ? null : GermanFormat.Day(GermanFormat.ParseStoredDay(gespeichert));
        return CsvExport.Write(Spalten, zeilen.Select(z => (IReadOnlyList<string?>)
        [
            z.Titel,
            settings.KategorieText(z.Kategorie),
            z.Anbieter,
            Status.GetValueOrDefault(z.Status, z.Status),
            z.AenderungStatus == "zur_pruefung" ? "ja" : null,
            z.GeprueftAm is null ? null : GermanFormat.Day(DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(z.GeprueftAm)).DateTime)),
            z.AbSchwangerschaft == 1 ? Altersangaben.Schwangerschaft : Altersangaben.Text((int)z.AlterVonMonate),
            Altersangaben.Text((int)z.AlterBisMonate),
            z.Kostenlos == 1 ? "kostenlos" : z.Kosten,
            Sprachnamen(z.Sprachen),
            z.DolmetscherAufAnfrage == 1 ? "ja" : "nein",
            z.Orte,
            string.Join(", ", CsvImportCells.List(z.Kommunen).Select(deployment.MunicipalityName)),
            Tag(z.GueltigVon),
            Tag(z.GueltigBis),
            Sprachnamen(z.Uebersetzungen),
        ]));
    }
}
