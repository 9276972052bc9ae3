using System.Reflection;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Contracts.Modules;

/// <summary>The conventional registrations of a module assembly, done once here rather than in every module.</summary>
public static class ModuleServiceScan
{
    public static void AddModuleDefaults(IServiceCollection services, Assembly moduleAssembly)
    {
        // publicOnly: false, because a module keeps its handlers internal.
        services.Scan(scan => scan.FromAssemblies(moduleAssembly)
            .AddClasses(c => c.AssignableToAny(
                typeof(IRequestHandler<,>),
                typeof(INotificationHandler<>),
                typeof(IValidator<>),
                typeof(IIndicatorProvider),
                typeof(Calendar.ICalendarProvider),
                typeof(ILinkableRecordProvider),
                typeof(Security.IScopeGroupProvider),
                typeof(IDataSubjectHandler),
                typeof(Web.IOptInHandler),
                typeof(Security.IInvitedAccountHandler),
                typeof(Demo.IDemoDataSeeder)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithTransientLifetime());
    }
}
