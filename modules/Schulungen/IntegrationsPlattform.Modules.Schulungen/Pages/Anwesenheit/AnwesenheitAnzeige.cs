using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

namespace IntegrationsPlattform.Modules.Schulungen.Pages.Anwesenheit;

/// <summary>How the attendance pages and the sign-in sheet show appointments and what was recorded.</summary>
internal static class AnwesenheitAnzeige
{
    /// <summary>„Di., 01.12.2026, 09:00–12:30 Uhr“ from the local times of an appointment.</summary>
    public static string Zeitraum(string beginn, string ende)
    {
        var von = TeilnahmeRegeln.Zeitpunkt(beginn);
        var bis = TeilnahmeRegeln.Zeitpunkt(ende);
        var tag = GermanFormat.DayWithWeekday(DateOnly.FromDateTime(von));
        return von.Date == bis.Date
            ? $"{tag}, {von:HH:mm}–{bis:HH:mm} Uhr"
            : $"{tag}, {von:HH:mm} Uhr bis {GermanFormat.DayWithWeekday(DateOnly.FromDateTime(bis))}, {bis:HH:mm} Uhr";
    }

    public static string Tag(Zeitfenster zeit) => $"Tag {zeit.Nummer}: {Zeitraum(zeit.Beginn, zeit.Ende)}";

    /// <summary>The mark of one appointment in the overview, as text that a screen reader reads too.</summary>
    public static string Vermerk(bool? anwesend) => anwesend switch
    {
        true => "anwesend",
        false => "abwesend",
        null => "–",
    };

    public static string Badge(string status) => status switch
    {
        "vollstaendig" => "badge badge-enabled",
        _ => "badge badge-disabled",
    };
}
