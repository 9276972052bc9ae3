using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Host.Calendar;

/// <summary>
/// Writes iCalendar text (RFC 5545) with Ical.Net: feeds (<c>METHOD:PUBLISH</c>) and iTIP invitations (RFC 5546).
/// Times are written in the deployment's zone with its VTIMEZONE, so that a meeting at 09:00 stays at 09:00 across the
/// change to summer time in every calendar app; all-day entries are dates.
/// </summary>
internal sealed class IcsWriter(ILocalClock clock, IPublicLinks links)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    private const string ProductId = "-//IntegrationsPlattform//Kalender//DE";

    /// <summary>A feed of <paramref name="entries"/> under the name calendar apps show for it.</summary>
    public string Feed(string name, IEnumerable<CalendarEntry> entries)
    {
        var events = new List<CalendarEvent>();
        foreach (var entry in entries)
        {
            var item = Event(entry.Uid, entry.Sequence, entry.Title, entry.Time, entry.Place, entry.OnlineLink, entry.Link, null, entry.Cancelled);
            item.Categories.Add(entry.Category.Label);
            if (entry.Organizer is { } organizer)
            {
                item.Organizer = Organizer(organizer);
            }

            events.Add(item);
        }

        return Write("PUBLISH", events, name);
    }

    /// <summary>An iTIP message: <c>REQUEST</c> (new or changed) or <c>CANCEL</c>.</summary>
    public string Invitation(string method, CalendarInvitation invitation, CalendarOrganizer organizer)
    {
        var item = Event(invitation.Uid, invitation.Sequence, invitation.Title, invitation.Time, invitation.Place, invitation.OnlineLink, invitation.Link, invitation.Description, method == "CANCEL");
        item.Organizer = Organizer(organizer);
        // The platform reads no mail: no answer is asked for, the mail links to the page where one answers.
        item.Attendees.Add(new Attendee(MailTo(invitation.Attendee.Email))
        {
            CommonName = invitation.Attendee.Name,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            Rsvp = false,
        });
        return Write(method, [item], name: null);
    }

    private CalendarEvent Event(string uid, int sequence, string title, CalendarTime time, string? place, Uri? onlineLink, string? link, string? description, bool cancelled)
    {
        var page = link is null ? null : links.Absolute(link);
        var notes = new[] { description, onlineLink is null ? null : $"Online: {onlineLink}", page is null ? null : $"Details: {page}" }.Where(n => n is not null);
        var item = new CalendarEvent
        {
            Uid = uid,
            Sequence = sequence,
            Summary = title,
            // Stamped on the host's clock: Ical.Net would take the machine's.
            DtStamp = new CalDateTime(clock.UtcNow.UtcDateTime, "UTC"),
            Location = place ?? onlineLink?.ToString(),
            Url = page ?? onlineLink,
            Description = string.Join("\n\n", notes) is { Length: > 0 } text ? text : null,
            Status = cancelled ? "CANCELLED" : "CONFIRMED",
        };
        if (time.FirstDay is { } firstDay)
        {
            item.DtStart = new CalDateTime(firstDay);
            item.DtEnd = new CalDateTime(time.LastDay!.Value.AddDays(1));
        }
        else
        {
            item.DtStart = Local(time.Start);
            item.DtEnd = Local(time.End);
        }

        return item;
    }

    private CalDateTime Local(DateTimeOffset instant) => new(clock.ToLocal(instant).DateTime, clock.Zone.Id);

    private static Organizer Organizer(CalendarOrganizer organizer) => new(MailTo(organizer.Email)) { CommonName = organizer.Name };

    private static string MailTo(string email) => "mailto:" + email;

    /// <summary>
    /// The first day Ical.Net is asked to cover with the zone's rules. Ical.Net reads the zone's transitions from 1 January
    /// of the year before this day up to the machine's real clock (NodaTime's <c>SystemClock</c>, not the host's) and builds
    /// that start from the day's month and day: a day after the real clock (a feed of future events on a host whose clock
    /// was started later, as the tests on another day do) made the range end before it starts, and 29 February a day that
    /// does not exist a year before. The first of January of the event's year, and of 2020 at the latest, avoids both
    /// without reading the machine's clock here; the rules of Europe/Berlin are unchanged since 1996.
    /// </summary>
    private static DateTime ZoneRulesFrom(DateTime earliestEvent) => new(Math.Min(earliestEvent.Year, 2020), 1, 1);

    /// <summary>
    /// The calendar with the VTIMEZONE of the deployment's zone (from the earliest timed event on) before the events, where
    /// Outlook expects it; without timed events none.
    /// </summary>
    private string Write(string method, IReadOnlyList<CalendarEvent> events, string? name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId, Method = method };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        var timed = events.Where(e => e.DtStart is { HasTime: true }).ToList();
        if (timed.Count > 0)
        {
            calendar.AddTimeZone(clock.Zone.Id, ZoneRulesFrom(timed.Min(e => e.DtStart!.Value)), includeHistoricalData: false);
        }

        foreach (var item in events)
        {
            calendar.Events.Add(item);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
