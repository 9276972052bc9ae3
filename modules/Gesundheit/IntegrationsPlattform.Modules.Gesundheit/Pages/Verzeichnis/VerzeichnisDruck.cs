using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Print;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;
using Microsoft.Extensions.Localization;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Verzeichnis;

/// <summary>
/// The notice of an offer for Kitas and waiting rooms: the SDK's printable document in the visitor's language (right
/// to left for Arabic and Farsi, as an HTML page only), each text that falls back to German marked as German, and a
/// QR code to the offer's page in the same language.
/// </summary>
internal static class VerzeichnisDruck
{
    public static PrintDocument Dokument(VerzeichnisAngebot angebot, IStringLocalizer texte, GesundheitSettings settings, DeploymentInfo deployment, IPublicLinks links)
    {
        var sprache = VerzeichnisAnzeige.Sprache;
        var titel = angebot.Text("titel") ?? new Oeffentlich("", Languages.German.Code);
        var kategorie = VerzeichnisAnzeige.Kategorie(texte, settings, angebot.Kategorie);
        var bloecke = new List<PrintBlock> { Text(kategorie) };
        void Abschnitt(string ueberschrift, IEnumerable<PrintBlock> inhalt)
        {
            bloecke.Add(new PrintHeading(texte[ueberschrift].Value) { Language = Fremd(LocalizedText.LanguageOf(texte, ueberschrift).Code, sprache) });
            bloecke.AddRange(inhalt);
        }

        if (angebot.Text("beschreibung") is { } beschreibung)
        {
            Abschnitt("About", [Text(beschreibung)]);
        }

        Abschnitt("ForWhom", [new PrintText($"{texte["Age"].Value}: {VerzeichnisAnzeige.Alter(texte, angebot)}"), .. Optional(angebot.Text("voraussetzungen"))]);
        Abschnitt("Where", angebot.Orte.Select(o => new PrintText(
            $"{o.Name}, {o.Strasse}, {o.Plz} {o.Ort} ({deployment.MunicipalityName(o.KommuneAgs)}) – {texte[o.Stufenlos ? "StepFree" : "NotStepFree"].Value}")));
        if (angebot.Zeiten.Count > 0)
        {
            Abschnitt("When", angebot.Zeiten.Select(z => new PrintText(VerzeichnisAnzeige.Zeit(texte, z) + (z.Ort is null ? "" : $" · {z.Ort}"))));
        }

        if (angebot.Text("anmeldung") is { } anmeldung)
        {
            Abschnitt("Registration", [Text(anmeldung)]);
        }

        Abschnitt("Costs", angebot.Kostenlos ? [new PrintText(texte["Free"].Value)] : Optional(angebot.Text("kosten")));
        Abschnitt("Languages", [new PrintText(string.Join(", ", angebot.Sprachen.Select(c => Languages.Find(c)?.OwnName ?? c))
            + (angebot.Dolmetscher ? $" · {texte["Interpreter"].Value}" : ""))]);
        bloecke.Add(new PrintQrCode(links.Absolute($"/gesundheit/angebote/{angebot.Id}?lang={sprache}").ToString(), texte["QrCaption"].Value));

        return new PrintDocument(titel.Text, bloecke) { Language = sprache, TitleLanguage = Fremd(titel.Sprache, sprache) };
    }

    private static PrintText Text(Oeffentlich text) => new(text.Text) { Language = Fremd(text.Sprache, VerzeichnisAnzeige.Sprache) };

    private static PrintBlock[] Optional(Oeffentlich? text) => text is null ? [] : [Text(text)];

    private static string? Fremd(string textSprache, string seitenSprache) => textSprache == seitenSprache ? null : textSprache;
}
