using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>A measure against a barrier, starting „geplant“; returns its id.</summary>
internal sealed record CreateMassnahme(string BarriereId, MassnahmeEingabe Eingabe) : ICommand<string>;

internal sealed class CreateMassnahmeValidator : IValidator<CreateMassnahme>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateMassnahme request, CancellationToken cancellationToken)
    {
        var e = request.Eingabe;
        var errors = new List<FieldError>();
        Barrierenarten.Pruefen(errors, "art", e.Art, Barrierenarten.Massnahmen, "Maßnahme", required: true);

        errors.RequiredText("titel", e.Titel, 200, "einen Titel");
        errors.OptionalText("beschreibung", e.Beschreibung, 2000);
        errors.RequiredText("verantwortlich", e.Verantwortlich, 200, "die verantwortliche Person oder Stelle");
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateMassnahmeHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<CreateMassnahme, string>
{
    public async Task<string> Handle(CreateMassnahme request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var barriereId = request.BarriereId.ToLowerInvariant();
        if (await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM barrieren WHERE id = @barriereId", new { barriereId }, tx.Sql) == 0)
        {
            throw new RecordNotFoundException("Barriere nicht gefunden.");
        }

        var e = request.Eingabe;
        var id = Guid.CreateVersion7().ToString();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO massnahmen (id, barriere_id, art, titel, beschreibung, verantwortlich, status, status_seit, angelegt_am, angelegt_von)
            VALUES (@id, @barriereId, @art, @titel, @beschreibung, @verantwortlich, @status, @jetzt, @jetzt, @wer)
            """,
            new
            {
                id,
                barriereId,
                art = e.Art!.Trim(),
                titel = e.Titel!.Trim(),
                beschreibung = AngebotSchreiben.Sauber(e.Beschreibung),
                verantwortlich = e.Verantwortlich!.Trim(),
                status = Lebenszyklen.Massnahme.Start.Key,
                jetzt,
                wer = AngebotSchreiben.Wer(user),
            },
            tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Massnahme", id, $"gegen Barriere {barriereId}"), cancellationToken);
        return id;
    }
}
