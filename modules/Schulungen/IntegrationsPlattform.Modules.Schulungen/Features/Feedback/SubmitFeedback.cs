using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>
/// An answer through a personal link (public, no login). The invitation is only marked used (with the day, not the
/// time); the answer is stored with the session, the scores and the free text, under a random id — nothing that leads
/// back to the person or the invitation.
/// </summary>
internal sealed record SubmitFeedback(string Token, int? Gesamt, int? Inhalte, int? Praxisnutzen, int? Methoden, int? Organisation, string? Freitext) : ICommand<Done>;

internal sealed class SubmitFeedbackValidator : IValidator<SubmitFeedback>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(SubmitFeedback request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.Gesamt is null)
        {
            errors.Add(new FieldError("gesamt", "Bitte den Gesamteindruck bewerten (1 bis 5)."));
        }

        foreach (var (spalte, wert) in new[] { ("gesamt", request.Gesamt), ("inhalte", request.Inhalte), ("praxisnutzen", request.Praxisnutzen), ("methoden", request.Methoden), ("organisation", request.Organisation) })
        {
            if (wert is not null and (< 1 or > 5))
            {
                errors.Add(new FieldError(spalte, "Bitte eine Bewertung von 1 (schlecht) bis 5 (sehr gut) wählen."));
            }
        }

        errors.OptionalText("freitext", request.Freitext, FeedbackRegeln.FreitextMax);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class SubmitFeedbackHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<SubmitFeedback, Done>
{
    public async Task<Done> Handle(SubmitFeedback request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var einladung = await FeedbackEinladung.PruefenAsync(tx.Connection, request.Token, clock, tx.Sql);
        await tx.Connection.ExecuteAsync(
            "UPDATE feedback_einladungen SET verwendet_am = @heute WHERE id = @id",
            new { id = einladung.Id, heute = GermanFormat.StoredDay(clock.Today) }, tx.Sql);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO feedback_antworten (id, termin_id, gesamt, inhalte, methoden, praxisnutzen, organisation, freitext)
            VALUES (@id, @termin, @gesamt, @inhalte, @methoden, @praxisnutzen, @organisation, @freitext)
            """,
            new
            {
                id = Guid.NewGuid().ToString(), termin = einladung.TerminId, gesamt = request.Gesamt, inhalte = request.Inhalte, methoden = request.Methoden,
                praxisnutzen = request.Praxisnutzen, organisation = request.Organisation,
                freitext = string.IsNullOrWhiteSpace(request.Freitext) ? null : request.Freitext.Trim(),
            },
            tx.Sql);
        return Done.Value;
    }
}

/// <summary>Where a feedback link stands: open for an answer, or why not.</summary>
internal enum FeedbackLinkZustand
{
    Offen,
    Unbekannt,
    Verwendet,
    Abgelaufen,
}

/// <summary>
/// A feedback link as the form and the answer check it: the public page says in the visitor's language why a link no
/// longer holds (<see cref="StandAsync"/>); the API and the answer refuse it with a clear German message (<see cref="PruefenAsync"/>).
/// </summary>
internal static class FeedbackEinladung
{
    public sealed class Gueltig
    {
        public string Id { get; init; } = "";
        public string TerminId { get; init; } = "";
        public string Titel { get; init; } = "";
        public string GueltigBis { get; init; } = "";
        public string? VerwendetAm { get; init; }
    }

    /// <summary>The link's state, its invitation (null when unknown) and the last local day it held.</summary>
    public sealed record Stand(FeedbackLinkZustand Zustand, Gueltig? Einladung, DateOnly? GueltigBisTag);

    public static async Task<Stand> StandAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string? token, ILocalClock clock, Microsoft.Data.Sqlite.SqliteTransaction? transaction = null)
    {
        var einladung = string.IsNullOrWhiteSpace(token) ? null : await connection.QuerySingleOrDefaultAsync<Gueltig>(
            """
            SELECT f.id AS Id, f.termin_id AS TerminId, k.titel AS Titel, f.gueltig_bis AS GueltigBis, f.verwendet_am AS VerwendetAm
            FROM feedback_einladungen f JOIN termine t ON t.id = f.termin_id JOIN kurse k ON k.id = t.kurs_id
            WHERE f.token_hash = @hash
            """,
            new { hash = FeedbackLink.Hash(token.Trim()) }, transaction);
        if (einladung is null)
        {
            return new Stand(FeedbackLinkZustand.Unbekannt, null, null);
        }

        var gueltigBisTag = DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(einladung.GueltigBis)).DateTime);
        var zustand = einladung.VerwendetAm is not null ? FeedbackLinkZustand.Verwendet
            : string.CompareOrdinal(einladung.GueltigBis, GermanFormat.StoredInstant(clock.UtcNow)) < 0 ? FeedbackLinkZustand.Abgelaufen
            : FeedbackLinkZustand.Offen;
        return new Stand(zustand, einladung, gueltigBisTag);
    }

    public static async Task<Gueltig> PruefenAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string? token, ILocalClock clock, Microsoft.Data.Sqlite.SqliteTransaction? transaction = null)
    {
        var stand = await StandAsync(connection, token, clock, transaction);
        return stand.Zustand switch
        {
            FeedbackLinkZustand.Unbekannt => throw new RecordNotFoundException("Diesen Feedback-Link gibt es nicht. Bitte den Link aus der E-Mail vollständig öffnen."),
            FeedbackLinkZustand.Verwendet => throw new DomainRuleException("Mit diesem Link wurde schon ein Feedback abgegeben; jeder Link gilt nur einmal. Vielen Dank!"),
            FeedbackLinkZustand.Abgelaufen => throw new DomainRuleException("Dieser Feedback-Link ist abgelaufen; Feedback war bis zum " + GermanFormat.Day(stand.GueltigBisTag!.Value) + " möglich."),
            _ => stand.Einladung!,
        };
    }
}
