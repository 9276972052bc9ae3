using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record RecordVereinbarung(string TraegerId, string? Beginn, string? Ende, IReadOnlyList<string>? Kommunen, string? Foerderung) : ICommand<string>;

internal sealed class RecordVereinbarungValidator(DeploymentInfo deployment, ILocalClock clock) : IValidator<RecordVereinbarung>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordVereinbarung request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var beginn = errors.Day("beginn", request.Beginn, required: true);
        var ende = errors.Day("ende", request.Ende, required: false);
        if (beginn is { } b && TraegerRegeln.PruefeGeplantesEnde(b, ende, clock.Today) is { } fehler)
        {
            errors.Add(fehler);
        }

        errors.Municipalities("kommunen", request.Kommunen, deployment, required: true);
        errors.OptionalText("foerderung", request.Foerderung, TraegerRegeln.FoerderungMax);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class RecordVereinbarungHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<RecordVereinbarung, string>
{
    public async Task<string> Handle(RecordVereinbarung request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var status = await TraegerSchreiben.StatusAsync(tx, request.TraegerId);

        // Agreements past their planned end are ended first (also when the daily job has not run yet), so that
        // their municipalities are free for this one and the Träger itself may get a follow-up agreement.
        await Vereinbarungsende.BeendeAbgelaufeneAsync(tx, clock.Today, clock.UtcNow, deployment);
        var laufend = await tx.Connection.ExecuteScalarAsync<long>(
            $"SELECT count(*) FROM vereinbarungen v WHERE v.traeger_id = @id AND {Vereinbarungsende.Laeuft("v")}",
            new { id = request.TraegerId, heute = Vereinbarungsende.Heute(clock) }, tx.Sql);
        TraegerRegeln.PruefeVereinbarungMoeglich(status, laufend > 0);

        string Name(string ags) => deployment.MunicipalityName(ags);
        var kommunen = TraegerSchreiben.Kommunen(request.Kommunen);
        var moeglich = (await tx.Connection.QueryAsync<string>("SELECT ags FROM traeger_kommunen WHERE traeger_id = @id", new { id = request.TraegerId }, tx.Sql)).ToList();
        if (TraegerRegeln.PruefeVereinbarungsKommunen(kommunen, moeglich, Name) is { } fehler)
        {
            throw new RequestValidationException([fehler]);
        }

        var id = Guid.CreateVersion7().ToString();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var beginn = request.Beginn!.Trim();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO vereinbarungen (id, traeger_id, beginn, ende, foerderung, angelegt_am) VALUES (@id, @traegerId, @beginn, @ende, @foerderung, @jetzt)",
            new { id, traegerId = request.TraegerId, beginn, ende = TraegerSchreiben.Sauber(request.Ende), foerderung = TraegerSchreiben.Sauber(request.Foerderung), jetzt },
            tx.Sql);

        // The partial unique index ux_ein_aktiver_traeger_je_kommune is the rule: the insert of a municipality
        // another Träger holds fails, also when two writers race; here it becomes a message naming both.
        foreach (var ags in kommunen)
        {
            try
            {
                await tx.Connection.ExecuteAsync("INSERT INTO vereinbarung_kommunen (vereinbarung_id, ags, aktiv) VALUES (@id, @ags, 1)", new { id, ags }, tx.Sql);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && ex.Message.Contains("vereinbarung_kommunen.ags", StringComparison.Ordinal))
            {
                var inhaber = await tx.Connection.QuerySingleOrDefaultAsync<string>(
                    """
                    SELECT t.name FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id JOIN traeger t ON t.id = v.traeger_id
                    WHERE vk.ags = @ags AND vk.aktiv = 1
                    """,
                    new { ags }, tx.Sql);
                throw new DomainRuleException(
                    $"{Name(ags)} hat schon einen aktiven Träger: {inhaber ?? "ein anderer Träger"}. Je Kommune ist nur ein Träger zur Zeit aktiv; erst dessen Vereinbarung beenden.");
            }
        }

        var anlass = status == TraegerRegeln.Vereinbart ? "Folgevereinbarung" : "Vereinbarung";
        await TraegerSchreiben.SetzeStatusAsync(tx, request.TraegerId, status, TraegerRegeln.Vereinbart, jetzt, TraegerSchreiben.Wer(user),
            $"{anlass} ab {GermanFormat.Day(GermanFormat.ParseStoredDay(beginn))} für {string.Join(", ", kommunen.Select(Name))}");
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Traeger", request.TraegerId, "Vereinbarung erfasst"), cancellationToken);
        return id;
    }
}
