using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Contracts.Calendar;

/// <summary>
/// When a calendar entry takes place: from one instant to another, or over whole days (a holiday, a week of
/// action). Instants are stored in UTC and shown in the deployment's zone; whole days have no zone.
/// </summary>
public sealed record CalendarTime
{
    private CalendarTime(DateTimeOffset start, DateTimeOffset end, DateOnly? firstDay, DateOnly? lastDay)
    {
        Start = start;
        End = end;
        FirstDay = firstDay;
        LastDay = lastDay;
    }

    /// <summary>The start instant (for an all-day entry: unset).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The end instant, after <see cref="Start"/> (for an all-day entry: unset).</summary>
    public DateTimeOffset End { get; }

    /// <summary>The first day of an all-day entry; null for one with times.</summary>
    public DateOnly? FirstDay { get; }

    /// <summary>The last day of an all-day entry (inclusive); null for one with times.</summary>
    public DateOnly? LastDay { get; }

    public bool IsAllDay => FirstDay is not null;

    public static CalendarTime Between(DateTimeOffset start, DateTimeOffset end)
        => end > start ? new(start.ToUniversalTime(), end.ToUniversalTime(), null, null) : throw new ArgumentException("Das Ende muss nach dem Beginn liegen.", nameof(end));

    public static CalendarTime AllDay(DateOnly firstDay, DateOnly? lastDay = null)
        => (lastDay ?? firstDay) >= firstDay ? new(default, default, firstDay, lastDay ?? firstDay) : throw new ArgumentException("Der letzte Tag darf nicht vor dem ersten liegen.", nameof(lastDay));

    /// <summary>The first and last local day the entry touches in <paramref name="zone"/> (an entry ending at midnight does not touch the next day).</summary>
    public (DateOnly First, DateOnly Last) Days(TimeZoneInfo zone)
    {
        if (FirstDay is { } first)
        {
            return (first, LastDay!.Value);
        }

        var start = TimeZoneInfo.ConvertTime(Start, zone);
        var end = TimeZoneInfo.ConvertTime(End, zone).AddTicks(-1);
        return (DateOnly.FromDateTime(start.DateTime), DateOnly.FromDateTime(end.DateTime));
    }

    /// <summary>Whether the entry touches a local day from <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public bool Touches(DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var (first, last) = Days(zone);
        return first <= to && last >= from;
    }
}

/// <summary>The kind of entry within a module, e.g. one council's meetings; feeds and the calendar page filter by its key.</summary>
/// <param name="Key">Stable, lower case, unique in the platform: <c>&lt;module id&gt;.&lt;name&gt;</c>, e.g. <c>lotsen.einsatz</c> or <c>beiraete.sitzung-erbach</c>.</param>
/// <param name="Label">German, e.g. „Lotseneinsätze“.</param>
public sealed record CalendarCategory(string Key, string Label);

/// <summary>Who organises an entry; in an invitation the ORGANIZER (a mailbox someone reads).</summary>
public sealed record CalendarOrganizer(string Name, string Email);

/// <summary>
/// Who may see a calendar entry: everybody (the public feed) or the holders of a permission whose scope reaches the
/// record — checked with <see cref="RecordScope"/> exactly as the module's own pages check it.
/// </summary>
public sealed record CalendarVisibility
{
    private CalendarVisibility(string? permission, IReadOnlyCollection<string> municipalities, string? ownerUserName, IReadOnlyCollection<string> groups)
    {
        Permission = permission;
        Municipalities = municipalities;
        OwnerUserName = ownerUserName;
        Groups = groups;
    }

    /// <summary>Everybody, without a login: in the public feed and on everyone's calendar page.</summary>
    public static CalendarVisibility Public { get; } = new(null, [], null, []);

    /// <summary>
    /// The holders of <paramref name="permission"/>: with the whole Kreis every entry, with municipalities those in one
    /// of <paramref name="municipalities"/>, with groups those of <paramref name="groups"/>, with own records those whose
    /// <paramref name="ownerUserName"/> (the platform account the record belongs to) is theirs.
    /// </summary>
    public static CalendarVisibility WithPermission(string permission, IReadOnlyCollection<string> municipalities, string? ownerUserName = null, IReadOnlyCollection<string>? groups = null)
        => new(permission, municipalities, ownerUserName, groups ?? []);

    /// <summary>Null for a public entry.</summary>
    public string? Permission { get; }

    public IReadOnlyCollection<string> Municipalities { get; }

    public string? OwnerUserName { get; }

    public IReadOnlyCollection<string> Groups { get; }

    public bool IsPublic => Permission is null;

    /// <summary>Whether someone holding <paramref name="grant"/> of <see cref="Permission"/> (null: not held), signed in as <paramref name="userName"/>, sees the entry.</summary>
    public bool VisibleTo(PermissionScope? grant, string? userName)
        => IsPublic || RecordScope.Of(Permission!, grant, userName).CanRead(Municipalities, OwnerUserName, Groups);
}

/// <summary>
/// A dated event a module offers to the calendars (the personal and public feeds and the page <c>/kalender</c>).
/// <paramref name="Uid"/> is stable for the life of the event (the same in a mailed invitation), e.g.
/// <c>{record id}@lotsen.integrationsplattform</c>; <paramref name="Title"/> German.
/// </summary>
public sealed record CalendarEntry(string Uid, string Title, CalendarTime Time, CalendarCategory Category, CalendarVisibility Visibility)
{
    /// <summary>Where it takes place (an address, a room, a municipality).</summary>
    public string? Place { get; init; }

    /// <summary>The link of an online meeting.</summary>
    public Uri? OnlineLink { get; init; }

    public CalendarOrganizer? Organizer { get; init; }

    /// <summary>The page of the record, a path inside the platform (<c>/lotsen/einsaetze/…</c>); the host makes it absolute.</summary>
    public string? Link { get; init; }

    /// <summary>A cancelled event stays in the feeds, marked cancelled, so that subscribed calendars show it as such.</summary>
    public bool Cancelled { get; init; }

    /// <summary>Raised by the module on every change of the event (see <see cref="CalendarInvitation.Sequence"/>).</summary>
    public int Sequence { get; init; }
}

/// <summary>The local days (inclusive) a calendar asks for; a provider answers the entries that touch them.</summary>
public sealed record CalendarWindow(DateOnly From, DateOnly To);

/// <summary>
/// Implemented by a module to offer its dated events (found by convention, like <c>IIndicatorProvider</c>). The host
/// asks with the window it shows and decides per entry, from its <see cref="CalendarVisibility"/>, who sees it; a
/// provider answers every entry of the window, whoever asks, and filters only by time.
/// </summary>
public interface ICalendarProvider
{
    Task<IReadOnlyList<CalendarEntry>> GetEntriesAsync(CalendarWindow window, CancellationToken cancellationToken);
}
