using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// The example of a module's calendar entries (found by convention): every entry as a one-hour meeting from the moment it
/// was made, visible under <see cref="BeispielModule.Lesen"/> in its municipality and working group; and a public
/// „Beispieltag“ on the first of every month, for the public feed.
/// </summary>
internal sealed class BeispielKalender(IModuleDatabase<BeispielModule> database) : ICalendarProvider
{
    public static readonly CalendarCategory Treffen = new("beispiel.treffen", "Beispieltreffen");
    public static readonly CalendarCategory Aktionstag = new("beispiel.aktionstag", "Beispieltage");

    public async Task<IReadOnlyList<CalendarEntry>> GetEntriesAsync(CalendarWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var eintraege = await connection.QueryAsync<(string Id, string Titel, string Ags, string CreatedAt, string? Arbeitskreis)>(
            "SELECT id, titel, kommune_ags, created_at, arbeitskreis FROM eintraege");
        var treffen = eintraege.Select(e =>
        {
            var beginn = DateTimeOffset.Parse(e.CreatedAt, CultureInfo.InvariantCulture);
            return new CalendarEntry($"{e.Id}@beispiel.integrationsplattform", e.Titel, CalendarTime.Between(beginn, beginn.AddHours(1)), Treffen,
                CalendarVisibility.WithPermission(BeispielModule.Lesen, [e.Ags], groups: e.Arbeitskreis is null ? [] : [e.Arbeitskreis]))
            {
                Place = "Rathaus",
                Link = $"/beispiel/eintraege/{e.Id}",
            };
        });
        var ersterImFenster = new DateOnly(window.From.Year, window.From.Month, 1);
        var aktionstage = Enumerable.Range(0, 24)
            .Select(ersterImFenster.AddMonths)
            .Where(tag => tag >= window.From && tag <= window.To)
            .Select(tag => new CalendarEntry($"beispieltag-{tag:yyyy-MM}@beispiel.integrationsplattform", "Beispieltag", CalendarTime.AllDay(tag), Aktionstag, CalendarVisibility.Public));
        return [.. treffen, .. aktionstage];
    }
}
