using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// Cancels a registration — by staff (<paramref name="AnmeldungId"/>) or by the participant through her personal link
/// (<paramref name="Token"/>): state <c>abgemeldet</c>; a freed seat goes to the first on the waiting list in the same
/// transaction, who gets a mail; the session is open again when the seat stays free (migration 0002). Returns who moved up.
/// </summary>
internal sealed record CancelAnmeldung(Guid? AnmeldungId, string? Token = null) : ICommand<Abmeldeergebnis>;

internal sealed record Abmeldeergebnis(string AnmeldungId, string? NachgerueckteAnmeldungId);

internal sealed class CancelAnmeldungHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, IAuditTrail audit, AnmeldungMail mail)
    : IRequestHandler<CancelAnmeldung, Abmeldeergebnis>
{
    public async Task<Abmeldeergebnis> Handle(CancelAnmeldung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var perLink = request.Token is not null;
        var a = await tx.Connection.QuerySingleOrDefaultAsync<(string Id, string Status, string TerminId, string TerminStatus, string? Beginnt)?>(
            """
            SELECT a.id, a.status, a.termin_id, t.status, t.beginnt_am FROM anmeldungen a JOIN termine t ON t.id = a.termin_id
            WHERE (@perLink = 1 AND a.abmelde_token_hash = @hash) OR (@perLink = 0 AND a.id = @id)
            """,
            new { perLink = perLink ? 1 : 0, hash = perLink ? AbmeldeLink.Hash(request.Token!) : null, id = request.AnmeldungId?.ToString() },
            tx.Sql);
        if (a is not { } anmeldung)
        {
            throw new RecordNotFoundException(perLink ? AnmeldungPerLink.Unbekannt : "Die Anmeldung wurde nicht gefunden.");
        }

        if (perLink && Anmelderegeln.WarumNichtAbmeldbar(
                anmeldung.Status, anmeldung.TerminStatus, anmeldung.Beginnt is null ? null : AnmeldungenSql.LokaleZeit(anmeldung.Beginnt), clock.ToLocal(clock.UtcNow).DateTime) is { } abgelaufen)
        {
            throw new DomainRuleException(abgelaufen);
        }

        Lebenszyklen.Anmeldung.EnsureTransition(anmeldung.Status, "abgemeldet");
        var hatteSitzplatz = anmeldung.Status == "angemeldet";
        var nachgerueckt = await AnmeldungSchreiben.AbmeldenAsync(tx, anmeldung.Id, anmeldung.TerminId, hatteSitzplatz, GermanFormat.StoredInstant(clock.UtcNow));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anmeldung", anmeldung.Id, perLink ? "abgemeldet über den persönlichen Link" : "abgemeldet durch Mitarbeitende"), cancellationToken);
        await mail.AbgemeldetAsync(tx, anmeldung.Id, hatteSitzplatz);
        if (nachgerueckt is not null)
        {
            await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anmeldung", nachgerueckt, "von der Warteliste nachgerückt"), cancellationToken);
            await mail.PlatzFreiAsync(tx, nachgerueckt);
        }

        return new Abmeldeergebnis(anmeldung.Id, nachgerueckt);
    }
}
