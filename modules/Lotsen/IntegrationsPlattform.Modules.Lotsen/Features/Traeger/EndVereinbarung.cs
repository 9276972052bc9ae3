using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record EndVereinbarung(string TraegerId, string VereinbarungId, string? Ende) : ICommand<Done>;

internal sealed class EndVereinbarungValidator : IValidator<EndVereinbarung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(EndVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.Day("ende", request.Ende, required: true);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class EndVereinbarungHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<EndVereinbarung, Done>
{
    private sealed record Zeile(string Beginn, string? Ende, string? BeendetAm);

    public async Task<Done> Handle(EndVereinbarung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await Vereinbarungsende.BeendeAbgelaufeneAsync(tx, clock.Today, clock.UtcNow, deployment);
        var v = await tx.Connection.QuerySingleOrDefaultAsync<Zeile>(
            "SELECT beginn, ende, beendet_am AS BeendetAm FROM vereinbarungen WHERE id = @id AND traeger_id = @traegerId",
            new { id = request.VereinbarungId, traegerId = request.TraegerId }, tx.Sql) ?? throw new RecordNotFoundException("Vereinbarung nicht gefunden.");
        if (v.BeendetAm is not null)
        {
            throw new DomainRuleException(v.Ende is { } zum
                ? $"Diese Vereinbarung ist schon beendet (zum {GermanFormat.Day(GermanFormat.ParseStoredDay(zum))})."
                : "Diese Vereinbarung ist schon beendet.");
        }

        var ende = GermanFormat.ParseStoredDay(request.Ende!.Trim());
        if (TraegerRegeln.PruefeEnde(GermanFormat.ParseStoredDay(v.Beginn), ende) is { } fehler)
        {
            throw new RequestValidationException([fehler]);
        }

        if (ende > clock.Today)
        {
            throw RequestValidationException.For("ende", "Das Ende kann nicht in der Zukunft liegen: Beenden gibt die Kommunen sofort frei.");
        }

        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        await tx.Connection.ExecuteAsync(
            "UPDATE vereinbarungen SET ende = @ende, beendet_am = @jetzt WHERE id = @id",
            new { id = request.VereinbarungId, ende = GermanFormat.StoredDay(ende), jetzt }, tx.Sql);
        await Vereinbarungsende.FreigebenAsync(tx, request.VereinbarungId, request.TraegerId, GermanFormat.ParseStoredDay(v.Beginn), ende, geplant: false, jetzt,
            TraegerSchreiben.Wer(user), deployment);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.TraegerId, "Vereinbarung beendet"), cancellationToken);
        return Done.Value;
    }
}
