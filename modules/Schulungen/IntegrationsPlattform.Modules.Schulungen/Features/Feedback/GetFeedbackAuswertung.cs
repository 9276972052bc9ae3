using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>The result of one scale: mean and how many gave 1 to 5.</summary>
internal sealed record SkalenErgebnis(string Spalte, string Frage, decimal? Durchschnitt, IReadOnlyList<int> Verteilung);

/// <summary>
/// A session's feedback: how many were invited and answered; the scales and free texts only from
/// <see cref="FeedbackRegeln.MindestAntworten"/> answers on (else empty, <see cref="Sichtbar"/> false).
/// </summary>
internal sealed record FeedbackAuswertung(string TerminId, string KursTitel, int Eingeladen, int Antworten, bool Sichtbar, IReadOnlyList<SkalenErgebnis> Skalen, IReadOnlyList<string> Freitexte);

internal sealed record GetFeedbackAuswertung(string TerminId) : IQuery<FeedbackAuswertung>;

internal sealed class GetFeedbackAuswertungHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<GetFeedbackAuswertung, FeedbackAuswertung>
{
    private sealed class Kopf
    {
        public string Titel { get; init; } = "";
        public long Eingeladen { get; init; }
    }

    public async Task<FeedbackAuswertung> Handle(GetFeedbackAuswertung request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var kopf = await connection.QuerySingleOrDefaultAsync<Kopf>(
            "SELECT k.titel AS Titel, (SELECT count(*) FROM feedback_einladungen f WHERE f.termin_id = t.id) AS Eingeladen FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @id",
            new { id = request.TerminId }) ?? throw new RecordNotFoundException("Diesen Termin gibt es nicht.");
        // Ordered by the random id: the order of the free texts tells nothing about when they came in.
        var antworten = (await connection.QueryAsync<FeedbackAntwort>(
            $"SELECT {FeedbackErgebnisse.Spalten} FROM feedback_antworten WHERE termin_id = @id ORDER BY id",
            new { id = request.TerminId })).ToList();
        if (!FeedbackRegeln.ErgebnisseSichtbar(antworten.Count))
        {
            return new FeedbackAuswertung(request.TerminId, kopf.Titel, (int)kopf.Eingeladen, antworten.Count, false, [], []);
        }

        return new FeedbackAuswertung(
            request.TerminId, kopf.Titel, (int)kopf.Eingeladen, antworten.Count, true, FeedbackErgebnisse.Skalen(antworten), FeedbackErgebnisse.Freitexte(antworten));
    }
}
