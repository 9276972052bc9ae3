using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>A link in the main navigation; shown only to users holding <paramref name="Permission"/> (null: every signed-in user).</summary>
public sealed record NavigationEntry(string Title, string Href, string? Permission = null, int Order = 100);

/// <summary>The module's API group at <c>/api/&lt;module&gt;</c>.</summary>
public sealed class ModuleApiBuilder(ModuleManifest manifest, RouteGroupBuilder group)
{
    public ModuleManifest Manifest { get; } = manifest;

    public RouteGroupBuilder Group { get; } = group;
}

/// <summary>
/// The module's group at <c>/&lt;module&gt;</c> for answers its pages need that are not pages: file
/// downloads such as CSV exports. Signed in by the page cookie; not part of the OpenAPI document.
/// </summary>
public sealed class ModulePageEndpointBuilder(ModuleManifest manifest, RouteGroupBuilder group)
{
    public ModuleManifest Manifest { get; } = manifest;

    public RouteGroupBuilder Group { get; } = group;
}

public static class EndpointPermissionExtensions
{
    /// <summary>The endpoint answers only to callers holding the permission (401 without login, 403 without the grant).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string permissionKey)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RequirePermissionAttribute(permissionKey));

    /// <summary>The endpoint is deliberately open to everyone.</summary>
    public static TBuilder AsPublic<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new PublicEndpointAttribute());
}
