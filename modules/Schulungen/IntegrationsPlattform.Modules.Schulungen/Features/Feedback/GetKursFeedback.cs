using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>
/// A session of the course with feedback: invited, answered, and whether its answers count for the course — only a
/// session with <see cref="FeedbackRegeln.MindestAntworten"/> answers or more does, so that the course's figures never
/// reveal a small group's answers.
/// </summary>
internal sealed record KursFeedbackTermin(string TerminId, string? BeginntAm, string? KommuneAgs, int Eingeladen, int Antworten, bool Einbezogen);

/// <summary>
/// A course's feedback over all its sessions: the sessions with feedback (latest first), the answers of those included,
/// their scales and free texts; <see cref="Sichtbar"/> false (and nothing shown) while no session is included.
/// </summary>
internal sealed record KursFeedback(
    string KursId, string KursTitel, IReadOnlyList<KursFeedbackTermin> Termine, int Antworten, bool Sichtbar, IReadOnlyList<SkalenErgebnis> Skalen, IReadOnlyList<string> Freitexte);

internal sealed record GetKursFeedback(string KursId) : IQuery<KursFeedback>;

internal sealed class GetKursFeedbackHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<GetKursFeedback, KursFeedback>
{
    private sealed class Termin
    {
        public string Id { get; init; } = "";
        public string? BeginntAm { get; init; }
        public string? KommuneAgs { get; init; }
        public long Eingeladen { get; init; }
        public long Antworten { get; init; }
    }

    public async Task<KursFeedback> Handle(GetKursFeedback request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var titel = await connection.QuerySingleOrDefaultAsync<string>("SELECT titel FROM kurse WHERE id = @id", new { id = request.KursId })
            ?? throw new RecordNotFoundException("Diesen Kurs gibt es nicht.");
        var termine = (await connection.QueryAsync<Termin>(
            """
            SELECT t.id AS Id, t.beginnt_am AS BeginntAm, t.kommune_ags AS KommuneAgs,
                   (SELECT count(*) FROM feedback_einladungen f WHERE f.termin_id = t.id) AS Eingeladen,
                   (SELECT count(*) FROM feedback_antworten a WHERE a.termin_id = t.id) AS Antworten
            FROM termine t WHERE t.kurs_id = @id
            ORDER BY t.beginnt_am DESC
            """,
            new { id = request.KursId })).Where(t => t.Eingeladen > 0 || t.Antworten > 0)
            .Select(t => new KursFeedbackTermin(t.Id, t.BeginntAm, t.KommuneAgs, (int)t.Eingeladen, (int)t.Antworten, FeedbackRegeln.ErgebnisseSichtbar((int)t.Antworten)))
            .ToList();
        var einbezogen = termine.Where(t => t.Einbezogen).Select(t => t.TerminId).ToList();
        if (einbezogen.Count == 0)
        {
            return new KursFeedback(request.KursId, titel, termine, 0, false, [], []);
        }

        // Ordered by the random id: the order of the free texts tells nothing about when or in which session they came in.
        var antworten = (await connection.QueryAsync<FeedbackAntwort>(
            $"SELECT {FeedbackErgebnisse.Spalten} FROM feedback_antworten WHERE termin_id IN @einbezogen ORDER BY id", new { einbezogen })).ToList();
        return new KursFeedback(request.KursId, titel, termine, antworten.Count, true, FeedbackErgebnisse.Skalen(antworten), FeedbackErgebnisse.Freitexte(antworten));
    }
}
