using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Accounts;

/// <summary>The roles the running modules let people be invited to, and who may invite to which.</summary>
internal sealed class InvitableRoleCatalog(ModuleRegistry registry)
{
    public IReadOnlyList<InvitableRole> All => registry.Running.SelectMany(m => m.Instance!.InvitableRoles).ToList();

    public InvitableRole? Find(string? key) => All.FirstOrDefault(r => r.Key == key);

    /// <summary>Admins invite to every role; staff to those whose managing permission they hold (in some scope).</summary>
    public IReadOnlyList<InvitableRole> InvitableBy(ICurrentUser user)
        => user.Has(PermissionCatalog.PlatformAdmin) ? All : All.Where(r => r.ManagedBy is { } managing && user.Has(managing)).ToList();
}
