using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>Field checks of an offer's input and of the list filters, with the same German words for API and forms.</summary>
internal static partial class AngebotPruefung
{
    public const int OrtTextMax = 200;
    public const int HinweisMax = 500;

    public static IReadOnlyList<FieldError> Eingabe(AngebotEingabe e, GesundheitSettings settings, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("anbieterId", e.AnbieterId, 36, "den Anbieter");
        if (errors.RequiredText("kategorie", e.Kategorie, 50, "die Kategorie") is { } kategorie && !settings.Kategorien.ContainsKey(kategorie))
        {
            errors.Add(new FieldError("kategorie", $"Unbekannte Kategorie „{FieldRules.Echo(kategorie)}“."));
        }

        errors.RequiredText("titel", e.Titel, AngebotRegeln.TitelMax, "den Titel");
        errors.OptionalText("beschreibung", e.Beschreibung, AngebotRegeln.TextMax);
        errors.OptionalText("anmeldung", e.Anmeldung, AngebotRegeln.TextMax);
        errors.OptionalText("voraussetzungen", e.Voraussetzungen, AngebotRegeln.TextMax);
        if (e.Kostenlos)
        {
            errors.OptionalText("kosten", e.Kosten, AngebotRegeln.TextMax);
        }
        else
        {
            errors.RequiredText("kosten", e.Kosten, AngebotRegeln.TextMax, "die Kosten (oder „kostenlos“ wählen)");
        }

        AngebotRegeln.Altersspanne(errors, e.AlterVonMonate, e.AlterBisMonate);
        var von = errors.Day("gueltigVon", e.GueltigVon, required: false);
        var bis = errors.Day("gueltigBis", e.GueltigBis, required: false);
        errors.DayRange("gueltigBis", von, bis);

        foreach (var sprache in e.Sprachen ?? [])
        {
            errors.LanguageCode("sprachen", sprache);
        }

        for (var i = 0; i < (e.Orte?.Count ?? 0); i++)
        {
            Ort(errors, $"orte[{i}].", e.Orte![i], deployment);
        }

        for (var i = 0; i < (e.Zeiten?.Count ?? 0); i++)
        {
            Zeit(errors, $"zeiten[{i}].", e.Zeiten![i]);
        }

        return errors;
    }

    public static IReadOnlyList<FieldError> Filter(AngebotFilter filter, GesundheitSettings settings, DeploymentInfo deployment)
    {
        var errors = new List<FieldError>();
        errors.OptionalText("suche", filter.Suche, 200);
        if (!string.IsNullOrWhiteSpace(filter.Kategorie) && !settings.Kategorien.ContainsKey(filter.Kategorie))
        {
            errors.Add(new FieldError("kategorie", $"Unbekannte Kategorie „{FieldRules.Echo(filter.Kategorie)}“."));
        }

        Lebenszyklen.Angebot.CheckStatus(errors, "status", filter.Status, required: false);
        errors.Municipality("kommune", filter.Kommune, deployment, required: false);
        if (!string.IsNullOrWhiteSpace(filter.Sprache))
        {
            errors.LanguageCode("sprache", filter.Sprache);
        }

        errors.OptionalText("anbieter", filter.Anbieter, 36);
        return errors;
    }

    private static void Ort(List<FieldError> errors, string prefix, OrtEingabe ort, DeploymentInfo deployment)
    {
        errors.RequiredText(prefix + "name", ort.Name, OrtTextMax, "den Namen des Orts (z. B. „Praxis Dr. Yilmaz“)");
        errors.RequiredText(prefix + "strasse", ort.Strasse, OrtTextMax, "Straße und Hausnummer");
        if (errors.RequiredText(prefix + "plz", ort.Plz, 5, "die Postleitzahl") is { } plz && !Postleitzahl().IsMatch(plz))
        {
            errors.Add(new FieldError(prefix + "plz", "Die Postleitzahl hat fünf Ziffern."));
        }

        errors.RequiredText(prefix + "ort", ort.Ort, 100, "den Ort");
        errors.Municipality(prefix + "kommuneAgs", ort.KommuneAgs, deployment, required: true);
    }

    private static void Zeit(List<FieldError> errors, string prefix, ZeitEingabe zeit)
    {
        var freq = string.IsNullOrWhiteSpace(zeit.Freq) ? null : zeit.Freq.Trim().ToUpperInvariant();
        var byday = string.IsNullOrWhiteSpace(zeit.Byday) ? null : zeit.Byday.Trim().ToUpperInvariant();
        switch (freq)
        {
            case null when string.IsNullOrWhiteSpace(zeit.Datum):
                errors.Add(new FieldError(prefix + "freq", "Bitte Wochentage (wöchentlich oder monatlich) oder einen Tag angeben."));
                break;
            case null:
                errors.Day(prefix + "datum", zeit.Datum, required: true);
                break;
            case "WEEKLY" when byday is null || !WoechentlicheTage().IsMatch(byday):
                errors.Add(new FieldError(prefix + "byday", "Bitte Wochentage als MO, TU, WE, TH, FR, SA, SU angeben, mehrere mit Komma (z. B. „MO,WE“)."));
                break;
            case "MONTHLY" when byday is null || !MonatlicheTage().IsMatch(byday):
                errors.Add(new FieldError(prefix + "byday", "Bitte den Tag im Monat als Woche und Wochentag angeben (z. B. „1TU“ = erster Dienstag, „-1FR“ = letzter Freitag)."));
                break;
            case "WEEKLY" or "MONTHLY":
                if (!string.IsNullOrWhiteSpace(zeit.Datum))
                {
                    errors.Add(new FieldError(prefix + "datum", "Entweder eine Regel (wöchentlich, monatlich) oder ein einzelner Tag, nicht beides."));
                }

                break;
            default:
                errors.Add(new FieldError(prefix + "freq", "Die Regel ist WEEKLY (wöchentlich) oder MONTHLY (monatlich)."));
                break;
        }

        var von = errors.TimeOfDay(prefix + "von", zeit.Von, required: true);
        var bis = errors.TimeOfDay(prefix + "bis", zeit.Bis, required: true);
        errors.TimeRange(prefix + "bis", von, bis);

        errors.OptionalText(prefix + "hinweis", zeit.Hinweis, HinweisMax);
    }

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex Postleitzahl();

    [GeneratedRegex("^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")]
    private static partial Regex WoechentlicheTage();

    [GeneratedRegex("^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)(,(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU))*$")]
    private static partial Regex MonatlicheTage();
}
