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
    /// The session was cancelled: everyone still registered for it (requested, with a seat or waiting) learns why. A seat's
    /// appointments leave her calendar with their cancellation at the session's sequence, which the cancellation has just
    /// raised; the waiting list never got invitations, so its mail carries none.
    /// </summary>
    public async Task TerminAbgesagtAsync(ModuleTransaction tx, string terminId, string? grund)
    {
        foreach (var d in await BetroffeneAsync(tx, terminId, ["angefragt", "angemeldet", "warteliste"]))
        {
            var sitzplatz = d.Status == "angemeldet";
            Senden(tx, d, $"Abgesagt: {d.Kurs}", $"""
                die Schulung „{d.Kurs}“ findet leider nicht statt – der Termin ist abgesagt.{(grund is null ? "" : "\nGrund: " + grund)}

                {Termine(d)}

                {(sitzplatz ? "Die angehängten Dateien entfernen die Termine aus Ihrem Kalender." : "Ihre Anmeldung zu diesem Termin ist damit hinfällig.")}
                Sie können sich gern für einen anderen Termin anmelden.
                """, sitzplatz ? Kalenderdateien(d, absage: true, d.Sequenz) : []);
        }
    }

    /// <summary>
    /// An appointment of the session was moved, added or removed (the command has raised the session's sequence): every
    /// active registrant gets the appointments as they are now and a new personal link, in case she cannot come then. A
    /// seat's invitations carry the new sequence, so that calendars update the events; a removed appointment's event is
    /// cancelled.
    /// </summary>
    public async Task TermineGeaendertAsync(ModuleTransaction tx, string terminId, TerminZeit? entfernt = null)
    {
        foreach (var d in await BetroffeneAsync(tx, terminId, ["angemeldet", "warteliste"]))
        {
            var token = await AnmeldungSchreiben.NeuerLinkAsync(tx, d.AnmeldungId);
            var sitzplatz = d.Status == "angemeldet";
            var anhaenge = !sitzplatz ? []
                : entfernt is null ? Einladungen(d, absage: false)
                : [.. Einladungen(d, absage: false), .. Kalenderdateien(d with { Zeiten = [entfernt] }, absage: true, d.Sequenz, "schulung-entfallen.ics")];
            Senden(tx, d, $"Terminänderung: {d.Kurs}", $"""
                die Termine der Schulung „{d.Kurs}“ haben sich geändert. Es gilt jetzt:

                {Termine(d)}
                {(entfernt is null ? "" : "\nEntfallen: " + Zeitraum(entfernt) + "\n")}
                {(sitzplatz ? "Die angehängten Kalenderdateien aktualisieren die Termine in Ihrem Kalender." : "Sie stehen weiterhin auf der Warteliste.")}

                {Abmeldehinweis(token)}
                """, anhaenge);
        }
    }

    /// <summary>
    /// The invitations of her seat, one per appointment. The uid names the registration and the appointment, so that a
    /// cancelled registration and a later new one of the same person are separate events in her calendar; the sequence is
    /// the session's (raised with every change attendees should see) — plus one for a cancellation, which ends the event.
    /// </summary>
    public IReadOnlyList<MailAttachment> Einladungen(Mailangaben d, bool absage) => Kalenderdateien(d, absage, d.Sequenz + (absage ? 1 : 0));

    private List<MailAttachment> Kalenderdateien(Mailangaben d, bool absage, int sequenz, string? dateiname = null)
        => d.Zeiten.Select((z, i) =>
        {
            var einladung = new CalendarInvitation(
                Uid(d.AnmeldungId, z.Id),
                sequenz,
                d.Kurs,
                CalendarTime.Between(Utc(z.Beginn), Utc(z.Ende)),
                new CalendarAttendee($"{d.Vorname} {d.Nachname}", d.Email))
            {
                Place = z.Ort,
                OnlineLink = z.OnlineLink is { } online && Uri.TryCreate(online, UriKind.Absolute, out var uri) ? uri : null,
                Link = $"/schulungen/termine/{d.TerminId}/anmeldung",
            };
            var datei = absage ? invitations.Cancel(einladung) : invitations.Request(einladung);
            return datei with { FileName = dateiname ?? (d.Zeiten.Count == 1 ? "schulung.ics" : $"schulung-{i + 1}.ics") };
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

    /// <summary>What the mails of a session-wide change name, for each registration of the session in one of the states.</summary>
    private static async Task<IReadOnlyList<Mailangaben>> BetroffeneAsync(ModuleTransaction tx, string terminId, string[] zustaende)
    {
        var termin = await tx.Connection.QuerySingleAsync<(string Kurs, long Sequenz)>(
            "SELECT k.titel, t.kalender_sequenz FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @terminId", new { terminId }, tx.Sql);
        var zeiten = await AnmeldungenSql.ZeitenAsync(tx.Connection, terminId, tx.Sql);
        var personen = await tx.Connection.QueryAsync<(string Id, string Status, string Vorname, string Nachname, string Email)>(
            """
            SELECT a.id, a.status, p.vorname, p.nachname, p.email
            FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id
            WHERE a.termin_id = @terminId AND a.status IN @zustaende
            ORDER BY a.bestaetigt_am, a.id
            """,
            new { terminId, zustaende }, tx.Sql);
        return personen.Select(p => new Mailangaben(p.Id, p.Status, p.Vorname, p.Nachname, p.Email, termin.Kurs, terminId, (int)termin.Sequenz, zeiten)).ToList();
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
