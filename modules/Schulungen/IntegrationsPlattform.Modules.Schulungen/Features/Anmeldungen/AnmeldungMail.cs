using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// The participant's mails about her registration, written into the module's outbox in the transaction of the change
/// (sent once it is committed, never for a change that rolled back). A seat comes with one iTIP invitation per
/// appointment (the SDK's <see cref="ICalendarInvitations"/>); its removal with their cancellation. Mails that let her
/// cancel carry a new personal link (<see cref="AbmeldeLink"/>).
/// </summary>
internal sealed class AnmeldungMail(IPublicLinks links, DeploymentInfo deployment, ILocalClock clock, ICalendarInvitations invitations)
{
    /// <summary>After a registration: the seat with the invitations, or the place on the waiting list.</summary>
    public async Task AngemeldetAsync(ModuleTransaction tx, string anmeldungId, string token)
    {
        var d = await LadenAsync(tx, anmeldungId);
        if (d.Status == "angemeldet")
        {
            Senden(tx, d, $"Anmeldung bestätigt: {d.Kurs}", $"""
                Sie sind für die Schulung „{d.Kurs}“ angemeldet.

                {Termine(d)}

                Die Termine können Sie mit den angehängten Kalenderdateien in Ihren Kalender übernehmen.

                {Abmeldehinweis(token)}
                """, Einladungen(d, absage: false));
            return;
        }

        var platz = await AnmeldungSchreiben.WarteplatzAsync(tx, anmeldungId);
        Senden(tx, d, $"Warteliste: {d.Kurs}", $"""
            Die Schulung „{d.Kurs}“ ist ausgebucht. Sie stehen auf Platz {platz} der Warteliste.
            Wird ein Platz frei, rücken Sie in dieser Reihenfolge nach und erhalten eine E-Mail mit den Kalenderdateien.

            {Termine(d)}

            {Abmeldehinweis(token)}
            """, []);
    }

    /// <summary>The first on the waiting list got a seat that someone else gave up.</summary>
    public async Task PlatzFreiAsync(ModuleTransaction tx, string anmeldungId)
    {
        var token = await AnmeldungSchreiben.NeuerLinkAsync(tx, anmeldungId);
        var d = await LadenAsync(tx, anmeldungId);
        Senden(tx, d, $"Platz frei geworden: Sie sind angemeldet – {d.Kurs}", $"""
            ein Platz in der Schulung „{d.Kurs}“ ist frei geworden: Sie sind von der Warteliste nachgerückt und jetzt angemeldet.

            {Termine(d)}

            Die Termine können Sie mit den angehängten Kalenderdateien in Ihren Kalender übernehmen.

            {Abmeldehinweis(token)}
            """, Einladungen(d, absage: false));
    }

    /// <summary>Her registration was cancelled (by her link or by staff); a seat's appointments leave her calendar.</summary>
    public async Task AbgemeldetAsync(ModuleTransaction tx, string anmeldungId, bool hatteSitzplatz)
    {
        var d = await LadenAsync(tx, anmeldungId);
        Senden(tx, d, $"Abmeldung: {d.Kurs}", $"""
            Ihre {(hatteSitzplatz ? "Anmeldung" : "Vormerkung auf der Warteliste")} für die Schulung „{d.Kurs}“ ist storniert.
            {(hatteSitzplatz ? "Die angehängten Dateien entfernen die Termine aus Ihrem Kalender." : "")}

            Sie können sich jederzeit für einen anderen Termin anmelden.
            """, hatteSitzplatz ? Einladungen(d, absage: true) : []);
    }

    /// <summary>
    /// The invitations of her seat, one per appointment. The uid names the registration and the appointment, so that a
    /// cancelled registration and a later new one of the same person are separate events in her calendar; the sequence is
    /// the session's (raised with every change attendees should see) — plus one for a cancellation, which ends the event.
    /// </summary>
    public IReadOnlyList<MailAttachment> Einladungen(Mailangaben d, bool absage)
        => d.Zeiten.Select((z, i) =>
        {
            var einladung = new CalendarInvitation(
                Uid(d.AnmeldungId, z.Id),
                d.Sequenz + (absage ? 1 : 0),
                d.Kurs,
                CalendarTime.Between(Utc(z.Beginn), Utc(z.Ende)),
                new CalendarAttendee($"{d.Vorname} {d.Nachname}", d.Email))
            {
                Place = z.Ort,
                OnlineLink = z.OnlineLink is { } online && Uri.TryCreate(online, UriKind.Absolute, out var uri) ? uri : null,
                Link = $"/schulungen/termine/{d.TerminId}/anmeldung",
            };
            var datei = absage ? invitations.Cancel(einladung) : invitations.Request(einladung);
            return datei with { FileName = d.Zeiten.Count == 1 ? "schulung.ics" : $"schulung-{i + 1}.ics" };
        }).ToList();

    public static string Uid(string anmeldungId, string zeitId) => $"{anmeldungId}-{zeitId}@schulungen.integrationsplattform";

    /// <summary>What a mail about the registration names (it exists: the command has just written it).</summary>
    public static async Task<Mailangaben> LadenAsync(ModuleTransaction tx, string anmeldungId)
        => await FindenAsync(tx.Connection, anmeldungId, tx.Sql) ?? throw new InvalidOperationException($"Anmeldung {anmeldungId} fehlt.");

    /// <summary>What a mail or calendar file of the registration names; null when there is no such registration.</summary>
    public static async Task<Mailangaben?> FindenAsync(SqliteConnection connection, string anmeldungId, SqliteTransaction? sql = null)
    {
        var gefunden = await connection.QuerySingleOrDefaultAsync<(string Status, string Vorname, string Nachname, string Email, string Kurs, string TerminId, long Sequenz)?>(
            """
            SELECT a.status, p.vorname, p.nachname, p.email, k.titel, t.id, t.kalender_sequenz
            FROM anmeldungen a
            JOIN teilnehmende p ON p.id = a.teilnehmende_id
            JOIN termine t ON t.id = a.termin_id
            JOIN kurse k ON k.id = t.kurs_id
            WHERE a.id = @anmeldungId
            """,
            new { anmeldungId }, sql);
        if (gefunden is not { } a)
        {
            return null;
        }

        var zeiten = await AnmeldungenSql.ZeitenAsync(connection, a.TerminId, sql);
        return new Mailangaben(anmeldungId, a.Status, a.Vorname, a.Nachname, a.Email, a.Kurs, a.TerminId, (int)a.Sequenz, zeiten);
    }

    private void Senden(ModuleTransaction tx, Mailangaben d, string betreff, string kern, IReadOnlyList<MailAttachment> anhaenge)
        => tx.MailAfterCommit(new OutgoingMail(d.Email, betreff, $"""
            Guten Tag {d.Vorname} {d.Nachname},

            {kern.Trim()}

            Mit freundlichen Grüßen
            WIR-Vielfaltszentrum, {deployment.KreisName}
            """) { Attachments = anhaenge });

    private string Abmeldehinweis(string token) => $"""
        Falls Sie nicht teilnehmen können, melden Sie sich bitte über Ihren persönlichen Link ab – Ihr Platz geht dann an die nächste Person auf der Warteliste. Dort finden Sie auch die Kalenderdateien:
        {links.Absolute(AbmeldeLink.Pfad(token))}
        """;

    /// <summary>The appointments as lines of the mail, in local time.</summary>
    public static string Termine(Mailangaben d)
        => (d.Zeiten.Count == 1 ? "Termin:" : "Termine:") + "\n" + string.Join("\n", d.Zeiten.Select(z => "- " + Zeitraum(z)));

    public static string Zeitraum(TerminZeit z)
        => z.Beginn.ToString("ddd, dd.MM.yyyy, HH:mm", GermanFormat.Culture) + "–" + z.Ende.ToString("HH:mm", CultureInfo.InvariantCulture) + " Uhr"
           + (z.Ort is null ? "" : ", " + z.Ort) + (z.OnlineLink is null ? "" : ", online: " + z.OnlineLink);

    private DateTimeOffset Utc(DateTime lokal) => clock.ToUtc(DateOnly.FromDateTime(lokal), TimeOnly.FromDateTime(lokal));
}

/// <summary>What the mails and calendar files of one registration name.</summary>
internal sealed record Mailangaben(
    string AnmeldungId, string Status, string Vorname, string Nachname, string Email, string Kurs, string TerminId, int Sequenz, IReadOnlyList<TerminZeit> Zeiten);
