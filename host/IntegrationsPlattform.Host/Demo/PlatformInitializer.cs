using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Demo;

/// <summary>
/// Runs before the web server accepts requests: creates the first admin from configuration and, in an
/// empty demo installation, the Odenwaldkreis demo data.
/// </summary>
internal sealed class PlatformInitializer(PlatformOptions options, AccountStore accounts, FirstAdmin firstAdmin, DemoSeeder demo) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.FirstAdminUserName is { } adminName && options.FirstAdminPassword is { } adminPassword && !await accounts.ExistsAsync(adminName, cancellationToken))
        {
            await firstAdmin.CreateAsync(adminName, adminPassword, cancellationToken);
        }

        if (options.SeedDemo && !await accounts.AnyUserAsync(cancellationToken))
        {
            await demo.SeedAsync(DemoSize.Showcase, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
