using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Trainer;

/// <summary>
/// Trainers are invited accounts (README, „Schulungen“): staff invite a trainer record's person by e-mail, and once she
/// has created her account the record keeps its id and user name — through which her own-records grant of
/// <see cref="SchulungenModule.Anwesenheit"/> reaches exactly the sessions she leads.
/// </summary>
internal static class TrainerEinladung
{
    public const string RolleKey = "schulungen.trainer";

    /// <summary>
    /// The staff who run the trainings (<see cref="SchulungenModule.Verwalten"/>, always for the whole Kreis) invite; trainers
    /// and municipality grants of <see cref="SchulungenModule.Anwesenheit"/> are neither offered the role nor may invite.
    /// </summary>
    public static readonly InvitableRole Rolle = new(RolleKey, "Trainerin/Trainer Schulungen", [SchulungenModule.Anwesenheit])
    {
        ManagedBy = SchulungenModule.Verwalten,
    };

    public static void MapEinladung(RouteGroupBuilder trainer)
        => trainer.MapPost("/{id:guid}/einladung", async (Guid id, IMediator mediator, CancellationToken ct)
                => Results.Created($"/api/schulungen/trainer/{id}", new TrainerEingeladen(await mediator.Send(new TrainerEinladen(id), ct))))
            .RequirePermission(SchulungenModule.Verwalten).WithSummary("Trainerin oder Trainer per E-Mail zu einem Konto einladen");
}

internal sealed record TrainerEingeladen(Guid Einladung);

/// <summary>
/// Invites the trainer to an account that sees only her own sessions. The host stores and mails the invitation; this
/// module writes nothing until she accepts (then <see cref="TrainerKontoVerknuepfen"/>).
/// </summary>
internal sealed record TrainerEinladen(Guid TrainerId) : IQuery<Guid>;

internal sealed class TrainerEinladenHandler(IModuleDatabase<SchulungenModule> database, IAccountInvitations invitations) : IRequestHandler<TrainerEinladen, Guid>
{
    public async Task<Guid> Handle(TrainerEinladen request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var trainer = await connection.QuerySingleOrDefaultAsync<(string Name, string? Email, string? Benutzername)?>(
            "SELECT name, email, benutzername FROM trainer WHERE id = @id", new { id = request.TrainerId.ToString() })
            ?? throw new RecordNotFoundException("Trainerin oder Trainer nicht gefunden.");
        if (trainer.Benutzername is not null)
        {
            throw new DomainRuleException($"{trainer.Name} hat bereits ein Konto ({trainer.Benutzername}).");
        }

        if (trainer.Email is null)
        {
            throw RequestValidationException.For("email", $"Für {trainer.Name} ist keine E-Mail-Adresse erfasst, an die die Einladung gehen kann.");
        }

        return await invitations.InviteAsync(
            new AccountInvitation(trainer.Email, trainer.Name, TrainerEinladung.RolleKey, ScopeKind.OwnRecords) { RecordKey = request.TrainerId.ToString() },
            cancellationToken);
    }
}

/// <summary>The module's part of an accepted invitation: the trainer record keeps the new account.</summary>
internal sealed class TrainerKontoAusEinladung(IMediator mediator) : IInvitedAccountHandler
{
    public string RoleKey => TrainerEinladung.RolleKey;

    public async Task AccountCreatedAsync(InvitedAccount account, CancellationToken cancellationToken)
        => await mediator.Send(new TrainerKontoVerknuepfen(Guid.Parse(account.RecordKey), account.UserId, account.UserName), cancellationToken);
}

internal sealed record TrainerKontoVerknuepfen(Guid TrainerId, Guid KontoId, string Benutzername) : ICommand<Done>;

internal sealed class TrainerKontoVerknuepfenHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit) : IRequestHandler<TrainerKontoVerknuepfen, Done>
{
    public async Task<Done> Handle(TrainerKontoVerknuepfen request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.TrainerId.ToString();
        var geaendert = await tx.Connection.ExecuteAsync(
            "UPDATE trainer SET konto_id = @konto, benutzername = @benutzername WHERE id = @id",
            new { konto = request.KontoId.ToString(), benutzername = request.Benutzername, id },
            tx.Sql);
        if (geaendert == 0)
        {
            throw new RecordNotFoundException("Trainerin oder Trainer nicht gefunden.");
        }

        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Trainer", id, "Konto aus Einladung verknüpft"), cancellationToken);
        return Done.Value;
    }
}
