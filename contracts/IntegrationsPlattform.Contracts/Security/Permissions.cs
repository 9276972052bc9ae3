using Microsoft.AspNetCore.Authorization;

namespace IntegrationsPlattform.Contracts.Security;

/// <summary>
/// A permission a module defines, e.g. <c>lotsen.anfragen.bearbeiten</c>. <paramref name="Scopable"/>
/// permissions can be granted for some municipalities only or for the user's own records only, and — when
/// <see cref="Groups"/> names a kind of group the module declares — for some groups of that kind.
/// </summary>
public sealed record PermissionDefinition(string Key, string DisplayName, bool Scopable = false)
{
    /// <summary>The kind of group this permission can be granted for (only for a scopable one); null: none.</summary>
    public ScopeGroupKind? Groups { get; init; }
}

public static class PermissionPolicy
{
    public const string Prefix = "perm:";

    public static string For(string permissionKey) => Prefix + permissionKey;
}

/// <summary>On a page (Razor component) or endpoint: the user must hold this permission.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permissionKey)
    {
        PermissionKey = permissionKey;
        Policy = PermissionPolicy.For(permissionKey);
    }

    public string PermissionKey { get; }
}

/// <summary>Marks an API endpoint as deliberately public (no login).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PublicEndpointAttribute : AllowAnonymousAttribute;

/// <summary>How far a grant reaches.</summary>
public enum ScopeKind
{
    All,
    Municipalities,
    OwnRecords,

    /// <summary>Some groups of the kind the permission declares (<see cref="PermissionDefinition.Groups"/>).</summary>
    Groups,
}

/// <summary>
/// A grant of one permission to the current user, with its scope; modules check records against it with
/// <see cref="RecordScope"/>. A user whose roles grant the same permission for municipalities and for groups holds
/// both: the record is in scope when it lies in one of the municipalities or belongs to one of the groups.
/// </summary>
public sealed record PermissionScope(ScopeKind Kind, IReadOnlySet<string> MunicipalityAgs)
{
    public static readonly PermissionScope All = new(ScopeKind.All, new HashSet<string>());

    /// <summary>The ids of the granted groups (<see cref="ScopeKind.Groups"/>).</summary>
    public IReadOnlySet<string> GroupIds { get; init; } = new HashSet<string>();
}

/// <summary>The signed-in user as modules see them.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    string? UserName { get; }

    /// <summary>The person's name as shown in the UI (e.g. "recorded by").</summary>
    string? DisplayName { get; }

    bool IsAuthenticated { get; }

    bool Has(string permissionKey);

    /// <summary>The widest scope the user holds for a permission, or null without it.</summary>
    PermissionScope? ScopeOf(string permissionKey);
}
