using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Pages.Termine;

/// <summary>How the session pages show stored values: status badges, appointments in German, the municipality.</summary>
internal static class TermineAnzeige
{
    public static string Badge(string status) => status switch
    {
        "offen" => "badge badge-enabled",
        "ausgebucht" => "badge badge-refused",
        "abgesagt" => "badge badge-failed",
        _ => "badge badge-disabled",
    };

    /// <summary>„Di, 10.02.2027, 09:00–16:00 Uhr“ (an appointment over midnight names both days).</summary>
    public static string Zeitraum(string beginn, string ende)
    {
        var (tag, von) = TerminRegeln.LeseOrtszeit(beginn);
        var (endTag, bis) = TerminRegeln.LeseOrtszeit(ende);
        return endTag == tag
            ? $"{GermanFormat.DayWithWeekday(tag)}, {von:HH:mm}–{bis:HH:mm} Uhr"
            : $"{GermanFormat.DayWithWeekday(tag)}, {von:HH:mm} Uhr – {GermanFormat.DayWithWeekday(endTag)}, {bis:HH:mm} Uhr";
    }

    /// <summary>The first day of a session (or „noch ohne Termintag“).</summary>
    public static string ErsterTag(string? beginntAm) => beginntAm is null ? "noch ohne Termintag" : GermanFormat.DayWithWeekday(TerminRegeln.LeseOrtszeit(beginntAm).Tag);

    public static string Kommune(string? ags, DeploymentInfo deployment) => ags is null ? "online" : deployment.MunicipalityName(ags);

    /// <summary>The school years a filter offers: the current one, two before and one after.</summary>
    public static IEnumerable<(string Value, string Text)> Schuljahre(DateOnly heute)
    {
        var aktuell = TerminRegeln.SchuljahrVon(heute);
        return Enumerable.Range(aktuell - 2, 4).Reverse().Select(j => (j.ToString(System.Globalization.CultureInfo.InvariantCulture), TerminRegeln.SchuljahrText(j)));
    }
}
