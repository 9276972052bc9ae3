using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Components.Pages.Admin;

/// <summary>How the admin pages put stored values (times, enum names, scopes, intervals) into German words.</summary>
internal static class AdminText
{
    public static string Scope(RoleGrant grant, DeploymentInfo deployment) => grant.Scope switch
    {
        ScopeKind.Municipalities => "bestimmte Kommunen: " + string.Join(", ", grant.Municipalities.Select(a => deployment.FindMunicipality(a)?.Name ?? a)),
        ScopeKind.OwnRecords => "nur eigene Datensätze",
        _ => "alle",
    };

    /// <summary>A granted permission's name and where it comes from; a module that is not running leaves only the key.</summary>
    public static (string Name, string Source) Permission(PermissionCatalog catalog, string key)
        => catalog.All.FirstOrDefault(p => p.Permission.Key == key) is { Permission: not null } known
            ? (known.Permission.DisplayName, known.Source)
            : (key, "Modul nicht aktiv");
}
