using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>
/// Issues a certificate to each of the session's registrations named: all or none — one who attended too little, has
/// one already or is no seat holder of the session refuses the whole command with a German message.
/// </summary>
internal sealed record IssueBescheinigungen(string TerminId, IReadOnlyList<string>? Anmeldungen) : ICommand<Ausgestellt>;

internal sealed class IssueBescheinigungenValidator : IValidator<IssueBescheinigungen>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(IssueBescheinigungen request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (request.Anmeldungen is not { Count: > 0 })
        {
            errors.Add(new FieldError("anmeldungen", "Bitte mindestens eine Person wählen, die eine Bescheinigung bekommt."));
        }
        else if (request.Anmeldungen.FirstOrDefault(id => !Guid.TryParse(id, out _)) is { } falsch)
        {
            errors.Add(new FieldError("anmeldungen", $"„{FieldRules.Echo(falsch)}“ ist keine Anmeldung dieses Termins."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class IssueBescheinigungenHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit, ILocalClock clock, DeploymentInfo deployment, SchulungenSettings settings)
    : IRequestHandler<IssueBescheinigungen, Ausgestellt>
{
    private sealed class Person
    {
        public string Vorname { get; init; } = "";
        public string Nachname { get; init; } = "";
    }

    public async Task<Ausgestellt> Handle(IssueBescheinigungen request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var liste = await BescheinigungenLesen.LadenAsync(tx.Connection, request.TerminId, clock, deployment, settings, tx.Sql);
        var zeilen = liste.Zeilen.ToDictionary(z => z.AnmeldungId, StringComparer.Ordinal);
        var gewaehlt = request.Anmeldungen!.Select(id => id.Trim().ToLowerInvariant()).Distinct().ToList();
        if (gewaehlt.FirstOrDefault(id => !zeilen.ContainsKey(id)) is { } fremd)
        {
            throw RequestValidationException.For("anmeldungen", $"„{FieldRules.Echo(fremd)}“ ist keine Anmeldung mit Platz in diesem Termin.");
        }

        foreach (var zeile in gewaehlt.Select(id => zeilen[id]))
        {
            if (zeile.BescheinigungId is not null)
            {
                throw new DomainRuleException($"{zeile.Name} hat für diesen Termin schon eine Bescheinigung ({zeile.Code}{(zeile.Zurueckgezogen ? ", zurückgezogen" : "")}).");
            }

            if (zeile.Grund is { } grund)
            {
                throw new DomainRuleException($"Für {zeile.Name} wird keine Teilnahmebescheinigung ausgestellt: {grund}");
            }
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var ids = new List<string>();
        foreach (var anmeldung in gewaehlt)
        {
            var person = await tx.Connection.QuerySingleAsync<Person>(
                "SELECT p.vorname AS Vorname, p.nachname AS Nachname FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.id = @anmeldung",
                new { anmeldung }, tx.Sql);
            var id = Guid.CreateVersion7().ToString();
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO bescheinigungen (id, code, anmeldung_id, termin_id, initialen, ausgestellt_am)
                VALUES (@id, @code, @anmeldung, @termin, @initialen, @jetzt)
                """,
                new { id, code = BescheinigungsCode.Neu(), anmeldung, termin = request.TerminId, initialen = BescheinigungsRegeln.Initialen(person.Vorname, person.Nachname), jetzt },
                tx.Sql);
            await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Bescheinigung", id, "Teilnahmebescheinigung ausgestellt"), cancellationToken);
            ids.Add(id);
        }

        return new Ausgestellt(ids);
    }
}
