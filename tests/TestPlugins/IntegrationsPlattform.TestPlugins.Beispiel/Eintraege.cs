using Dapper;
using IntegrationsPlattform.Contracts.Beispiel;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <param name="Arbeitskreis">The id of the working group the entry belongs to (<see cref="Arbeitskreise"/>), or null.</param>
internal sealed record CreateEintrag(string? Titel, string? KommuneAgs, string? PersonName, string? PersonEmail, string? Arbeitskreis) : ICommand<Guid>;

internal sealed record EintragDto(string Id, string Titel, string KommuneAgs, string CreatedAt, string? Arbeitskreis);

internal sealed record ListEintraege(string? KommuneAgs) : IQuery<IReadOnlyList<EintragDto>>;

internal sealed record GetEintrag(Guid Id) : IQuery<EintragDto>;

internal sealed class CreateEintragValidator(IMediator mediator) : IValidator<CreateEintrag>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(CreateEintrag request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("titel", request.Titel, 100, "einen Titel");
        errors.Municipality("kommuneAgs", request.KommuneAgs, await mediator.Send(new GetDeployment(), cancellationToken), required: true);

        if (request.Arbeitskreis is not null && Arbeitskreise.Alle.All(a => a.Id != request.Arbeitskreis))
        {
            errors.Add(new FieldError("arbeitskreis", "Diesen Arbeitskreis gibt es nicht."));
        }

        return errors;
    }
}

internal sealed class CreateEintragHandler(IModuleDatabase<BeispielModule> database, IAuditTrail audit, ICurrentUser user, TimeProvider time) : IRequestHandler<CreateEintrag, Guid>
{
    public async Task<Guid> Handle(CreateEintrag request, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var tx = database.Transaction;
        await tx.Connection.ExecuteAsync(
            "INSERT INTO eintraege (id, titel, kommune_ags, person_name, person_email, created_at, arbeitskreis) VALUES (@id, @titel, @ags, @name, @email, @now, @arbeitskreis)",
            new { id = id.ToString(), titel = request.Titel, ags = request.KommuneAgs, name = request.PersonName, email = request.PersonEmail, now = time.GetUtcNow().ToString("O"), arbeitskreis = request.Arbeitskreis },
            tx.Sql);
        tx.PublishAfterCommit(new BeispielEintragAngelegt(id, request.KommuneAgs!));
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Eintrag", id.ToString()), cancellationToken);
        // Checked late on purpose, after the write and its audit entry (a real module checks first): the host tests
        // show with them that a command failing at its end leaves neither behind, and that the refusal of a write
        // outside the user's scope is recorded all the same. An entry has no owner: its municipality and working group count.
        var arbeitskreis = request.Arbeitskreis is null ? [] : new[] { request.Arbeitskreis };
        RecordScope.Of(user, BeispielModule.Schreiben).EnsureWritable([request.KommuneAgs!], null, "Eintrag", null, "kommuneAgs", arbeitskreis);
        if (!string.IsNullOrWhiteSpace(request.PersonEmail) && string.IsNullOrWhiteSpace(request.PersonName))
        {
            throw new DomainRuleException("Eine E-Mail-Adresse wird nur zusammen mit dem Namen der Person gespeichert.");
        }

        return id;
    }
}

internal sealed class ListEintraegeHandler(IModuleDatabase<BeispielModule> database, ICurrentUser user, IAuditTrail audit) : IRequestHandler<ListEintraege, IReadOnlyList<EintragDto>>
{
    public async Task<IReadOnlyList<EintragDto>> Handle(ListEintraege request, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { ags = request.KommuneAgs });
        var visible = RecordScope.Of(user, BeispielModule.Lesen).SqlCondition(ags => $"kommune_ags IN {ags}", null, parameters, groupColumn: "arbeitskreis");
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<EintragDto>(
            $"SELECT id, titel, kommune_ags AS KommuneAgs, created_at AS CreatedAt, arbeitskreis FROM eintraege WHERE {visible} AND (@ags IS NULL OR kommune_ags = @ags) ORDER BY created_at",
            parameters)).ToList();
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Eintrag", null, $"Filter Kommune={request.KommuneAgs ?? "alle"}, {rows.Count} Treffer"), cancellationToken);
        return rows;
    }
}

/// <summary>
/// One entry by id. It returns no personal fields (name, e-mail), so it is not a detail view of a
/// personal record and writes no audit entry; the benchmark (build/bench.sh) uses it as the
/// single-row read through MediatR, behaviours and Dapper.
/// </summary>
internal sealed class GetEintragHandler(IModuleDatabase<BeispielModule> database, ICurrentUser user) : IRequestHandler<GetEintrag, EintragDto>
{
    public async Task<EintragDto> Handle(GetEintrag request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EintragDto>(
            "SELECT id, titel, kommune_ags AS KommuneAgs, created_at AS CreatedAt, arbeitskreis FROM eintraege WHERE id = @id",
            new { id = request.Id.ToString() });

        // Outside the user's municipalities and working groups it is answered like a missing entry: its existence is not disclosed.
        return row is not null && RecordScope.Of(user, BeispielModule.Lesen).CanRead([row.KommuneAgs], null, row.Arbeitskreis is null ? [] : [row.Arbeitskreis]) ? row : throw new RecordNotFoundException("Eintrag nicht gefunden.");
    }
}

internal sealed class CountHandler(IModuleDatabase<BeispielModule> database) : IRequestHandler<CountBeispielEintraege, int>
{
    public async Task<int> Handle(CountBeispielEintraege request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM eintraege WHERE kommune_ags = @ags", new { ags = request.KommuneAgs });
    }
}

/// <summary>A stock (all entries) and a flow (entries of the period), both adding up over the municipalities.</summary>
internal sealed partial class EintraegeIndicators(IModuleDatabase<BeispielModule> database, ILocalClock clock) : IIndicatorProvider, IIndicatorBackfill
{
    public IReadOnlyList<IndicatorDefinition> Definitions { get; } =
    [
        new("beispiel.eintraege", "Einträge", "Anzahl", IndicatorLevel.Municipality),
        new("beispiel.neu", "Neue Einträge", "Einträge", IndicatorLevel.Municipality) { Kind = IndicatorKind.Flow },
    ];

    public async Task<IReadOnlyList<IndicatorValue>> GetValuesAsync(IndicatorPeriod period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var all = await connection.QueryAsync<(string Ags, long Count)>("SELECT kommune_ags, count(*) FROM eintraege GROUP BY kommune_ags");
        var created = await connection.QueryAsync<(string Ags, long Count)>(
            "SELECT kommune_ags, count(*) FROM eintraege WHERE created_at >= @from AND created_at < @to GROUP BY kommune_ags",
            new { from = clock.ToUtc(period.From, TimeOnly.MinValue).ToString("O"), to = clock.ToUtc(period.To.AddDays(1), TimeOnly.MinValue).ToString("O") });
        return all.Select(r => new IndicatorValue("beispiel.eintraege", r.Count, r.Ags))
            .Concat(created.Select(r => new IndicatorValue("beispiel.neu", r.Count, r.Ags)))
            .ToList();
    }
}

internal sealed class AufraeumenJob : IScheduledJob
{
    public Task<string> RunAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult("0 Einträge entfernt");
}
