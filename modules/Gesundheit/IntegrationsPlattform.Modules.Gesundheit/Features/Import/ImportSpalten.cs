using IntegrationsPlattform.Contracts.Web;

using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Import;

/// <summary>
/// The columns of an offer list as the Kreis and providers keep it today: one offer per row, with at most one place. Each
/// column's field is the one of <see cref="Angebote.AngebotEingabe"/> the offer form checks, so its messages land in the
/// column. Matching a header, the template and the messages come from the SDK's <see cref="CsvImportColumns"/>.
/// </summary>
internal static class ImportSpalten
{
    public static CsvImportColumns Angebote { get; } = new("Angebote",
    [
        new("Titel", true, "titel", "Pflicht, höchstens 200 Zeichen; je Anbieter nur einmal.", "Impfsprechstunde", "Angebot", "Name"),
        new("Anbieter", true, "anbieterId", "Name der Organisation; ein noch nicht erfasster Anbieter wird angelegt.", "Kinderarztpraxis am Markt", "Organisation", "Träger"),
        new("Kategorie", true, "kategorie", "Eine der Kategorien des Moduls (Name oder Schlüssel).", "Impfungen"),
        new("Beschreibung", false, "beschreibung", "Höchstens 4000 Zeichen.", "Impfungen nach STIKO für Kinder"),
        new("Anmeldung", false, "anmeldung", "Wie man sich anmeldet, höchstens 4000 Zeichen.", "Telefonisch oder in der Praxis"),
        new("Voraussetzungen", false, "voraussetzungen", "Höchstens 4000 Zeichen.", "Impfpass mitbringen"),
        new("Kosten", false, "kosten", "Leer oder „kostenlos“ für ein kostenloses Angebot, sonst was es kostet.", "kostenlos"),
        new("Alter von", false, "alterVonMonate", "„Schwangerschaft“, „N Monate“ oder „N Jahre“ (eine Zahl allein: Jahre); leer: ab Geburt.", "6 Monate", "Alter ab"),
        new("Alter bis", false, "alterBisMonate", "„N Monate“ oder „N Jahre“, höchstens 18 Jahre; leer: 18 Jahre.", "6 Jahre"),
        new("Sprachen", false, "sprachen", "Vor Ort gesprochene Sprachen: ISO-639-Code oder deutscher Name, durch Komma getrennt.", "ar, Türkisch", "Sprachen vor Ort"),
        new("Dolmetscher", false, "dolmetscherAufAnfrage", "„ja“, wenn auf Anfrage gedolmetscht wird; sonst leer oder „nein“.", "ja", "Dolmetscher auf Anfrage"),
        new("Einrichtung", false, "orte[0].name", "Name des Ortes; leer: der Name des Anbieters.", "Praxis am Markt", "Ort Name"),
        new("Straße", false, "orte[0].strasse", "Mit Hausnummer; Pflicht, sobald ein Ort angegeben ist.", "Marktplatz 3", "Strasse", "Adresse"),
        new("PLZ", false, "orte[0].plz", "Fünf Ziffern.", "64711", "Postleitzahl"),
        new("Ort", false, "orte[0].ort", "Ort oder Ortsteil der Adresse.", "Erbach", "Stadt"),
        new("Kommune", false, "orte[0].kommuneAgs", "Kommune des Kreises: Name oder AGS.", "Erbach", "Gemeinde"),
        new("Stufenlos", false, "orte[0].stufenlos", "„ja“, wenn der Ort stufenlos zugänglich ist.", "ja", "Barrierefrei", "Stufenloser Zugang"),
        new("Öffnungszeiten", false, ImportPruefung.ZeitenFeld, Oeffnungszeitangaben.Hinweis, "Mo, Mi 09:00-12:00; 1. Di 15-17 Uhr", "Zeiten", "Sprechzeiten"),
        new("Gültig von", false, "gueltigVon", "Erster Tag (TT.MM.JJJJ), leer: unbefristet.", "01.01.2027", "Gueltig von"),
        new("Gültig bis", false, "gueltigBis", "Letzter Tag (TT.MM.JJJJ), nicht vor „Gültig von“.", "31.12.2027", "Gueltig bis"),
    ]);
}
