using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>
/// The hourly feedback run: for each session whose last appointment is over, that was not cancelled, whose attendance
/// names attendees and whose feedback was not requested yet, it requests the feedback as staff do with „Feedback
/// anfordern“ — one single-use link to each attendee (teilweise or vollständig teilgenommen), nobody else. A session
/// with invitations is never asked again (the command refuses it in its transaction, also when staff were quicker), so
/// nobody gets a second link. Sessions that ended more than <see cref="FeedbackRegeln.AutomatischBisTage"/> days ago are
/// left to staff: a late attendance record must not send a survey about a training long past.
/// </summary>
internal sealed class FeedbackJob(IModuleDatabase<SchulungenModule> database, IMediator mediator, ILocalClock clock) : IScheduledJob
{
    public const string Key = "feedback";

    public async Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Appointments are stored in local time (yyyy-MM-ddTHH:mm), so the window is compared in local time too.
        var lokal = clock.ToLocal(now).DateTime;
        var jetzt = TerminRegeln.Ortszeit(DateOnly.FromDateTime(lokal), TimeOnly.FromDateTime(lokal));
        var fruehestens = TerminRegeln.Ortszeit(DateOnly.FromDateTime(lokal).AddDays(-FeedbackRegeln.AutomatischBisTage), TimeOnly.MinValue);
        List<string> faellig;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            faellig = (await connection.QueryAsync<string>(
                """
                SELECT t.id FROM termine t
                WHERE t.status <> 'abgesagt' AND t.endet_am <= @jetzt AND t.endet_am >= @fruehestens
                  AND NOT EXISTS (SELECT 1 FROM feedback_einladungen f WHERE f.termin_id = t.id)
                  AND EXISTS (SELECT 1 FROM anmeldungen a WHERE a.termin_id = t.id AND a.status IN ('teilweise', 'vollstaendig'))
                ORDER BY t.endet_am
                """,
                new { jetzt, fruehestens })).ToList();
        }

        var eingeladen = 0;
        var termine = 0;
        foreach (var termin in faellig)
        {
            try
            {
                eingeladen += (await mediator.Send(new RequestFeedback(termin), cancellationToken)).Eingeladen;
                termine++;
            }
            catch (DomainRuleException)
            {
                // Requested meanwhile by staff, or the session changed since it was read: nothing is sent twice.
            }
        }

        return $"Feedback für {termine} Termine angefordert, {eingeladen} Teilnehmende eingeladen";
    }
}
