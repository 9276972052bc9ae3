using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Storage;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Security;

internal sealed record RoleGrant(string Permission, ScopeKind Scope, IReadOnlyList<string> Municipalities, IReadOnlyList<string> Groups);

internal sealed record Role(string Id, string Name, string Description, IReadOnlyList<RoleGrant> Grants);

/// <summary>Roles and the permissions granted to them, kept in host.db.</summary>
internal sealed class RoleStore(HostDatabase database, PermissionCache cache, PermissionCatalog catalog)
{
    public async Task<IReadOnlyList<Role>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var roles = await connection.QueryAsync<(string Id, string Name, string Description)>("SELECT id, name, description FROM roles ORDER BY name");
        var grants = (await connection.QueryAsync<(string RoleId, string Permission, string ScopeKind, string ScopeMunicipalities, string ScopeGroups)>(
            "SELECT role_id, permission, scope_kind, scope_municipalities, scope_groups FROM role_permissions ORDER BY permission")).ToList();
        return roles.Select(r => new Role(r.Id, r.Name, r.Description, grants.Where(g => g.RoleId == r.Id)
            .Select(g => new RoleGrant(g.Permission, Enum.Parse<ScopeKind>(g.ScopeKind), g.ScopeMunicipalities.Split(',', StringSplitOptions.RemoveEmptyEntries), g.ScopeGroups.Split(',', StringSplitOptions.RemoveEmptyEntries)))
            .ToList())).ToList();
    }

    public async Task<string> EnsureRoleAsync(string name, string description, CancellationToken cancellationToken = default)
    {
        var id = await database.WriteAsync((c, t) => EnsureRoleAsync(c, t, name, description), cancellationToken);
        cache.Clear();
        return id;
    }

    /// <summary>The role of this name, made inside the caller's transaction when it is missing; the caller clears the cache after commit.</summary>
    internal static async Task<string> EnsureRoleAsync(SqliteConnection c, SqliteTransaction t, string name, string description)
    {
        var existing = await c.ExecuteScalarAsync<string?>("SELECT id FROM roles WHERE name = @name", new { name }, t);
        if (existing is not null)
        {
            return existing;
        }

        var newId = Guid.CreateVersion7().ToString();
        await c.ExecuteAsync("INSERT INTO roles (id, name, description) VALUES (@newId, @name, @description)", new { newId, name, description }, t);
        return newId;
    }

    /// <summary>
    /// Grants (or re-scopes) a permission; only permissions some running module or the host defines. The caller has
    /// checked that the municipalities belong to the Kreis and the groups exist.
    /// </summary>
    public async Task GrantAsync(string roleId, string permission, ScopeKind scope, IReadOnlyCollection<string> municipalities, IReadOnlyCollection<string> groups, CancellationToken cancellationToken = default)
    {
        var definition = catalog.Find(permission) ?? throw RequestValidationException.For("permission", $"Die Berechtigung '{permission}' gibt es in dieser Installation nicht.");
        if (scope != ScopeKind.All && !definition.Scopable)
        {
            throw RequestValidationException.For("scope", "Diese Berechtigung kann nicht eingeschränkt werden.");
        }

        if (scope == ScopeKind.Municipalities && municipalities.Count == 0)
        {
            throw RequestValidationException.For("municipalities", "Bitte mindestens eine Kommune wählen.");
        }

        if (scope == ScopeKind.Groups && definition.Groups is null)
        {
            throw RequestValidationException.For("scope", "Diese Berechtigung lässt sich nicht auf Gruppen einschränken.");
        }

        if (scope == ScopeKind.Groups && groups.Count == 0)
        {
            throw RequestValidationException.For("groups", $"Bitte mindestens eine Gruppe wählen ({definition.Groups!.PluralName}).");
        }

        await database.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM roles WHERE id = @roleId", new { roleId }, t) == 0)
            {
                throw new RecordNotFoundException("Rolle nicht gefunden.");
            }

            await UpsertGrantAsync(c, t, roleId, permission, scope, municipalities, groups);
        }, cancellationToken);
        cache.Clear();
    }

    /// <summary>Grants or re-scopes a checked permission inside the caller's transaction; the caller clears the cache after commit.</summary>
    internal static Task UpsertGrantAsync(SqliteConnection c, SqliteTransaction t, string roleId, string permission, ScopeKind scope, IReadOnlyCollection<string> municipalities, IReadOnlyCollection<string> groups)
        => c.ExecuteAsync(
            """
            INSERT INTO role_permissions (role_id, permission, scope_kind, scope_municipalities, scope_groups) VALUES (@roleId, @permission, @scope, @municipalities, @groups)
            ON CONFLICT (role_id, permission) DO UPDATE SET scope_kind = excluded.scope_kind, scope_municipalities = excluded.scope_municipalities, scope_groups = excluded.scope_groups
            """,
            new
            {
                roleId,
                permission,
                scope = scope.ToString(),
                municipalities = scope == ScopeKind.Municipalities ? string.Join(',', municipalities) : "",
                groups = scope == ScopeKind.Groups ? string.Join(',', groups.Distinct()) : "",
            },
            t);

    public async Task RevokeAsync(string roleId, string permission, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync("DELETE FROM role_permissions WHERE role_id = @roleId AND permission = @permission", new { roleId, permission }, t);
            await AdminGuard.EnsureAnAdministratorRemainsAsync(c, t);
        }, cancellationToken);
        cache.Clear();
    }

    public async Task SetUserRolesAsync(string userId, IReadOnlyCollection<string> roleIds, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async (c, t) =>
        {
            if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE id = @userId", new { userId }, t) == 0)
            {
                throw new RecordNotFoundException("Benutzer nicht gefunden.");
            }

            await c.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @userId", new { userId }, t);
            foreach (var roleId in roleIds.Distinct())
            {
                if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM roles WHERE id = @roleId", new { roleId }, t) == 0)
                {
                    throw RequestValidationException.For("roles", "Eine der gewählten Rollen gibt es nicht.");
                }

                await c.ExecuteAsync("INSERT INTO user_roles (user_id, role_id) VALUES (@userId, @roleId)", new { userId, roleId }, t);
            }

            await AdminGuard.EnsureAnAdministratorRemainsAsync(c, t);
        }, cancellationToken);
        cache.Clear();
    }
}
