using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>The columns of both kinds of file; matching a header to them, the template and the messages come from the SDK's <see cref="CsvImportColumns"/>.</summary>
internal static class ImportSpalten
{
    public static IReadOnlyList<CsvImportColumn> Lotsen { get; } =
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

    public static IReadOnlyList<CsvImportColumn> Traeger { get; } =
    [
        new("Name", true, "name", "Name der Organisation, Pflicht, eindeutig, höchstens 200 Zeichen.", "Nachbarschaftshilfe Erbach e. V.", "Träger", "Organisation"),
        new("Ansprechperson", false, "ansprechperson", "Höchstens 200 Zeichen.", "Petra Beispiel", "Ansprechpartner", "Ansprechpartnerin", "Kontakt"),
        new("E-Mail", false, "email", "Gültige E-Mail-Adresse.", "kontakt@nachbarschaftshilfe.example", "Email", "Mail", "E-Mail-Adresse"),
        new("Telefon", false, "telefon", "Ziffern, Leerzeichen und + - / ( ).", "06062 98765", "Telefonnummer", "Tel"),
        new("Kommunen", false, "kommunen", "Kommunen, die der Träger abdecken könnte (Name oder AGS), durch Komma getrennt.", "Erbach, Michelstadt"),
        new("Notiz", false, "notiz", "Höchstens 2000 Zeichen.", "über die Ehrenamtsagentur", "Bemerkung", "Notizen"),
    ];

    /// <summary>The columns of a kind of file, for the SDK's matching, template and messages.</summary>
    public static CsvImportColumns Von(ImportArt art)
        => new(art.Text(), art == ImportArt.Lotsen ? Lotsen : Traeger, "Ist es die richtige Datei (Lotsen oder Träger)?");
}
