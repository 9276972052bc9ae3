using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>A new session of a published course with at least one appointment; it starts as „geplant“.</summary>
internal sealed record CreateTermin(
    string? KursId, string? Kommune, int? Kapazitaet, int? MaxWarteliste, string? Anmeldeschluss, string? Notiz,
    IReadOnlyList<ZeitEingabe>? Zeiten, IReadOnlyList<string>? Trainer) : ICommand<string>, ITerminDaten;

internal sealed class CreateTerminValidator(DeploymentInfo deployment) : IValidator<CreateTermin>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateTermin request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!Guid.TryParse(request.KursId, out _))
        {
            errors.Add(new FieldError("kursId", "Bitte den Kurs wählen."));
        }

        TerminPruefung.Stammdaten(errors, request, deployment);
        var zeiten = request.Zeiten ?? [];
        if (zeiten.Count == 0)
        {
            errors.Add(new FieldError("zeiten", "Bitte mindestens einen Termintag mit Uhrzeit angeben."));
        }

        var geprueft = zeiten.Select((z, i) => TerminPruefung.Zeit(errors, z, zeiten.Count == 1 ? "" : $"zeiten[{i}].")).ToList();
        TerminPruefung.Anmeldeschluss(errors, request.Anmeldeschluss, geprueft.Where(z => z is not null).Select(z => z!.Beginn).Order(StringComparer.Ordinal).FirstOrDefault());
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateTerminHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<CreateTermin, string>
{
    public async Task<string> Handle(CreateTermin request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var kursId = Guid.Parse(request.KursId!).ToString();
        var kursStatus = await tx.Connection.QuerySingleOrDefaultAsync<string>("SELECT status FROM kurse WHERE id = @kursId", new { kursId }, tx.Sql)
                         ?? throw RequestValidationException.For("kursId", "Diesen Kurs gibt es nicht.");
        if (kursStatus != "veroeffentlicht")
        {
            throw new DomainRuleException($"Termin: Termine gibt es nur für veröffentlichte Kurse; dieser Kurs ist „{Lebenszyklen.Kurs.Label(kursStatus)}“.");
        }

        var id = Guid.CreateVersion7().ToString();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, notiz, angelegt_am, geaendert_am)
            VALUES (@id, @kursId, @kommune, @kapazitaet, @maxWarteliste, @anmeldeschluss, @status, @jetzt, @notiz, @jetzt, @jetzt)
            """,
            new
            {
                id, kursId, jetzt,
                kommune = TerminSchreiben.Sauber(request.Kommune),
                kapazitaet = request.Kapazitaet,
                maxWarteliste = request.MaxWarteliste ?? 0,
                anmeldeschluss = request.Anmeldeschluss,
                status = Lebenszyklen.Termin.Start.Key,
                notiz = TerminSchreiben.Sauber(request.Notiz),
            },
            tx.Sql);
        foreach (var zeit in request.Zeiten!)
        {
            var geprueft = TerminPruefung.Zeit([], zeit, "")!;
            await TerminSchreiben.ZeitNeuAsync(tx, id, geprueft);
        }

        await TerminSchreiben.SetzeTrainerAsync(tx, id, request.Trainer);
        return id;
    }
}
