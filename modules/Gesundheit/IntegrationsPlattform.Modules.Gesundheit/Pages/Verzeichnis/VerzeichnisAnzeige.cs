using System.Globalization;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Verzeichnis;

/// <summary>How the public directory shows an offer's stored values in the visitor's language.</summary>
internal static class VerzeichnisAnzeige
{
    private static readonly Dictionary<string, DayOfWeek> Wochentage = new()
    {
        ["MO"] = DayOfWeek.Monday, ["TU"] = DayOfWeek.Tuesday, ["WE"] = DayOfWeek.Wednesday, ["TH"] = DayOfWeek.Thursday,
        ["FR"] = DayOfWeek.Friday, ["SA"] = DayOfWeek.Saturday, ["SU"] = DayOfWeek.Sunday,
    };

    public static string Sprache => Languages.Of(CultureInfo.CurrentUICulture).Code;

    /// <summary>
    /// A public text of an offer in the language it comes in: where it falls back to German on a page in another
    /// language it is marked <c>lang="de" dir="ltr"</c>, so that screen readers speak it as German and a right-to-left
    /// page does not turn it around. With <paramref name="absaetze"/> each line is a paragraph.
    /// </summary>
    public static RenderFragment Text(Oeffentlich text, bool absaetze = false) => builder =>
    {
        var fremd = text.Sprache == Sprache ? null : Languages.Find(text.Sprache) ?? Languages.German;
        if (!absaetze && fremd is null)
        {
            builder.AddContent(0, text.Text);
            return;
        }

        builder.OpenElement(1, absaetze ? "div" : "span");
        builder.AddAttribute(2, "lang", fremd?.Code);
        builder.AddAttribute(3, "dir", fremd?.Direction);
        if (absaetze)
        {
            foreach (var absatz in text.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.OpenElement(4, "p");
                builder.AddContent(5, absatz);
                builder.CloseElement();
            }
        }
        else
        {
            builder.AddContent(6, text.Text);
        }

        builder.CloseElement();
    };

    /// <summary>A category in the visitor's language where the resources have it, else its configured German label.</summary>
    public static Oeffentlich Kategorie(IStringLocalizer texte, GesundheitSettings settings, string schluessel)
    {
        var text = texte["Kategorie_" + schluessel];
        return text.ResourceNotFound
            ? new Oeffentlich(settings.KategorieText(schluessel), Languages.German.Code)
            : new Oeffentlich(text.Value, LocalizedTextLanguage(texte, "Kategorie_" + schluessel));
    }

    /// <summary>„ab der Schwangerschaft“ and the age range, in whole years where it is, else in months.</summary>
    public static string Alter(IStringLocalizer texte, VerzeichnisAngebot angebot)
    {
        var spanne = angebot.AlterVonMonaten % 12 == 0 && (angebot.AlterBisMonaten % 12 == 0 || angebot.AlterBisMonaten == 216)
            ? texte["AgeYears", angebot.AlterVonMonaten / 12, angebot.AlterBisMonaten / 12].Value
            : texte["AgeMonths", angebot.AlterVonMonaten, angebot.AlterBisMonaten].Value;
        return angebot.AbSchwangerschaft ? $"{texte["FromPregnancy"].Value}, {spanne}" : spanne;
    }

    /// <summary>An opening time: the date (German format, as everywhere) or the rule's days in the visitor's language, and the hours.</summary>
    public static string Zeit(IStringLocalizer texte, VerzeichnisZeit zeit)
    {
        var stunden = texte["TimeRange", zeit.Von, zeit.Bis].Value;
        if (zeit.Datum is { } datum)
        {
            return $"{GermanFormat.Day(GermanFormat.ParseStoredDay(datum))}, {stunden}";
        }

        var tage = string.Join(", ", (zeit.Byday ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(tag => Tag(texte, tag)));
        return $"{texte[zeit.Freq == "MONTHLY" ? "Monthly" : "Weekly", tage].Value}, {stunden}";
    }

    private static string Tag(IStringLocalizer texte, string tag)
    {
        var name = CultureInfo.CurrentUICulture.DateTimeFormat.GetDayName(Wochentage.GetValueOrDefault(tag[^2..], DayOfWeek.Monday));
        return tag.Length > 2 ? texte["NthWeekday", tag[..^2], name].Value : name;
    }

    private static string LocalizedTextLanguage(IStringLocalizer texte, string key) => Contracts.Web.LocalizedText.LanguageOf(texte, key).Code;
}
