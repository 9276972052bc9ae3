using System.Net.Mail;
using System.Text;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Host.Configuration;

namespace IntegrationsPlattform.Host.Calendar;

/// <summary>The SDK's iTIP invitations; the organiser is the platform's sender unless the module names one.</summary>
internal sealed class CalendarInvitations(IcsWriter writer, PlatformOptions options, DeploymentInfo deployment) : ICalendarInvitations
{
    public MailAttachment Request(CalendarInvitation invitation) => Attachment("REQUEST", invitation);

    public MailAttachment Cancel(CalendarInvitation invitation) => Attachment("CANCEL", invitation);

    private MailAttachment Attachment(string method, CalendarInvitation invitation)
    {
        var organizer = invitation.Organizer ?? new CalendarOrganizer(deployment.KreisName, new MailAddress(options.Mail.From).Address);
        var text = writer.Invitation(method, invitation, organizer);
        // The method in the content type is what Outlook looks at to treat the part as an invitation.
        return new MailAttachment(method == "CANCEL" ? "absage.ics" : "einladung.ics", $"text/calendar; method={method}; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }
}
