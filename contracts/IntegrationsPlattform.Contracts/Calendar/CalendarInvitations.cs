using IntegrationsPlattform.Contracts.Mail;

namespace IntegrationsPlattform.Contracts.Calendar;

/// <summary>The person an invitation is mailed to.</summary>
public sealed record CalendarAttendee(string Name, string Email);

/// <summary>
/// A meeting to mail to one person as an iTIP invitation (RFC 5546), so that Outlook, Thunderbird and phones put it into
/// the calendar and update or remove it later.
/// <para>
/// <paramref name="Uid"/> is the event's stable id — the same for every later change or the cancellation, and the same as
/// the <see cref="CalendarEntry.Uid"/> the module offers in the feeds. <paramref name="Sequence"/> is the event's revision:
/// 0 for the first invitation, raised by one on every change the attendee should see (time, place, title) and on the
/// cancellation. The module keeps it with its record and raises it in the same transaction as the change: so a change
/// that rolls back raises nothing, and a mail delivered twice carries the same number (calendar apps ignore an
/// invitation whose sequence is not higher than the one they hold).
/// </para>
/// </summary>
public sealed record CalendarInvitation(string Uid, int Sequence, string Title, CalendarTime Time, CalendarAttendee Attendee)
{
    public string? Place { get; init; }

    public Uri? OnlineLink { get; init; }

    /// <summary>The page of the record, a path inside the platform; the answer (accept, decline) goes through it, since the platform reads no mail.</summary>
    public string? Link { get; init; }

    /// <summary>Plain text for the entry's notes.</summary>
    public string? Description { get; init; }

    /// <summary>Null: the platform's sender address (<c>Platform:Mail:From</c>) with the Kreis' name.</summary>
    public CalendarOrganizer? Organizer { get; init; }
}

/// <summary>
/// Builds iTIP invitations as mail attachments (Ical.Net: folded lines, times in the deployment's zone with its
/// VTIMEZONE). The attendee gets <c>RSVP=FALSE</c>: the platform reads no mail, so the mail itself links to the page
/// where she answers.
/// </summary>
public interface ICalendarInvitations
{
    /// <summary><c>METHOD:REQUEST</c>: a new event or a change of one (with a raised <see cref="CalendarInvitation.Sequence"/>).</summary>
    MailAttachment Request(CalendarInvitation invitation);

    /// <summary><c>METHOD:CANCEL</c>: removes the event from the attendee's calendar (raise the sequence for it, too).</summary>
    MailAttachment Cancel(CalendarInvitation invitation);
}
