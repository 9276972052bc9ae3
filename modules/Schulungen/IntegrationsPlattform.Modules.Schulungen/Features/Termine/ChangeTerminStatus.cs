using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// Moves a session along its lifecycle (<see cref="Lebenszyklen.Termin"/>). Opening needs a published course, „durchgeführt“
/// a last appointment that is over; a cancellation keeps its reason and raises the calendar sequence, so that calendars
/// show the appointments as cancelled, and mails everyone registered. Whatever links to the session learns its new status (<see cref="TermineVerknuepfbar"/>); mails
/// and that notice go through the outbox, in the same transaction.
/// </summary>
internal sealed record ChangeTerminStatus(string Id, string? Nach, string? Grund) : ICommand<Done>;

internal sealed class ChangeTerminStatusValidator : IValidator<ChangeTerminStatus>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ChangeTerminStatus request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.Termin.CheckChange(errors, "nach", request.Nach, "grund", request.Grund);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ChangeTerminStatusHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, AnmeldungMail mail) : IRequestHandler<ChangeTerminStatus, Done>
{
    public async Task<Done> Handle(ChangeTerminStatus request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var termin = await tx.Connection.QuerySingleOrDefaultAsync<Stand>(
                         "SELECT t.status, k.status AS KursStatus, k.titel AS Kurs, t.endet_am AS EndetAm FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @id", new { id = request.Id }, tx.Sql)
                     ?? throw new RecordNotFoundException("Termin nicht gefunden.");
        var nach = request.Nach!;
        Lebenszyklen.Termin.EnsureTransition(termin.Status, nach);
        if (nach == "offen" && termin.KursStatus != "veroeffentlicht")
        {
            throw new DomainRuleException($"Termin: Anmeldungen gibt es nur für veröffentlichte Kurse; der Kurs ist „{Lebenszyklen.Kurs.Label(termin.KursStatus)}“.");
        }

        var jetztOrtszeit = clock.ToLocal(clock.UtcNow);
        if (nach == "durchgefuehrt" && string.CompareOrdinal(termin.EndetAm, TerminRegeln.Ortszeit(DateOnly.FromDateTime(jetztOrtszeit.DateTime), TimeOnly.FromDateTime(jetztOrtszeit.DateTime))) > 0)
        {
            throw new DomainRuleException("Termin: „durchgeführt“ erst, wenn der letzte Termintag vorbei ist.");
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            "UPDATE termine SET status = @nach, status_seit = @jetzt, geaendert_am = @jetzt, absage_grund = CASE WHEN @nach = 'abgesagt' THEN @grund ELSE absage_grund END WHERE id = @id",
            new { id = request.Id, nach, jetzt, grund = TerminSchreiben.Sauber(request.Grund) }, tx.Sql);
        if (nach == "abgesagt")
        {
            await TerminSchreiben.KalenderGeaendertAsync(tx, request.Id, jetzt);
            await mail.TerminAbgesagtAsync(tx, request.Id, TerminSchreiben.Sauber(request.Grund));
        }

        tx.PublishAfterCommit(TermineVerknuepfbar.Geaendert(request.Id, termin.Kurs, nach));

        return Done.Value;
    }

    private sealed class Stand
    {
        public string Status { get; init; } = "";
        public string KursStatus { get; init; } = "";
        public string Kurs { get; init; } = "";
        public string? EndetAm { get; init; }
    }
}
