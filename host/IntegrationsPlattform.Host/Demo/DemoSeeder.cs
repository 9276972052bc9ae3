using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Demo;

/// <summary>
/// Demo accounts with documented passwords (README) and the modules' invented demo data. Refused in
/// production. Idempotent: existing accounts are left alone.
/// </summary>
internal sealed class DemoSeeder(AccountStore accounts, RoleStore roles, PermissionCatalog catalog, ModuleRegistry modules, PlatformOptions options, IServiceScopeFactory scopes, ILogger<DemoSeeder> logger)
{
    public const string AdminRole = "Administration";
    public const string StaffRole = "Fachkraft WIR-Vielfaltszentrum";

    /// <summary>User name, display name, password, role — the same table stands in the README.</summary>
    public static readonly (string UserName, string DisplayName, string Password, string Role)[] DemoUsers =
    [
        ("admin", "Demo-Administration", "Demo-Admin-2026", AdminRole),
        ("fachkraft", "Demo-Fachkraft", "Demo-Fachkraft-2026", StaffRole),
    ];

    public async Task SeedAsync(DemoSize size, CancellationToken cancellationToken)
    {
        if (options.IsProduction)
        {
            throw new InvalidOperationException("Demodaten werden in Produktion nicht angelegt.");
        }

        var adminRole = await roles.EnsureRoleAsync(AdminRole, "Verwaltet Module, Benutzer, Rollen und DSGVO-Anfragen.", cancellationToken);
        var staffRole = await roles.EnsureRoleAsync(StaffRole, "Fachkräfte, die die Programme durchführen.", cancellationToken);
        foreach (var (source, permission) in catalog.All)
        {
            var roleId = source == "Plattform" ? adminRole : staffRole;
            await roles.GrantAsync(roleId, permission.Key, ScopeKind.All, [], [], cancellationToken);
        }

        foreach (var (userName, displayName, password, role) in DemoUsers)
        {
            if (!await accounts.ExistsAsync(userName, cancellationToken))
            {
                await accounts.CreateAsync(userName, displayName, null, password, isDemo: true, [role], cancellationToken);
            }
        }

        foreach (var account in modules.Running.SelectMany(m => m.Instance!.DemoAccounts))
        {
            await SeedModuleAccountAsync(account, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            await seeder.SeedAsync(options.Deployment, size, cancellationToken);
        }

        logger.LogInformation("Demodaten für {Kreis} angelegt ({Size}).", options.Deployment.KreisName, size);
    }

    private async Task SeedModuleAccountAsync(DemoAccount account, CancellationToken cancellationToken)
    {
        var roleId = await roles.EnsureRoleAsync(account.RoleName, account.RoleDescription, cancellationToken);
        foreach (var grant in account.Grants)
        {
            await roles.GrantAsync(roleId, grant.PermissionKey, grant.Scope, grant.MunicipalityAgs ?? [], grant.GroupIds ?? [], cancellationToken);
        }

        if (!await accounts.ExistsAsync(account.UserName, cancellationToken))
        {
            await accounts.CreateAsync(account.UserName, account.DisplayName, null, account.Password, isDemo: true, [account.RoleName], cancellationToken);
        }
    }
}

/// <summary>The first administrator, from configuration (password only from the environment) or the CLI.</summary>
internal sealed class FirstAdmin(AccountStore accounts, RoleStore roles, PermissionCatalog catalog)
{
    public async Task<string> CreateAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var roleId = await roles.EnsureRoleAsync(DemoSeeder.AdminRole, "Verwaltet Module, Benutzer, Rollen und DSGVO-Anfragen.", cancellationToken);
        foreach (var (source, permission) in catalog.All.Where(p => p.Source == "Plattform"))
        {
            await roles.GrantAsync(roleId, permission.Key, ScopeKind.All, [], [], cancellationToken);
        }

        return await accounts.CreateAsync(userName, "Administration", null, password, isDemo: false, [DemoSeeder.AdminRole], cancellationToken);
    }
}
