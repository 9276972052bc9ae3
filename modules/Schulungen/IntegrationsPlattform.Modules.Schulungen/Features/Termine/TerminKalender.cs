using Dapper;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// Every appointment of a session as a calendar entry. While the session is open for registration it is public (course,
/// time, place — no online link, which only registrants get); otherwise it is for those who may read the session
/// (<see cref="SchulungenModule.Anwesenheit"/>: staff, a municipality grant, and its first linked trainer through her
/// own-records grant), with the online link and the session's page. A cancelled session's appointments stay, marked
/// cancelled, with the session's calendar sequence.
/// </summary>
internal sealed class TerminKalender(IModuleDatabase<SchulungenModule> database, DeploymentInfo deployment, ILocalClock clock) : ICalendarProvider
{
    public static readonly CalendarCategory Kategorie = new("schulungen.termin", "Schulungstermine");

    /// <summary>The appointment's id in every calendar: the feeds and the mailed invitations update the same entry.</summary>
    public static string Uid(string zeitId) => $"{zeitId}@schulungen.integrationsplattform";

    private sealed class Zeile
    {
        public string ZeitId { get; init; } = "";
        public string TerminId { get; init; } = "";
        public string Beginn { get; init; } = "";
        public string Ende { get; init; } = "";
        public string? Ort { get; init; }
        public string? OnlineLink { get; init; }
        public string Kurs { get; init; } = "";
        public string? Kommune { get; init; }
        public string Status { get; init; } = "";
        public long Sequenz { get; init; }
        public string? Trainerin { get; init; }
    }

    public async Task<IReadOnlyList<CalendarEntry>> GetEntriesAsync(CalendarWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var zeiten = await connection.QueryAsync<Zeile>(
            """
            SELECT z.id AS ZeitId, t.id AS TerminId, z.beginn, z.ende, z.ort, z.online_link AS OnlineLink, k.titel AS Kurs, t.kommune_ags AS Kommune,
                   t.status, t.kalender_sequenz AS Sequenz,
                   (SELECT tr.benutzername FROM termin_trainer tt JOIN trainer tr ON tr.id = tt.trainer_id
                    WHERE tt.termin_id = t.id AND tr.benutzername IS NOT NULL ORDER BY tr.name LIMIT 1) AS Trainerin
            FROM termin_zeiten z JOIN termine t ON t.id = z.termin_id JOIN kurse k ON k.id = t.kurs_id
            WHERE z.beginn < @bis AND z.ende > @von
            """,
            new { von = TerminRegeln.Ortszeit(window.From, TimeOnly.MinValue), bis = TerminRegeln.Ortszeit(window.To.AddDays(1), TimeOnly.MinValue) });
        return zeiten.Select(Eintrag).ToList();
    }

    private CalendarEntry Eintrag(Zeile z)
    {
        var oeffentlich = z.Status == "offen";
        var ort = string.Join(", ", new[] { z.Ort, z.Kommune is null ? null : deployment.MunicipalityName(z.Kommune) }.Where(t => t is not null));
        return new CalendarEntry(
            Uid(z.ZeitId),
            $"Schulung: {z.Kurs}",
            CalendarTime.Between(Zeitpunkt(z.Beginn), Zeitpunkt(z.Ende)),
            Kategorie,
            oeffentlich ? CalendarVisibility.Public : CalendarVisibility.WithPermission(SchulungenModule.Anwesenheit, z.Kommune is null ? [] : [z.Kommune], z.Trainerin))
        {
            Place = ort.Length == 0 ? null : ort,
            OnlineLink = !oeffentlich && z.OnlineLink is not null ? new Uri(z.OnlineLink) : null,
            Link = oeffentlich ? null : $"/schulungen/termine/{z.TerminId}",
            Cancelled = z.Status == "abgesagt",
            Sequence = (int)z.Sequenz,
        };
    }

    private DateTimeOffset Zeitpunkt(string ortszeit)
    {
        var (tag, zeit) = TerminRegeln.LeseOrtszeit(ortszeit);
        return clock.ToUtc(tag, zeit);
    }
}
