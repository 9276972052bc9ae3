using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Messaging.Outbox;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Accounts;

/// <summary>An invitation as its link shows it to the invited person.</summary>
internal sealed record InvitationView(string DisplayName, string RoleName, string ScopeLabel, DateTimeOffset ExpiresAt);

/// <summary>
/// The host's invitations (see <see cref="IAccountInvitations"/>): who may invite to which role and scope, the stored
/// invitation with its hashed single-use token, the mail, and the acceptance that creates the account, its role for
/// exactly that scope and the link to the module's record in one transaction.
/// </summary>
internal sealed class AccountInvitations(
    HostDatabase database,
    PlatformOptions options,
    TimeProvider time,
    IOutboxWriter outbox,
    OutboxDispatcher delivery,
    IPublicLinks links,
    ICurrentUser user,
    InvitableRoleCatalog roles,
    PermissionCatalog permissions,
    PermissionCache cache,
    AccountStore accounts,
    AuditTrail audit,
    IEnumerable<IScopeGroupProvider> groupProviders,
    IEnumerable<IInvitedAccountHandler> handlers,
    ILogger<AccountInvitations> logger) : IAccountInvitations
{
    public const string RecordType = "Einladung";

    private sealed record Row(string Id, string Email, string DisplayName, string RoleKey, string ScopeKind, string ScopeMunicipalities, string ScopeGroups, string ScopeLabel, string? RecordKey, string ExpiresAt, string? AcceptedAt);

    public async Task<Guid> InviteAsync(AccountInvitation invitation, CancellationToken cancellationToken = default)
    {
        var role = roles.Find(invitation.RoleKey);
        await EnsureMayInviteAsync(role, invitation, cancellationToken);
        var errors = new List<FieldError>();
        var email = string.IsNullOrWhiteSpace(invitation.Email)
            ? Missing(errors, "email", "Bitte die E-Mail-Adresse angeben.")
            : errors.Email("email", invitation.Email);
        var displayName = errors.RequiredText("displayName", invitation.DisplayName, 120, "den Namen der Person");
        if (role is null)
        {
            errors.Add(new FieldError("role", "Zu dieser Rolle kann niemand eingeladen werden."));
        }

        var scopeLabel = role is null ? null : await ScopeLabelAsync(errors, role, invitation, cancellationToken);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var token = SecretTokens.New();
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var address = AccountLinks.Normalize(email!);
        var invitationMail = new OutgoingMail(email!, $"Einladung zur IntegrationsPlattform ({options.Deployment.KreisName})", $"""
            Guten Tag {displayName},

            Sie sind zur IntegrationsPlattform des {options.Deployment.KreisName} eingeladen: als „{role!.DisplayName}“ ({scopeLabel}).

            Über diesen Link wählen Sie Ihren Benutzernamen und Ihr Passwort:
            {links.Absolute($"/einladung/{token}")}

            Der Link gilt {options.AccountLinks.InvitationLifetimeHours} Stunden und nur einmal. Haben Sie keine Einladung erwartet, können Sie diese E-Mail einfach löschen.
            """);
        await database.WriteAsync(async (c, t) =>
        {
            var recent = await c.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM invitations WHERE email = @address AND created_at > @hourAgo", new { address, hourAgo = AccountLinks.Stamp(now.AddHours(-1)) }, t);
            if (recent >= options.AccountLinks.MailsPerAddressPerHour)
            {
                throw RequestValidationException.For("email", "An diese Adresse gingen in der letzten Stunde schon genug Einladungen. Bitte später erneut versuchen.");
            }

            await c.ExecuteAsync(
                """
                INSERT INTO invitations (id, email, display_name, role_key, scope_kind, scope_municipalities, scope_groups, scope_label, record_key, invited_by, token_hash, created_at, expires_at)
                VALUES (@id, @address, @displayName, @roleKey, @scope, @municipalities, @groups, @scopeLabel, @recordKey, @invitedBy, @hash, @created, @expires)
                """,
                new
                {
                    id = id.ToString(),
                    address,
                    displayName,
                    roleKey = role!.Key,
                    scope = invitation.Scope.ToString(),
                    municipalities = invitation.Scope == ScopeKind.Municipalities ? string.Join(',', invitation.Municipalities.Distinct()) : "",
                    groups = invitation.Scope == ScopeKind.Groups ? string.Join(',', invitation.Groups.Distinct()) : "",
                    scopeLabel,
                    recordKey = invitation.RecordKey,
                    invitedBy = user.UserId?.ToString(),
                    hash = SecretTokens.Hash(token),
                    created = AccountLinks.Stamp(now),
                    expires = AccountLinks.Stamp(now.AddHours(options.AccountLinks.InvitationLifetimeHours)),
                },
                t);
            // With the invitation, in host.db's outbox: the mail goes out even if the host stops right after this commit.
            outbox.Mail(c, t, invitationMail);
        }, cancellationToken);
        delivery.Wake();
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, RecordType, id.ToString(), $"Rolle {role.Key} ({scopeLabel})"), "Plattform", cancellationToken);
        return id;
    }

    /// <summary>What the link of <paramref name="token"/> leads to; the invitation only while it can be accepted.</summary>
    public async Task<(LinkState State, InvitationView? Invitation)> OpenAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await FindAsync(connection, null, token);
        var state = StateOf(row);
        return state == LinkState.Valid && roles.Find(row!.RoleKey) is { } role
            ? (state, new InvitationView(row.DisplayName, role.DisplayName, row.ScopeLabel, DateTimeOffset.Parse(row.ExpiresAt, System.Globalization.CultureInfo.InvariantCulture)))
            : (state == LinkState.Valid ? LinkState.Unknown : state, null);
    }

    /// <summary>
    /// Creates the invited person's account with the chosen user name and password and gives it the invitation's role
    /// for its scope — all or nothing, and once: a used, expired or unknown link is refused (409).
    /// </summary>
    public async Task<string> AcceptAsync(string token, string? userName, string? password, string? passwordRepeat, CancellationToken cancellationToken = default)
    {
        var errors = AccountStore.ValidateNewUser(userName, "-", null, password).ToList();
        if (password is not null && password != passwordRepeat)
        {
            errors.Add(new FieldError("passwordRepeat", "Die beiden Passwörter stimmen nicht überein."));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var now = AccountLinks.Stamp(time.GetUtcNow());
        var (invitation, role, userId) = await database.WriteAsync(async (c, t) =>
        {
            var row = await FindAsync(c, t, token);
            var role = row is null ? null : roles.Find(row.RoleKey);
            var state = StateOf(row);
            if (state != LinkState.Valid || role is null)
            {
                throw new DomainRuleException(Refusal(state == LinkState.Valid ? LinkState.Unknown : state));
            }

            var userId = await accounts.InsertAsync(c, t, userName!.Trim(), row!.DisplayName, row.Email, password!, isDemo: false);
            var roleId = await RoleStore.EnsureRoleAsync(c, t, RoleName(role, row), $"Eingeladen als {role.DisplayName} ({row.ScopeLabel})");
            var scope = Enum.Parse<ScopeKind>(row.ScopeKind);
            foreach (var definition in role.Permissions.Select(permissions.Find).OfType<PermissionDefinition>())
            {
                await RoleStore.UpsertGrantAsync(c, t, roleId, definition.Key, GrantedScope(definition, role, scope), Ids(row.ScopeMunicipalities), Ids(row.ScopeGroups));
            }

            await c.ExecuteAsync("INSERT INTO user_roles (user_id, role_id) VALUES (@userId, @roleId)", new { userId, roleId }, t);
            await c.ExecuteAsync("UPDATE invitations SET accepted_at = @now, user_id = @userId WHERE id = @id", new { now, userId, id = row.Id }, t);
            return (row, role, userId);
        }, cancellationToken);
        cache.Clear();
        await audit.RecordAsync(new AuditEntry(AuditAction.Create, "Benutzerkonto", userId, $"per Einladung {invitation.Id} als {role.Key}"), "Plattform", cancellationToken);
        await LinkToRecordAsync(invitation, userId, userName!.Trim(), cancellationToken);
        return userId;
    }

    public static string Refusal(LinkState state) => state switch
    {
        LinkState.Used => "Diese Einladung wurde bereits angenommen. Bitte melden Sie sich mit Ihrem Benutzernamen an.",
        LinkState.Expired => "Diese Einladung ist abgelaufen. Bitte bitten Sie die einladende Stelle um eine neue.",
        _ => "Diesen Einladungslink gibt es nicht (mehr). Bitte prüfen Sie, ob er vollständig ist.",
    };

    /// <summary>The module's record of the person learns the new account; a failure there leaves the account and is logged.</summary>
    private async Task LinkToRecordAsync(Row invitation, string userId, string userName, CancellationToken cancellationToken)
    {
        if (invitation.RecordKey is not { } recordKey || handlers.FirstOrDefault(h => h.RoleKey == invitation.RoleKey) is not { } handler)
        {
            return;
        }

        try
        {
            await handler.AccountCreatedAsync(new InvitedAccount(Guid.Parse(userId), userName, invitation.RoleKey, recordKey), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Konto {UserId} aus Einladung {InvitationId}: das Modul konnte es nicht mit seinem Datensatz verknüpfen", userId, invitation.Id);
        }
    }

    /// <summary>
    /// Admins invite to any declared role; others only with the role's managing permission, and within their grant of it:
    /// its groups or municipalities. Anything else is refused with 403, and the refusal is audited.
    /// </summary>
    private async Task EnsureMayInviteAsync(InvitableRole? role, AccountInvitation invitation, CancellationToken cancellationToken)
    {
        if (user.Has(PermissionCatalog.PlatformAdmin))
        {
            return;
        }

        var managing = role?.ManagedBy is { } permission ? user.ScopeOf(permission) : null;
        var (field, message) = managing switch
        {
            null => ("role", "Zu dieser Rolle dürfen Sie niemanden einladen."),
            { Kind: ScopeKind.All } => (null, null),
            _ when invitation.Scope == ScopeKind.Groups && invitation.Groups.Count > 0 && invitation.Groups.All(managing.GroupIds.Contains) => (null, null),
            _ when invitation.Scope == ScopeKind.Municipalities && invitation.Municipalities.Count > 0 && invitation.Municipalities.All(managing.MunicipalityAgs.Contains) => (null, null),
            _ => (invitation.Scope == ScopeKind.Municipalities ? "municipalities" : "groups", "Sie dürfen nur in die Bereiche einladen, die Sie selbst betreuen."),
        };
        if (field is not null)
        {
            var refusal = new AuditEntry(AuditAction.Refused, RecordType, null, $"Rolle {invitation.RoleKey}: {message}");
            await audit.RecordAsync(refusal, "Plattform", cancellationToken);
            throw new OutOfScopeException(field, message!, refusal);
        }
    }

    /// <summary>Checks the scope against the role and names it in German („Arbeitskreis Sport“, „Erbach, Michelstadt“).</summary>
    private async Task<string?> ScopeLabelAsync(List<FieldError> errors, InvitableRole role, AccountInvitation invitation, CancellationToken cancellationToken)
    {
        switch (invitation.Scope)
        {
            case ScopeKind.Groups when role.Groups is null:
                errors.Add(new FieldError("scope", "Diese Rolle gilt nicht für Gruppen."));
                return null;
            case ScopeKind.Groups:
                var known = groupProviders.FirstOrDefault(p => p.Kind.Key == role.Groups.Key) is { } provider ? await provider.ListAsync(cancellationToken) : [];
                var chosen = invitation.Groups.Distinct().Select(id => known.FirstOrDefault(g => g.Id == id)).ToList();
                if (chosen.Count == 0 || chosen.Any(g => g is null))
                {
                    errors.Add(new FieldError("groups", $"Bitte {role.Groups.PluralName} aus der Liste wählen."));
                    return null;
                }

                return string.Join(", ", chosen.Select(g => g!.Name));
            case ScopeKind.Municipalities:
                var municipalities = errors.Municipalities("municipalities", invitation.Municipalities, options.Deployment, required: true);
                return string.Join(", ", municipalities.Select(m => m.Name));
            case ScopeKind.OwnRecords:
                return "nur eigene Datensätze";
            case ScopeKind.All:
                return "ohne Einschränkung";
            default:
                errors.Add(new FieldError("scope", "Reichweite: All, Municipalities, OwnRecords oder Groups."));
                return null;
        }
    }

    /// <summary>
    /// The invitation's scope for a scopable permission; a scopable permission that cannot be granted for the role's
    /// kind of group reaches the person's own records only, the narrowest scope.
    /// </summary>
    private static ScopeKind GrantedScope(PermissionDefinition definition, InvitableRole role, ScopeKind scope) => definition.Scopable switch
    {
        false => ScopeKind.All,
        true when scope == ScopeKind.Groups && definition.Groups?.Key != role.Groups?.Key => ScopeKind.OwnRecords,
        true => scope,
    };

    /// <summary>One role per invitable role and scope, shared by everyone invited into it; role names hold at most 80 characters.</summary>
    private static string RoleName(InvitableRole role, Row invitation)
    {
        var name = $"{role.DisplayName} – {invitation.ScopeLabel}";
        return name.Length <= 80 ? name : $"{role.DisplayName[..Math.Min(role.DisplayName.Length, 60)]} – {SecretTokens.Hash(invitation.ScopeKind + invitation.ScopeMunicipalities + invitation.ScopeGroups)[..12]}";
    }

    private LinkState StateOf(Row? row) => AccountLinks.StateOf(row?.AcceptedAt, row?.ExpiresAt, time.GetUtcNow());

    private static Task<Row?> FindAsync(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction? transaction, string token)
        => connection.QuerySingleOrDefaultAsync<Row?>(
            """
            SELECT id, email, display_name AS DisplayName, role_key AS RoleKey, scope_kind AS ScopeKind, scope_municipalities AS ScopeMunicipalities,
                   scope_groups AS ScopeGroups, scope_label AS ScopeLabel, record_key AS RecordKey, expires_at AS ExpiresAt, accepted_at AS AcceptedAt
            FROM invitations WHERE token_hash = @hash
            """,
            new { hash = SecretTokens.Hash(token) },
            transaction);

    private static string[] Ids(string commaSeparated) => commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static string? Missing(List<FieldError> errors, string field, string message)
    {
        errors.Add(new FieldError(field, message));
        return null;
    }
}
