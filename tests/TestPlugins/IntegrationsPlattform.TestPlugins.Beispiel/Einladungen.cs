using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// Invited accounts in a module: the person of an entry is invited as a member of the entry's working group, by the
/// staff who manage that group, and the entry learns the account once the person has created it — as a council
/// invites its members and keeps their accounts on its member records.
/// </summary>
internal static class Einladungen
{
    /// <summary>Held per working group by the staff who look after it: they invite its members.</summary>
    public const string Verwalten = "beispiel.arbeitskreise.verwalten";

    public const string MitgliedRolle = "beispiel.mitglied";

    public static readonly InvitableRole Mitglied = new(MitgliedRolle, "Arbeitskreis-Mitglied", [BeispielModule.Lesen, BeispielModule.Schreiben])
    {
        Groups = Arbeitskreise.Art,
        ManagedBy = Verwalten,
    };

    public static void MapEinladungen(this ModuleApiBuilder api)
        => api.Group.MapPost("/eintraege/{id:guid}/einladung", async (Guid id, IMediator mediator, CancellationToken ct)
                => new EinladungVerschickt(await mediator.Send(new PersonEinladen(id), ct)))
            .RequirePermission(Verwalten);
}

internal sealed record EinladungVerschickt(Guid Einladung);

/// <summary>Invites the entry's person into the entry's working group; the host checks that the user manages that group.</summary>
internal sealed record PersonEinladen(Guid EintragId) : IQuery<Guid>;

internal sealed class PersonEinladenHandler(IModuleDatabase<BeispielModule> database, IAccountInvitations invitations) : IRequestHandler<PersonEinladen, Guid>
{
    public async Task<Guid> Handle(PersonEinladen request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var person = await connection.QuerySingleOrDefaultAsync<(string? Name, string? Email, string? Arbeitskreis)?>(
            "SELECT person_name, person_email, arbeitskreis FROM eintraege WHERE id = @id", new { id = request.EintragId.ToString() })
            ?? throw new RecordNotFoundException("Eintrag nicht gefunden.");
        if (person.Email is null || person.Arbeitskreis is null)
        {
            throw new DomainRuleException("Eingeladen werden nur Personen mit E-Mail-Adresse, deren Eintrag zu einem Arbeitskreis gehört.");
        }

        return await invitations.InviteAsync(
            new AccountInvitation(person.Email, person.Name ?? "", Einladungen.MitgliedRolle, ScopeKind.Groups) { Groups = [person.Arbeitskreis], RecordKey = request.EintragId.ToString() },
            cancellationToken);
    }
}

/// <summary>The module's part of an accepted invitation: the entry keeps the new account's user name.</summary>
internal sealed class MitgliedKontoVerknuepfen(IMediator mediator) : IInvitedAccountHandler
{
    public string RoleKey => Einladungen.MitgliedRolle;

    public async Task AccountCreatedAsync(InvitedAccount account, CancellationToken cancellationToken)
        => await mediator.Send(new KontoVerknuepfen(Guid.Parse(account.RecordKey), account.UserName), cancellationToken);
}

internal sealed record KontoVerknuepfen(Guid EintragId, string UserName) : ICommand<Done>;

internal sealed class KontoVerknuepfenHandler(IModuleDatabase<BeispielModule> database, IAuditTrail audit) : IRequestHandler<KontoVerknuepfen, Done>
{
    public async Task<Done> Handle(KontoVerknuepfen request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = request.EintragId.ToString();
        var titel = await tx.Connection.ExecuteScalarAsync<string?>("SELECT titel FROM eintraege WHERE id = @id", new { id }, tx.Sql)
            ?? throw new RecordNotFoundException("Eintrag nicht gefunden.");
        await tx.Connection.ExecuteAsync("UPDATE eintraege SET konto = @konto WHERE id = @id", new { konto = request.UserName, id }, tx.Sql);
        tx.PublishAfterCommit(new LinkableRecordChanged("Beispiel", EintraegeVerknuepfbar.Art, id, titel, EintraegeVerknuepfbar.Status(request.UserName), EintraegeVerknuepfbar.Link(id)));
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Eintrag", request.EintragId.ToString(), "Konto aus Einladung verknüpft"), cancellationToken);
        return Done.Value;
    }
}
