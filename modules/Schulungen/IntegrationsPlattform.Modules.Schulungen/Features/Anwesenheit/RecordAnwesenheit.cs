using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>
/// Records who attended one appointment of a session: the registrations in <see cref="Anwesend"/> were there, every
/// other seat holder was not. Recording again corrects it. Each registration's state follows from its attendance over
/// all appointments (<see cref="TeilnahmeRegeln.Status"/>).
/// </summary>
internal sealed record RecordAnwesenheit(string TerminId, string? ZeitId, IReadOnlyList<string>? Anwesend) : ICommand<Done>;

internal sealed class RecordAnwesenheitValidator : IValidator<RecordAnwesenheit>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordAnwesenheit request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.ZeitId))
        {
            errors.Add(new FieldError("zeitId", "Bitte den Termintag angeben, dessen Anwesenheit erfasst wird."));
        }

        if (request.Anwesend?.FirstOrDefault(id => !Guid.TryParse(id, out _)) is { } falsch)
        {
            errors.Add(new FieldError("anwesend", $"„{FieldRules.Echo(falsch)}“ ist keine Anmeldung dieses Termins."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class RecordAnwesenheitHandler(IModuleDatabase<SchulungenModule> database, ICurrentUser user, IAuditTrail audit, ILocalClock clock, DeploymentInfo deployment)
    : IRequestHandler<RecordAnwesenheit, Done>
{
    public async Task<Done> Handle(RecordAnwesenheit request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await AnwesenheitReichweite.PruefenAsync(user, tx.Connection, request.TerminId, schreiben: true, tx.Sql);
        var vorher = await AnwesenheitLesen.LadenAsync(tx.Connection, request.TerminId, clock, deployment, tx.Sql);
        if (vorher.Status == "abgesagt")
        {
            throw new DomainRuleException("Der Termin ist abgesagt; für ihn wird keine Anwesenheit erfasst.");
        }

        var zeit = vorher.Zeiten.FirstOrDefault(z => z.Id == request.ZeitId)
                   ?? throw RequestValidationException.For("zeitId", "Diesen Termintag hat der Termin nicht.");
        if (!zeit.Erfassbar)
        {
            throw new DomainRuleException($"Der Termintag {zeit.Nummer} hat noch nicht begonnen; die Anwesenheit wird ab seinem Beginn erfasst.");
        }

        var anwesend = (request.Anwesend ?? []).Select(id => id.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var sitze = vorher.Teilnehmende.Select(t => t.AnmeldungId).ToHashSet(StringComparer.Ordinal);
        if (anwesend.FirstOrDefault(id => !sitze.Contains(id)) is { } fremd)
        {
            throw RequestValidationException.For("anwesend", $"„{FieldRules.Echo(fremd)}“ ist keine Anmeldung mit Platz in diesem Termin.");
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO anwesenheit (anmeldung_id, zeit_id, anwesend, erfasst_am, erfasst_von) VALUES (@anmeldung, @zeit, @da, @jetzt, @von)
            ON CONFLICT (anmeldung_id, zeit_id) DO UPDATE SET anwesend = excluded.anwesend, erfasst_am = excluded.erfasst_am, erfasst_von = excluded.erfasst_von
            """,
            sitze.Select(id => new { anmeldung = id, zeit = zeit.Id, da = anwesend.Contains(id) ? 1 : 0, jetzt, von = user.UserName ?? "unbekannt" }),
            tx.Sql);

        var nachher = await AnwesenheitLesen.LadenAsync(tx.Connection, request.TerminId, clock, deployment, tx.Sql);
        var neueStatus = nachher.Teilnehmende
            .Select(t => (t.AnmeldungId, t.Status, Neu: TeilnahmeRegeln.Status(AnwesenheitLesen.Teiltermine(nachher, t)) ?? "angemeldet"))
            .Where(t => t.Neu != t.Status)
            .Select(t => new { id = t.AnmeldungId, status = t.Neu, jetzt });
        await tx.Connection.ExecuteAsync("UPDATE anmeldungen SET status = @status, geaendert_am = @jetzt WHERE id = @id", neueStatus, tx.Sql);

        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Anwesenheit", request.TerminId, $"Termintag {zeit.Nummer}: {anwesend.Count} von {sitze.Count} anwesend"), cancellationToken);
        return Done.Value;
    }
}
