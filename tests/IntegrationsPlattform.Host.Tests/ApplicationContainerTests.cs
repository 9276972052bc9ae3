using Autofac;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using MediatR;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The application container (Autofac) beside ASP.NET Core's: one set of scoped instances per scope,
/// whichever side resolves them, and each side sees the other's services.
/// </summary>
[TestFixture]
public sealed class ApplicationContainerTests : HostFixture
{
    [Test]
    public async Task BothSidesShareTheScopedInstancesOfOneScope()
    {
        await using var first = Host.Services.CreateAsyncScope();
        await using var second = Host.Services.CreateAsyncScope();
        var application = first.ServiceProvider.GetRequiredService<ApplicationScope>().Lifetime;
        Assert.Multiple(() =>
        {
            Assert.That(application.Resolve<ModuleTransactions>(), Is.SameAs(first.ServiceProvider.GetRequiredService<ModuleTransactions>()));
            Assert.That(application.Resolve<ICurrentUser>(), Is.SameAs(first.ServiceProvider.GetRequiredService<ICurrentUser>()));
            Assert.That(application.Resolve<IAuditTrail>(), Is.SameAs(first.ServiceProvider.GetRequiredService<AuditTrail>()));
            Assert.That(application.Resolve<IMediator>(), Is.SameAs(first.ServiceProvider.GetRequiredService<IMediator>()));
            Assert.That(second.ServiceProvider.GetRequiredService<ModuleTransactions>(), Is.Not.SameAs(first.ServiceProvider.GetRequiredService<ModuleTransactions>()));
        });
    }

    [Test]
    public async Task TheApplicationGetsTheFrameworkServicesOfItsScope()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var application = scope.ServiceProvider.GetRequiredService<ApplicationScope>().Lifetime;
        Assert.Multiple(() =>
        {
            // Scoped in ASP.NET Core's container: the instance of this very scope.
            Assert.That(application.Resolve<NavigationManager>(), Is.SameAs(scope.ServiceProvider.GetRequiredService<NavigationManager>()));
            Assert.That(application.Resolve<TimeProvider>(), Is.SameAs(Host.Services.GetRequiredService<TimeProvider>()));
            // A scope the application opens (a job run) is a scope of both containers.
            Assert.That(application.Resolve<IServiceScopeFactory>(), Is.SameAs(Host.Services.GetRequiredService<IServiceScopeFactory>()));
            Assert.That(application.Resolve<IServiceProvider>(), Is.SameAs(scope.ServiceProvider));
        });
    }

    [Test]
    public async Task TheFrameworkSeesEveryModulesImplementations()
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var handlers = scope.ServiceProvider.GetServices<IDataSubjectHandler>().Select(h => h.GetType().Name).ToList();
        Assert.That(handlers, Does.Contain("AccountDataSubjectHandler").And.Count.GreaterThan(1));
    }
}
