using Dapper;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>
/// The assignments as calendar entries: a Lotse sees her own (own-records grant of <c>lotsen.einsaetze</c>, through the
/// account linked to her record), staff those in their municipalities — exactly as the assignment list. An entry names
/// topic, municipality, time and the link only; nothing about the person seeking advice, not even the destination.
/// </summary>
internal sealed class EinsatzKalender(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, LotsenSettings settings, ILocalClock clock) : ICalendarProvider
{
    public static readonly CalendarCategory Kategorie = new("lotsen.einsatz", "Lotseneinsätze");

    /// <summary>The assignment's id in every calendar: the feeds and the mailed invitation update the same entry.</summary>
    public static string Uid(Guid einsatzId) => $"{einsatzId}@lotsen.integrationsplattform";

    public static string Titel(string themaText) => $"Lotseneinsatz: {themaText}";

    public async Task<IReadOnlyList<CalendarEntry>> GetEntriesAsync(CalendarWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var einsaetze = await connection.QueryAsync<(string Id, string Beginn, string Ende, string Status, string Thema, string Ags, string? Benutzername)>(
            """
            SELECT e.id, e.beginn, e.ende, e.status, a.thema, a.kommune_ags, l.benutzername
            FROM einsaetze e JOIN anfragen a ON a.id = e.anfrage_id JOIN lotsen l ON l.id = e.lotse_id
            WHERE e.beginn < @bis AND e.ende > @von
            """,
            new
            {
                von = GermanFormat.StoredInstant(clock.ToUtc(window.From, TimeOnly.MinValue)),
                bis = GermanFormat.StoredInstant(clock.ToUtc(window.To.AddDays(1), TimeOnly.MinValue)),
            });
        return einsaetze.Select(e => new CalendarEntry(
                Uid(Guid.Parse(e.Id)),
                Titel(settings.ThemaText(e.Thema)),
                CalendarTime.Between(GermanFormat.ParseStoredInstant(e.Beginn), GermanFormat.ParseStoredInstant(e.Ende)),
                Kategorie,
                CalendarVisibility.WithPermission(LotsenModule.EinsaetzeErfassen, [e.Ags], e.Benutzername))
            {
                Place = deployment.MunicipalityName(e.Ags),
                Link = $"/lotsen/einsaetze/{e.Id}",
                Cancelled = e.Status == "ausgefallen",
            })
            .ToList();
    }
}
