using Dapper;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>
/// Tells the Lotse about a new assignment by e-mail with a calendar invitation (the SDK's iTIP request; assignments are
/// not moved later, so it is always the first revision, sequence 0). The mail names the topic,
/// place and time and links to the assignment page; the pseudonym and any contact of the person seeking
/// advice stay on the page, behind the login. It goes into the outbox in the transaction that plans the
/// assignment, so it is sent exactly when the assignment is committed, even if the host stops right after.
/// </summary>
internal sealed class EinsatzMail(IPublicLinks links, DeploymentInfo deployment, LotsenSettings settings, ILocalClock clock, ICalendarInvitations invitations)
{
    public async Task InDenPostausgangAsync(ModuleTransaction tx, Guid einsatzId)
    {
        var einsatz = await tx.Connection.QuerySingleOrDefaultAsync<(string Beginn, string Ende, string? Email, string Vorname, string Nachname, string Thema, string? Ziel, string Ags)?>(
            """
            SELECT e.beginn, e.ende, l.email, l.vorname, l.nachname, a.thema, a.ziel, a.kommune_ags
            FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id JOIN anfragen a ON a.id = e.anfrage_id
            WHERE e.id = @id
            """,
            new { id = einsatzId.ToString() },
            tx.Sql);
        if (einsatz is not { Email: { Length: > 0 } email } daten)
        {
            return;
        }

        var ort = deployment.MunicipalityName(daten.Ags);
        var thema = settings.ThemaText(daten.Thema) + (daten.Ziel is null ? "" : $" ({daten.Ziel})");
        var beginn = GermanFormat.ParseStoredInstant(daten.Beginn);
        var seite = $"/lotsen/einsaetze/{einsatzId}";
        var link = links.Absolute(seite);
        var text = $"""
            Hallo {daten.Vorname},

            Sie sind für einen Einsatz als Integrationslotse eingeteilt:

            Thema: {thema}
            Ort: {ort}
            Termin: {GermanFormat.LocalTime(beginn, clock)}

            Alle Angaben zum Einsatz finden Sie nach der Anmeldung hier:
            {link}

            Den Termin können Sie mit der angehängten Datei in Ihren Kalender übernehmen.

            Vielen Dank für Ihr Engagement!
            {deployment.KreisName}
            """;
        var einladung = invitations.Request(new CalendarInvitation(
            EinsatzKalender.Uid(einsatzId),
            0,
            EinsatzKalender.Titel(thema),
            CalendarTime.Between(beginn, GermanFormat.ParseStoredInstant(daten.Ende)),
            new CalendarAttendee($"{daten.Vorname} {daten.Nachname}", email))
        {
            Place = ort,
            Link = seite,
        });
        tx.MailAfterCommit(
            new OutgoingMail(email, $"Neuer Lotseneinsatz am {GermanFormat.LocalTime(beginn, clock)}", text) { Attachments = [einladung] });
    }
}
