using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>
/// „Feedback anfordern“: after the session's last appointment, every attendee (teilweise or vollständig teilgenommen)
/// gets a personal single-use link by mail, through the outbox. Once per session. The invitation keeps no reference to
/// the person: only the session and the link's hash.
/// </summary>
internal sealed record RequestFeedback(string TerminId) : ICommand<FeedbackAngefordert>;

/// <summary>The answer: how many were invited.</summary>
internal sealed record FeedbackAngefordert(int Eingeladen);

internal sealed class RequestFeedbackHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit, ILocalClock clock, IPublicLinks links)
    : IRequestHandler<RequestFeedback, FeedbackAngefordert>
{
    private sealed class Termin
    {
        public string Titel { get; init; } = "";
        public string? EndetAm { get; init; }
        public string Status { get; init; } = "";
        public long Eingeladen { get; init; }
    }

    public async Task<FeedbackAngefordert> Handle(RequestFeedback request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var termin = await tx.Connection.QuerySingleOrDefaultAsync<Termin>(
            """
            SELECT k.titel AS Titel, t.endet_am AS EndetAm, t.status AS Status,
                   (SELECT count(*) FROM feedback_einladungen f WHERE f.termin_id = t.id) AS Eingeladen
            FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @id
            """,
            new { id = request.TerminId }, tx.Sql) ?? throw new RecordNotFoundException("Diesen Termin gibt es nicht.");
        var jetzt = clock.ToLocal(clock.UtcNow).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        if (termin.Status == "abgesagt" || termin.EndetAm is null || string.CompareOrdinal(termin.EndetAm, jetzt) > 0)
        {
            throw new DomainRuleException("Feedback wird erst nach dem letzten Termintag angefordert (und nicht für abgesagte Termine).");
        }

        if (termin.Eingeladen > 0)
        {
            throw new DomainRuleException("Für diesen Termin wurde das Feedback schon angefordert; jeder Link gilt nur einmal.");
        }

        var adressen = (await tx.Connection.QueryAsync<string>(
            "SELECT p.email FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.termin_id = @id AND a.status IN ('teilweise', 'vollstaendig')",
            new { id = request.TerminId }, tx.Sql)).ToList();
        if (adressen.Count == 0)
        {
            throw new DomainRuleException("Niemand hat an diesem Termin teilgenommen (Anwesenheit erfasst?), also gibt es niemanden, der Feedback geben kann.");
        }

        var erstellt = GermanFormat.StoredInstant(clock.UtcNow);
        var gueltigBis = GermanFormat.StoredInstant(clock.UtcNow.AddDays(FeedbackRegeln.LinkGueltigTage));
        var bis = GermanFormat.Day(clock.Today.AddDays(FeedbackRegeln.LinkGueltigTage));
        // Invitations in random order, so that their order tells nothing about the registrations'.
        foreach (var adresse in adressen.OrderBy(_ => Guid.NewGuid()))
        {
            var token = FeedbackLink.Neu();
            await tx.Connection.ExecuteAsync(
                "INSERT INTO feedback_einladungen (id, termin_id, token_hash, erstellt_am, gueltig_bis) VALUES (@id, @termin, @hash, @erstellt, @gueltigBis)",
                new { id = Guid.NewGuid().ToString(), termin = request.TerminId, hash = FeedbackLink.Hash(token), erstellt, gueltigBis }, tx.Sql);
            tx.MailAfterCommit(new OutgoingMail(
                adresse,
                $"Ihr Feedback zur Fortbildung „{termin.Titel}“",
                $"""
                Guten Tag,

                vielen Dank für Ihre Teilnahme an der Fortbildung „{termin.Titel}“. Wir freuen uns über Ihre Rückmeldung – sie ist anonym:
                gespeichert wird nur, was Sie ins Formular schreiben, nichts, was zu Ihnen führt.

                {links.Absolute(FeedbackLink.Seite(token))}

                Der Link ist persönlich, gilt einmal und bis zum {bis}.

                WIR-Vielfaltszentrum
                """));
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Feedback-Einladung", request.TerminId, $"{adressen.Count} Einladungen"), cancellationToken);
        return new FeedbackAngefordert(adressen.Count);
    }
}
