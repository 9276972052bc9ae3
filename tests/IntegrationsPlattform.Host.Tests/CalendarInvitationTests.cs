using System.Text;
using Ical.Net.CalendarComponents;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Calendar;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Web;
using IntegrationsPlattform.Testing;
using Microsoft.Extensions.Configuration;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The SDK's iTIP invitations as Outlook and Thunderbird read them: each produced text is parsed back with Ical.Net.
/// The meetings lie on both sides of the change to summer time, so that the VTIMEZONE has to carry them.
/// </summary>
[TestFixture]
public sealed class CalendarInvitationTests
{
    private static readonly TimeZoneInfo Berlin = TestClock.Berlin;
    private static readonly CalendarAttendee Samira = new("Samira Haddad", "samira@demo.invalid");

    private PlatformOptions _options = null!;
    private LocalClock _clock = null!;
    private CalendarInvitations _invitations = null!;
    private IcsWriter _writer = null!;

    [SetUp]
    public void CreateService()
    {
        _options = PlatformOptions.Load(new ConfigurationBuilder().AddInMemoryCollection(ConfigurationTests.Valid()).Build(), new ConfigurationTests.TestEnvironment("Test"));
        _clock = new LocalClock(new MovableClock(TestClock.Start), _options);
        _writer = new IcsWriter(_clock, new FixedLinks());
        _invitations = new CalendarInvitations(_writer, _options, _options.Deployment);
    }

    /// <summary>09:30 Berlin time on a summer day (UTC+2), whatever day the suite runs on.</summary>
    private static CalendarTime SummerMorning(int addDays = 0)
    {
        var day = new DateTime(2027, 7, 6 + addDays, 9, 30, 0, DateTimeKind.Unspecified);
        var start = new DateTimeOffset(day, Berlin.GetUtcOffset(day));
        return CalendarTime.Between(start, start.AddHours(2));
    }

    private static CalendarInvitation Einsatz(int sequence, CalendarTime time)
        => new("4f0c-einsatz@lotsen.integrationsplattform", sequence, "Lotseneinsatz: Behörden, Ausländerbehörde; Termin", time, Samira)
        {
            Place = "Erbach",
            Link = "/lotsen/einsaetze/4f0c",
        };

    private static (Ical.Net.Calendar Calendar, CalendarEvent Event) Parse(MailAttachment attachment)
    {
        var calendar = Ical.Net.Calendar.Load(Encoding.UTF8.GetString(attachment.Content))!;
        return (calendar, calendar.Events.Single());
    }

    /// <summary>The text with its folded lines joined again (RFC 5545, 3.1).</summary>
    private static string Unfolded(MailAttachment attachment) => Encoding.UTF8.GetString(attachment.Content).Replace("\r\n ", "", StringComparison.Ordinal);

    [Test]
    public void ARequestNamesOrganiserAndAttendeeWithoutAskingForAnAnswer()
    {
        var attachment = _invitations.Request(Einsatz(0, SummerMorning()));
        var (calendar, item) = Parse(attachment);
        var attendee = item.Attendees.Single();
        Assert.Multiple(() =>
        {
            Assert.That(attachment.ContentType, Does.StartWith("text/calendar; method=REQUEST"));
            Assert.That(calendar.Method, Is.EqualTo("REQUEST"));
            Assert.That(item.Organizer!.Value, Is.EqualTo(new Uri("mailto:kreis@demo.invalid")), "the platform's sender");
            Assert.That(item.Organizer!.CommonName, Is.EqualTo("Odenwaldkreis"));
            Assert.That(attendee.Value, Is.EqualTo(new Uri("mailto:samira@demo.invalid")));
            Assert.That(attendee.CommonName, Is.EqualTo("Samira Haddad"));
            Assert.That(attendee.Rsvp, Is.False);
            Assert.That(Unfolded(attachment), Does.Contain("RSVP=FALSE"), "written out, not left to the client's default");
            Assert.That(item.Sequence, Is.Zero);
            Assert.That(item.Summary, Is.EqualTo("Lotseneinsatz: Behörden, Ausländerbehörde; Termin"), "commas and semicolons escaped and read back");
            Assert.That(item.Url, Is.EqualTo(new Uri("https://kreis.example/lotsen/einsaetze/4f0c")), "the page where she answers");
            Assert.That(item.DtStamp!.AsUtc, Is.EqualTo(TestClock.Start.UtcDateTime).Within(TimeSpan.FromSeconds(5)), "stamped on the host's clock");
        });
    }

    [Test]
    public void TimesAreBerlinTimeWithItsTimeZone()
    {
        var time = SummerMorning();
        var text = Unfolded(_invitations.Request(Einsatz(0, time)));
        var (calendar, item) = Parse(_invitations.Request(Einsatz(0, time)));
        Assert.Multiple(() =>
        {
            Assert.That(calendar.TimeZones.Select(z => z.TzId), Is.EqualTo(new[] { "Europe/Berlin" }));
            Assert.That(text, Does.Contain("DTSTART;TZID=Europe/Berlin:20270706T093000"));
            Assert.That(text, Does.Contain("BEGIN:DAYLIGHT").And.Contain("TZOFFSETTO:+0200"));
            Assert.That(text.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal), Is.LessThan(text.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal)), "the zone before the event that uses it");
            Assert.That(item.DtStart!.AsUtc, Is.EqualTo(time.Start.UtcDateTime));
            Assert.That(item.DtEnd!.AsUtc, Is.EqualTo(time.End.UtcDateTime));
        });
    }

    [Test]
    public void AnEventYearsAheadOfThePresentGetsItsInvitationInBerlinTime()
    {
        // Training sessions are planned far ahead, and the suite runs on moments years after the machine's date.
        var start = new DateTimeOffset(new DateTime(2040, 3, 27, 9, 0, 0, DateTimeKind.Unspecified), TimeSpan.FromHours(1));
        var time = CalendarTime.Between(start, start.AddHours(3));
        var (calendar, item) = Parse(_invitations.Request(Einsatz(0, time)));
        Assert.Multiple(() =>
        {
            Assert.That(calendar.TimeZones.Select(z => z.TzId), Is.EqualTo(new[] { "Europe/Berlin" }));
            Assert.That(item.DtStart!.AsUtc, Is.EqualTo(time.Start.UtcDateTime));
        });
    }

    [Test]
    public void AChangeKeepsTheUidAndRaisesTheSequence()
    {
        var (_, first) = Parse(_invitations.Request(Einsatz(0, SummerMorning())));
        var (_, moved) = Parse(_invitations.Request(Einsatz(1, SummerMorning(addDays: 1))));
        Assert.Multiple(() =>
        {
            Assert.That(moved.Uid, Is.EqualTo(first.Uid));
            Assert.That(moved.Sequence, Is.GreaterThan(first.Sequence));
            Assert.That(moved.DtStart!.AsUtc, Is.EqualTo(first.DtStart!.AsUtc.AddDays(1)));
        });
    }

    [Test]
    public void ACancellationRemovesTheSameEvent()
    {
        var attachment = _invitations.Cancel(Einsatz(2, SummerMorning()));
        var (calendar, item) = Parse(attachment);
        Assert.Multiple(() =>
        {
            Assert.That(attachment.ContentType, Does.StartWith("text/calendar; method=CANCEL"));
            Assert.That(calendar.Method, Is.EqualTo("CANCEL"));
            Assert.That(item.Uid, Is.EqualTo("4f0c-einsatz@lotsen.integrationsplattform"));
            Assert.That(item.Status, Is.EqualTo("CANCELLED"));
            Assert.That(item.Sequence, Is.EqualTo(2));
            Assert.That(item.Attendees.Single().Value, Is.EqualTo(new Uri("mailto:samira@demo.invalid")));
        });
    }

    [Test]
    public void AModuleMayNameItsOwnOrganiser()
    {
        var (_, item) = Parse(_invitations.Request(Einsatz(0, SummerMorning()) with { Organizer = new CalendarOrganizer("Koordination Lotsen", "lotsen@demo.invalid") }));
        Assert.That(item.Organizer!.Value, Is.EqualTo(new Uri("mailto:lotsen@demo.invalid")));
    }

    [Test]
    public void LongLinesAreFolded()
    {
        var text = Encoding.UTF8.GetString(_invitations.Request(Einsatz(0, SummerMorning()) with { Description = new string('x', 300) }).Content);
        Assert.That(text.Split("\r\n").Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
    }

    [Test]
    public void AFeedWritesAllDayEntriesAsDatesAndMarksCancelledOnes()
    {
        var category = new CalendarCategory("beispiel.aktion", "Aktionstage");
        var text = _writer.Feed("Test", [
            new CalendarEntry("woche@beispiel", "Interkulturelle Woche", CalendarTime.AllDay(new DateOnly(2027, 9, 20), new DateOnly(2027, 9, 26)), category, CalendarVisibility.Public),
            new CalendarEntry("abgesagt@beispiel", "Abgesagt", SummerMorning(), category, CalendarVisibility.Public) { Cancelled = true, Sequence = 3 },
        ]);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var week = calendar.Events.Single(e => e.Uid == "woche@beispiel");
        var cancelled = calendar.Events.Single(e => e.Uid == "abgesagt@beispiel");
        Assert.Multiple(() =>
        {
            Assert.That(calendar.Method, Is.EqualTo("PUBLISH"));
            Assert.That(week.IsAllDay, Is.True);
            Assert.That(week.DtStart!.Date, Is.EqualTo(new DateOnly(2027, 9, 20)));
            Assert.That(week.DtEnd!.Date, Is.EqualTo(new DateOnly(2027, 9, 27)), "the end of an all-day entry is the day after (RFC 5545)");
            Assert.That(week.Categories, Is.EqualTo(new[] { "Aktionstage" }));
            Assert.That(cancelled.Status, Is.EqualTo("CANCELLED"));
            Assert.That(cancelled.Sequence, Is.EqualTo(3));
        });
    }

    private sealed class FixedLinks : IPublicLinks
    {
        public Uri Absolute(string path) => new(new Uri("https://kreis.example/"), path.TrimStart('/'));
    }
}
