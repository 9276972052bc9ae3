using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>Adds an appointment to a session.</summary>
internal sealed record CreateTerminZeit(string TerminId, ZeitEingabe Zeit) : ICommand<string>;

/// <summary>Moves an appointment (day, times, place or link).</summary>
internal sealed record UpdateTerminZeit(string TerminId, string ZeitId, ZeitEingabe Zeit) : ICommand<Done>;

/// <summary>Removes an appointment; a session keeps at least one.</summary>
internal sealed record DeleteTerminZeit(string TerminId, string ZeitId) : ICommand<Done>;

/// <summary>The appointment checks of adding and moving, at the fields of the one appointment form.</summary>
internal sealed class TerminZeitValidator : IValidator<CreateTerminZeit>, IValidator<UpdateTerminZeit>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateTerminZeit request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FieldError>>(Pruefe(request.Zeit));

    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateTerminZeit request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<FieldError>>(Pruefe(request.Zeit));

    private static List<FieldError> Pruefe(ZeitEingabe zeit)
    {
        var errors = new List<FieldError>();
        TerminPruefung.Zeit(errors, zeit, "");
        return errors;
    }
}

/// <summary>
/// Every change of an appointment is one the attendees' calendars must follow: it raises the session's calendar
/// sequence in the same transaction and mails the registrants the appointments as they are now (through the outbox), and
/// the deadline may not come to lie after the new first day.
/// </summary>
internal sealed class TerminZeitHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, AnmeldungMail mail)
    : IRequestHandler<CreateTerminZeit, string>, IRequestHandler<UpdateTerminZeit, Done>, IRequestHandler<DeleteTerminZeit, Done>
{
    public async Task<string> Handle(CreateTerminZeit request, CancellationToken cancellationToken)
    {
        var tx = await AenderbarAsync(request.TerminId);
        var zeit = TerminPruefung.Zeit([], request.Zeit, "")!;
        var id = await TerminSchreiben.ZeitNeuAsync(tx, request.TerminId, zeit);
        await AbschliessenAsync(tx, request.TerminId);
        return id;
    }

    public async Task<Done> Handle(UpdateTerminZeit request, CancellationToken cancellationToken)
    {
        var tx = await AenderbarAsync(request.TerminId);
        var zeit = TerminPruefung.Zeit([], request.Zeit, "")!;
        var geaendert = await tx.Connection.ExecuteAsync(
            "UPDATE termin_zeiten SET beginn = @beginn, ende = @ende, ort = @ort, online_link = @link WHERE id = @zeitId AND termin_id = @terminId",
            new { zeitId = request.ZeitId, terminId = request.TerminId, beginn = zeit.Beginn, ende = zeit.Ende, ort = zeit.Ort, link = zeit.OnlineLink }, tx.Sql);
        if (geaendert == 0)
        {
            throw new RecordNotFoundException("Termintag nicht gefunden.");
        }

        await AbschliessenAsync(tx, request.TerminId);
        return Done.Value;
    }

    public async Task<Done> Handle(DeleteTerminZeit request, CancellationToken cancellationToken)
    {
        var tx = await AenderbarAsync(request.TerminId);
        var zeiten = await AnmeldungenSql.ZeitenAsync(tx.Connection, request.TerminId, tx.Sql);
        var entfernt = zeiten.SingleOrDefault(z => z.Id == request.ZeitId) ?? throw new RecordNotFoundException("Termintag nicht gefunden.");
        if (zeiten.Count == 1)
        {
            throw new DomainRuleException("Termin: Ein Termin braucht mindestens einen Termintag. Bitte erst einen anderen anlegen oder den Termin absagen.");
        }

        await tx.Connection.ExecuteAsync("DELETE FROM termin_zeiten WHERE id = @zeitId", new { zeitId = request.ZeitId }, tx.Sql);
        await AbschliessenAsync(tx, request.TerminId, entfernt);
        return Done.Value;
    }

    private async Task<ModuleTransaction> AenderbarAsync(string terminId)
    {
        var tx = database.Transaction;
        TerminSchreiben.PruefeAenderbar((await TerminSchreiben.LeseAsync(tx, terminId)).Status);
        return tx;
    }

    private async Task AbschliessenAsync(ModuleTransaction tx, string terminId, TerminZeit? entfernt = null)
    {
        var termin = await tx.Connection.QuerySingleAsync<(string Anmeldeschluss, string BeginntAm)>(
            "SELECT anmeldeschluss, beginnt_am FROM termine WHERE id = @terminId", new { terminId }, tx.Sql);
        var errors = new List<FieldError>();
        TerminPruefung.Anmeldeschluss(errors, termin.Anmeldeschluss, termin.BeginntAm);
        if (errors.Count > 0)
        {
            throw new DomainRuleException("Termin: Der erste Termintag läge dann vor dem Anmeldeschluss. Bitte zuerst den Anmeldeschluss vorverlegen.");
        }

        await TerminSchreiben.KalenderGeaendertAsync(tx, terminId, GermanFormat.StoredInstant(clock.UtcNow));
        await mail.TermineGeaendertAsync(tx, terminId, entfernt);
    }
}
