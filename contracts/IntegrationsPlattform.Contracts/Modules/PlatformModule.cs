using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Contracts.Modules;

/// <summary>
/// The one entry point of a programme module. The host finds exactly one public subclass in a plugin
/// assembly, reads its <see cref="Manifest"/> and, only when the deployment enables the module, calls
/// the rest. Keep the constructor free of side effects: it also runs for disabled modules.
/// </summary>
public abstract class PlatformModule
{
    public abstract ModuleManifest Manifest { get; }

    /// <summary>
    /// Registers the module's services. The default scans the module assembly with Scrutor for MediatR
    /// handlers, validators, indicator providers and data-subject handlers (internal types included).
    /// </summary>
    public virtual void ConfigureServices(IServiceCollection services, ModuleContext context)
        => ModuleServiceScan.AddModuleDefaults(services, GetType().Assembly);

    /// <summary>Maps the module's JSON API; the group is already at <c>/api/&lt;module&gt;</c>.</summary>
    public virtual void MapApi(ModuleApiBuilder api)
    {
    }

    /// <summary>
    /// Maps downloads for the module's pages (e.g. CSV exports) under <c>/&lt;module&gt;/…</c>, signed in
    /// by the page cookie. Like API endpoints, each must declare its permission.
    /// </summary>
    public virtual void MapPageEndpoints(ModulePageEndpointBuilder pages)
    {
    }

    /// <summary>Permissions this module defines; admins grant them to roles.</summary>
    public virtual IReadOnlyList<PermissionDefinition> Permissions => [];

    /// <summary>Entries in the main navigation; each is shown only to users holding its permission.</summary>
    public virtual IReadOnlyList<NavigationEntry> Navigation => [];

    /// <summary>Recurring work the host runs (e.g. retention clean-up).</summary>
    public virtual IReadOnlyList<ScheduledJobDefinition> Jobs => [];

    /// <summary>Page routes under <c>/&lt;module&gt;/…</c> that need no login (e.g. a public directory).</summary>
    public virtual IReadOnlyList<string> PublicPagePrefixes => [];

    /// <summary>Roles people can be invited to by e-mail (see <see cref="IAccountInvitations"/>), e.g. a council's members.</summary>
    public virtual IReadOnlyList<InvitableRole> InvitableRoles => [];

    /// <summary>Demo accounts with their roles, created only when the host seeds demo data.</summary>
    public virtual IReadOnlyList<DemoAccount> DemoAccounts => [];
}
