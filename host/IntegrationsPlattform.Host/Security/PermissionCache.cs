using System.Collections.Concurrent;
using Dapper;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Security;

/// <summary>What a signed-in user may do right now, as checked on every request.</summary>
internal sealed record UserGrants(string UserId, string UserName, string DisplayName, bool IsActive, string SecurityStamp, IReadOnlyDictionary<string, PermissionScope> Permissions);

/// <summary>
/// Grants per user, cached in memory because every request needs them. Any change to users, roles,
/// grants or API tokens clears the whole cache, so a revoked right is gone on the next request.
/// <see cref="Generation"/> counts these changes: a load that overlapped one is not kept, and the
/// valid-token cache of <see cref="TokenService"/> trusts only what it read in the current generation.
/// </summary>
internal sealed class PermissionCache(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, UserGrants?> _byUser = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Call after the change is committed.</summary>
    public void Clear()
    {
        // Counted before clearing, so that a load that read the old state and stores it after the clear
        // sees a new generation and takes its result out again.
        Interlocked.Increment(ref _generation);
        _byUser.Clear();
    }

    public async Task<UserGrants?> GetAsync(string userId)
    {
        if (_byUser.TryGetValue(userId, out var cached))
        {
            return cached;
        }

        var generation = Generation;
        var loaded = await LoadAsync(userId);
        _byUser[userId] = loaded;
        if (Generation != generation)
        {
            // A change was committed while loading: what was read may predate it.
            _byUser.TryRemove(new KeyValuePair<string, UserGrants?>(userId, loaded));
        }

        return loaded;
    }

    private sealed record GrantRow(string Permission, string ScopeKind, string ScopeMunicipalities, string ScopeGroups);

    private async Task<UserGrants?> LoadAsync(string userId)
    {
        var database = services.GetRequiredService<HostDatabase>();
        await using var connection = await database.OpenAsync();
        var user = await connection.QuerySingleOrDefaultAsync<(string UserName, string DisplayName, long IsActive, string Stamp)>(
            "SELECT user_name, display_name, is_active, security_stamp FROM users WHERE id = @userId", new { userId });
        if (user.UserName is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<GrantRow>(
            """
            SELECT rp.permission AS Permission, rp.scope_kind AS ScopeKind, rp.scope_municipalities AS ScopeMunicipalities, rp.scope_groups AS ScopeGroups
            FROM role_permissions rp JOIN user_roles ur ON ur.role_id = rp.role_id WHERE ur.user_id = @userId
            """,
            new { userId });
        var permissions = new Dictionary<string, PermissionScope>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var scope = ToScope(row);
            permissions[row.Permission] = permissions.TryGetValue(row.Permission, out var existing) ? Widest(existing, scope) : scope;
        }

        return new UserGrants(userId, user.UserName, user.DisplayName, user.IsActive == 1, user.Stamp, permissions);
    }

    private static PermissionScope ToScope(GrantRow row)
    {
        var kind = Enum.Parse<ScopeKind>(row.ScopeKind);
        return kind == ScopeKind.All ? PermissionScope.All : new PermissionScope(kind, Ids(row.ScopeMunicipalities)) { GroupIds = Ids(row.ScopeGroups) };
    }

    private static HashSet<string> Ids(string commaSeparated) => commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Two roles granting the same permission: the user gets the union.</summary>
    internal static PermissionScope Widest(PermissionScope a, PermissionScope b)
    {
        if (a.Kind == ScopeKind.All || b.Kind == ScopeKind.All)
        {
            return PermissionScope.All;
        }

        if (IsArea(a) && IsArea(b))
        {
            // Municipalities and groups together: the record checks look at both sets, so the kind only says which came first.
            return new PermissionScope(a.Kind, a.MunicipalityAgs.Union(b.MunicipalityAgs).ToHashSet(StringComparer.Ordinal))
            {
                GroupIds = a.GroupIds.Union(b.GroupIds).ToHashSet(StringComparer.Ordinal),
            };
        }

        // Own records is the narrowest reach; a municipality or group grant is wider.
        return IsArea(a) ? a : b;
    }

    private static bool IsArea(PermissionScope scope) => scope.Kind is ScopeKind.Municipalities or ScopeKind.Groups;
}
