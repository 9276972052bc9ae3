namespace IntegrationsPlattform.Contracts.Security;

/// <summary>
/// A role people can be invited to by e-mail, declared by a module (<see cref="Modules.PlatformModule.InvitableRoles"/>):
/// council members, trainers, health providers. <paramref name="Key"/> is unique in the installation (prefix it with the
/// module id), <paramref name="DisplayName"/> the German name of the role, <paramref name="Permissions"/> the module's
/// permissions the invited person gets — the scopable ones for the invitation's scope, the others without limit.
/// </summary>
public sealed record InvitableRole(string Key, string DisplayName, IReadOnlyList<string> Permissions)
{
    /// <summary>The kind of group an invitation into this role names (a council, a provider); null: municipalities or all.</summary>
    public ScopeGroupKind? Groups { get; init; }

    /// <summary>
    /// The permission of the staff who manage such groups: whoever holds it may invite to this role, but only into the
    /// groups (or municipalities) their own grant of it reaches. Null: only admins invite to it.
    /// </summary>
    public string? ManagedBy { get; init; }
}

/// <summary>
/// An invitation to one person: a role a module declares and its scope (<see cref="ScopeKind.Groups"/> with
/// <see cref="Groups"/>, <see cref="ScopeKind.Municipalities"/> with <see cref="Municipalities"/>,
/// <see cref="ScopeKind.OwnRecords"/> or <see cref="ScopeKind.All"/>). <see cref="RecordKey"/> names the inviting
/// module's own record of the person (a council member, a trainer): when the account is created, the module's
/// <see cref="IInvitedAccountHandler"/> for the role gets it back with the new account.
/// </summary>
public sealed record AccountInvitation(string Email, string DisplayName, string RoleKey, ScopeKind Scope)
{
    public IReadOnlyList<string> Municipalities { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];

    public string? RecordKey { get; init; }
}

/// <summary>
/// Invites people by e-mail, run by the host: checks that the signed-in user may invite to the role and scope (admins
/// always; holders of the role's <see cref="InvitableRole.ManagedBy"/> permission within their own groups or
/// municipalities — else 403 <see cref="Messaging.OutOfScopeException"/>), stores the invitation in host.db and mails a
/// single-use link (valid <c>Platform:Accounts:InvitationLifetimeHours</c>, token stored only as its hash) on which the
/// person chooses a user name and password. Whether the address already has an account is not checked, so an
/// invitation reveals nothing about it. Audited.
/// </summary>
public interface IAccountInvitations
{
    /// <summary>Returns the invitation's id; bad input is a <see cref="Messaging.RequestValidationException"/> (400).</summary>
    Task<Guid> InviteAsync(AccountInvitation invitation, CancellationToken cancellationToken = default);
}

/// <summary>An account created from an invitation that named one of the module's records.</summary>
public sealed record InvitedAccount(Guid UserId, string UserName, string RoleKey, string RecordKey);

/// <summary>
/// What a module does when an invited person has created their account — usually storing the user name on its record,
/// as the Lotsen register keeps a Lotse's user name (found by convention like the other handlers; one per role key).
/// Runs after the account is stored; should it fail, the account stays and the failure is logged.
/// </summary>
public interface IInvitedAccountHandler
{
    /// <summary>The <see cref="InvitableRole.Key"/> it handles.</summary>
    string RoleKey { get; }

    Task AccountCreatedAsync(InvitedAccount account, CancellationToken cancellationToken);
}
