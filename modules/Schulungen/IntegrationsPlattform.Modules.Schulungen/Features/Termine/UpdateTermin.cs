using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// Changes where a session takes place, its places, waiting list, deadline, note and trainers. Places below those
/// registered are refused with the number (the capacity trigger refuses it too, also against a registration that
/// came in since).
/// </summary>
internal sealed record UpdateTermin(string Id, string? Kommune, int? Kapazitaet, int? MaxWarteliste, string? Anmeldeschluss, string? Notiz, IReadOnlyList<string>? Trainer)
    : ICommand<Done>, ITerminDaten;

internal sealed class UpdateTerminValidator(DeploymentInfo deployment) : IValidator<UpdateTermin>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateTermin request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        TerminPruefung.Stammdaten(errors, request, deployment);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class UpdateTerminHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<UpdateTermin, Done>
{
    public async Task<Done> Handle(UpdateTermin request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var stand = await TerminSchreiben.LeseAsync(tx, request.Id);
        TerminSchreiben.PruefeAenderbar(stand.Status);
        var ersterBeginn = await tx.Connection.ExecuteScalarAsync<string?>("SELECT beginnt_am FROM termine WHERE id = @id", new { id = request.Id }, tx.Sql);
        var errors = new List<FieldError>();
        TerminPruefung.Anmeldeschluss(errors, request.Anmeldeschluss, ersterBeginn);
        var belegt = await tx.Connection.QuerySingleAsync<(long Plaetze, long Wartend)>(
            "SELECT count(*) FILTER (WHERE status IN @platz), count(*) FILTER (WHERE status = 'warteliste') FROM anmeldungen WHERE termin_id = @id",
            new { id = request.Id, platz = TerminRegeln.PlatzStatus }, tx.Sql);
        if (request.Kapazitaet < belegt.Plaetze)
        {
            errors.Add(new FieldError("kapazitaet", $"Angemeldet sind schon {belegt.Plaetze} Personen; weniger Plätze sind nicht möglich. Zuerst Anmeldungen auf die Warteliste setzen oder abmelden."));
        }

        if ((request.MaxWarteliste ?? 0) < belegt.Wartend)
        {
            errors.Add(new FieldError("maxWarteliste", $"Auf der Warteliste stehen schon {belegt.Wartend} Personen; sie kann nicht kleiner werden."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await TerminSchreiben.MitPlatzregelnAsync(() => tx.Connection.ExecuteAsync(
            """
            UPDATE termine SET kommune_ags = @kommune, kapazitaet = @kapazitaet, max_warteliste = @maxWarteliste, anmeldeschluss = @anmeldeschluss,
                notiz = @notiz, geaendert_am = @jetzt
            WHERE id = @id
            """,
            new
            {
                id = request.Id,
                kommune = TerminSchreiben.Sauber(request.Kommune),
                kapazitaet = request.Kapazitaet,
                maxWarteliste = request.MaxWarteliste ?? 0,
                anmeldeschluss = request.Anmeldeschluss,
                notiz = TerminSchreiben.Sauber(request.Notiz),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql));
        await TerminSchreiben.SetzeTrainerAsync(tx, request.Id, request.Trainer);
        return Done.Value;
    }
}
