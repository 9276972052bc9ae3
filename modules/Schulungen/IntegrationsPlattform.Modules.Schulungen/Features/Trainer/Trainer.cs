using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Kurse;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Trainer;

internal sealed record TrainerZeile(string Id, string Name, string? Email, bool MitKonto);

internal sealed record TrainerEingabe(string? Name, string? Email);

/// <summary>Every trainer, by name: for choosing a session's trainers and for the staff's list.</summary>
internal sealed record ListTrainer : IQuery<IReadOnlyList<TrainerZeile>>;

internal sealed class ListTrainerHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<ListTrainer, IReadOnlyList<TrainerZeile>>
{
    public async Task<IReadOnlyList<TrainerZeile>> Handle(ListTrainer request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // The user name is the link the sessions' scope follows (the demo trainer has it without an invitation).
        return (await connection.QueryAsync<(string Id, string Name, string? Email, string? Konto)>(
                "SELECT id, name, email, benutzername FROM trainer ORDER BY name COLLATE NOCASE"))
            .Select(t => new TrainerZeile(t.Id, t.Name, t.Email, t.Konto is not null)).ToList();
    }
}

/// <summary>A trainer who leads sessions (name, e-mail for the invitation to an account).</summary>
internal sealed record CreateTrainer(string? Name, string? Email) : ICommand<string>;

internal sealed class CreateTrainerValidator : IValidator<CreateTrainer>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(CreateTrainer request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.RequiredText("name", request.Name, 200, "den Namen");
        errors.Email("email", request.Email);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class CreateTrainerHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<CreateTrainer, string>
{
    public async Task<string> Handle(CreateTrainer request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO trainer (id, name, email, angelegt_am) VALUES (@id, @name, @email, @jetzt)",
            new { id, name = request.Name!.Trim(), email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(), jetzt = GermanFormat.StoredInstant(clock.UtcNow) },
            tx.Sql);
        return id;
    }
}

/// <summary>The JSON API of the trainers under <c>/api/schulungen/trainer</c> (<see cref="SchulungenModule.Verwalten"/>).</summary>
internal static class TrainerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var trainer = api.MapGroup("/trainer").WithTags("Schulungen: Trainerinnen und Trainer");

        trainer.MapGet("", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListTrainer(), ct))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Alle Trainerinnen und Trainer");

        trainer.MapPost("", async (TrainerEingabe body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateTrainer(body.Name, body.Email), ct);
                return Results.Created($"/api/schulungen/trainer/{id}", new Angelegt(id));
            })
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Trainerin oder Trainer erfassen");

        TrainerEinladung.MapEinladung(trainer);
    }
}
