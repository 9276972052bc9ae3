using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Modules;

namespace IntegrationsPlattform.Host.Security;

/// <summary>Every permission that can be granted: the host's own plus those of the running modules.</summary>
internal sealed class PermissionCatalog(ModuleRegistry registry)
{
    public const string PlatformAdmin = "platform.admin";
    public const string PlatformAudit = "platform.audit";
    public const string PlatformDataSubjects = "platform.dsgvo";

    private static readonly PermissionDefinition[] HostPermissions =
    [
        new(PlatformAdmin, "Plattform verwalten (Module, Benutzer, Rollen, Aufträge)"),
        new(PlatformAudit, "Protokoll der Zugriffe auf personenbezogene Daten einsehen"),
        new(PlatformDataSubjects, "Auskunft und Löschung nach DSGVO durchführen"),
    ];

    public IReadOnlyList<(string Source, PermissionDefinition Permission)> All
        => HostPermissions.Select(p => ("Plattform", p))
            .Concat(registry.Running.SelectMany(m => m.Instance!.Permissions.Select(p => (m.DisplayName, p))))
            .ToList();

    public PermissionDefinition? Find(string key) => All.Select(p => p.Permission).FirstOrDefault(p => p.Key == key);
}
