using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// Registers a person for a session: confirmed through the public form's double opt-in (<paramref name="Oeffentlich"/>,
/// keeping the deadline) or directly by staff. A seat while the capacity lasts, else a place on the waiting list in the
/// order of confirmation, else refused — decided by the database's triggers, so that concurrent registrations never
/// exceed either. <paramref name="AngefragtAm"/> is when the public form was sent (staff: now).
/// </summary>
internal sealed record RecordAnmeldung(Guid TerminId, AnmeldungEingabe Eingabe, bool Oeffentlich, DateTimeOffset? AngefragtAm = null) : ICommand<Anmeldeergebnis>;

internal sealed class RecordAnmeldungValidator : IValidator<RecordAnmeldung>
{
    public const int HoechstensSchulen = 10;

    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordAnmeldung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var e = request.Eingabe;
        errors.RequiredText("vorname", e.Vorname, 100, "den Vornamen");
        errors.RequiredText("nachname", e.Nachname, 100, "den Nachnamen");
        if (string.IsNullOrWhiteSpace(e.Email))
        {
            errors.Add(new FieldError("email", "Bitte die E-Mail-Adresse angeben."));
        }

        errors.Email("email", e.Email);
        errors.OptionalText("arbeitgeber", e.Arbeitgeber, 200);
        if (e.Schulen is { Count: > HoechstensSchulen })
        {
            errors.Add(new FieldError("schulen", $"Höchstens {HoechstensSchulen} Schulen angeben ({e.Schulen.Count} gewählt)."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class RecordAnmeldungHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, IAuditTrail audit, AnmeldungMail mail)
    : IRequestHandler<RecordAnmeldung, Anmeldeergebnis>
{
    public async Task<Anmeldeergebnis> Handle(RecordAnmeldung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var terminId = request.TerminId.ToString();
        var termin = await tx.Connection.QuerySingleOrDefaultAsync<(string Status, string Anmeldeschluss)?>(
            "SELECT status, anmeldeschluss FROM termine WHERE id = @terminId", new { terminId }, tx.Sql)
            ?? throw new RecordNotFoundException("Der Termin wurde nicht gefunden.");
        if (Anmelderegeln.WarumGeschlossen(termin.Status, GermanFormat.ParseStoredDay(termin.Anmeldeschluss), clock.Today, request.Oeffentlich) is { } geschlossen)
        {
            throw new DomainRuleException(geschlossen);
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var teilnehmendeId = await TeilnehmendeSchreiben.FuerAnmeldungAsync(tx, terminId, request.Eingabe, jetzt);
        var id = Guid.CreateVersion7().ToString();
        var (token, hash) = AbmeldeLink.Neu();
        var zeile = new Zeile(id, terminId, teilnehmendeId, hash, jetzt, GermanFormat.StoredInstant(request.AngefragtAm ?? clock.UtcNow));
        var ergebnis = await SitzplatzAsync(tx, zeile) ?? await WartelisteAsync(tx, zeile) ?? throw new DomainRuleException(Anmelderegeln.Ausgebucht);
        await audit.RecordAsync(
            new AuditEntry(AuditAction.Create, "Anmeldung", id, $"{(request.Oeffentlich ? "über das öffentliche Formular bestätigt" : "durch Mitarbeitende")}: {ergebnis.Status}"),
            cancellationToken);
        await mail.AngemeldetAsync(tx, id, token);
        return ergebnis;
    }

    /// <summary>A seat, or null when the capacity trigger refused it (the session is full).</summary>
    private static async Task<Anmeldeergebnis?> SitzplatzAsync(ModuleTransaction tx, Zeile zeile)
    {
        try
        {
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, abmelde_token_hash, geaendert_am)
                VALUES (@Id, @TerminId, @TeilnehmendeId, 'angemeldet', @Angefragt, @Jetzt, @Hash, @Jetzt)
                """,
                zeile, tx.Sql);
            return new Anmeldeergebnis(zeile.Id, "angemeldet", null);
        }
        catch (SqliteException ex) when (Trigger(ex, "termin_ausgebucht"))
        {
            return null;
        }
    }

    /// <summary>The next place on the waiting list, or null when its trigger refused it (the waiting list is full too).</summary>
    private static async Task<Anmeldeergebnis?> WartelisteAsync(ModuleTransaction tx, Zeile zeile)
    {
        try
        {
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, warteposition, abmelde_token_hash, geaendert_am)
                VALUES (@Id, @TerminId, @TeilnehmendeId, 'warteliste', @Angefragt, @Jetzt,
                        (SELECT coalesce(max(warteposition), 0) + 1 FROM anmeldungen WHERE termin_id = @TerminId), @Hash, @Jetzt)
                """,
                zeile, tx.Sql);
            var platz = await AnmeldungSchreiben.WarteplatzAsync(tx, zeile.Id);
            return new Anmeldeergebnis(zeile.Id, "warteliste", platz);
        }
        catch (SqliteException ex) when (Trigger(ex, "warteliste_voll"))
        {
            return null;
        }
    }

    private sealed record Zeile(string Id, string TerminId, string TeilnehmendeId, string Hash, string Jetzt, string Angefragt);

    /// <summary>Whether the statement was aborted by the named trigger of migration 0001 (RAISE(ABORT, …), a constraint error).</summary>
    private static bool Trigger(SqliteException ex, string name) => ex.SqliteErrorCode == 19 && ex.Message.Contains(name, StringComparison.Ordinal);
}
