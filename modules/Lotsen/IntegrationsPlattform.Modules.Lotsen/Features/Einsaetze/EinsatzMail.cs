using System.Globalization;
using System.Text;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Einsaetze;

/// <summary>
/// Tells the Lotse about a new assignment by e-mail with an iCalendar entry. The mail names the topic,
/// place and time and links to the assignment page; the pseudonym and any contact of the person seeking
/// advice stay on the page, behind the login. It goes into the outbox in the transaction that plans the
/// assignment, so it is sent exactly when the assignment is committed, even if the host stops right after.
/// </summary>
internal sealed class EinsatzMail(IPublicLinks links, DeploymentInfo deployment, LotsenSettings settings, ILocalClock clock)
{
    public async Task InDenPostausgangAsync(ModuleTransaction tx, Guid einsatzId)
    {
        var einsatz = await tx.Connection.QuerySingleOrDefaultAsync<(string Beginn, string Ende, string? Email, string Vorname, string Thema, string? Ziel, string Ags)?>(
            """
            SELECT e.beginn, e.ende, l.email, l.vorname, a.thema, a.ziel, a.kommune_ags
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
        var link = links.Absolute($"/lotsen/einsaetze/{einsatzId}");
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
        var kalender = Kalendereintrag(einsatzId, beginn, GermanFormat.ParseStoredInstant(daten.Ende), $"Lotseneinsatz: {thema}", ort, link, clock.UtcNow);
        tx.MailAfterCommit(
            new OutgoingMail(email, $"Neuer Lotseneinsatz am {GermanFormat.LocalTime(beginn, clock)}", text)
            {
                Attachments = [new MailAttachment("einsatz.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(kalender))],
            });
    }

    /// <summary>An RFC 5545 VEVENT in UTC; the id keeps updates of the same assignment in the same calendar entry.</summary>
    public static string Kalendereintrag(Guid einsatzId, DateTimeOffset beginn, DateTimeOffset ende, string titel, string ort, Uri link, DateTimeOffset jetzt)
    {
        static string Zeit(DateTimeOffset t) => t.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        static string Text(string t) => t.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        var zeilen = new[]
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//IntegrationsPlattform//Lotsen//DE",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{einsatzId}@lotsen.integrationsplattform",
            $"DTSTAMP:{Zeit(jetzt)}",
            $"DTSTART:{Zeit(beginn)}",
            $"DTEND:{Zeit(ende)}",
            $"SUMMARY:{Text(titel)}",
            $"LOCATION:{Text(ort)}",
            $"DESCRIPTION:{Text(link.ToString())}",
            $"URL:{link}",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        return string.Join("\r\n", zeilen) + "\r\n";
    }
}
