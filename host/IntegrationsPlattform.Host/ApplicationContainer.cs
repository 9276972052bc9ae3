using Autofac;
using Autofac.Builder;
using Autofac.Core;
using Autofac.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host;

/// <summary>
/// The platform's application container: MediatR, the host's application services and every module's
/// services live in a private Autofac container (the composition-root pattern of kgrzybek's modular
/// monolith). ASP.NET Core's own services stay in its built-in container, which remains the host's
/// <see cref="IServiceProvider"/>: building ~300 framework registrations in Autofac, and resolving the
/// per-request ones through its pipeline, cost a third of the start-up and a tenth of each request.
/// <para>
/// The two are joined in both directions, so that neither side notices the split:
/// <list type="bullet">
/// <item>the built-in container gets one forwarder per application service type (and its
/// <c>IEnumerable</c>), so that endpoints, pages, hosted services, health checks and the framework's
/// <see cref="IServiceProviderIsService"/> see the application services;</item>
/// <item>Autofac falls back to the built-in container for everything it reports as a service and the
/// application does not register itself (<see cref="FrameworkServices"/>): loggers, options, the
/// clock, the HTTP context, …;</item>
/// <item>each built-in scope (HTTP request, job run, CLI call) owns exactly one Autofac lifetime scope
/// (<see cref="ApplicationScope"/>), opened when it first needs an application service: both sides
/// get the same scoped instances.</item>
/// </list>
/// </para>
/// </summary>
internal sealed class ApplicationContainer : IDisposable, IAsyncDisposable
{
    private readonly IContainer _container;

    private ApplicationContainer(IContainer container, IServiceProvider frameworkRoot)
    {
        _container = container;
        FrameworkRoot = frameworkRoot;
        container.Resolve<FrameworkScope>().Services = frameworkRoot;
    }

    /// <summary>The built-in container's root scope, which the Autofac root stands beside.</summary>
    public IServiceProvider FrameworkRoot { get; }

    public ILifetimeScope Root => _container;

    /// <summary>
    /// Registers the application container with the built-in one: the container itself (built when it
    /// is first needed, i.e. once the built-in container exists), the per-scope bridge and a forwarder
    /// for every service type of <paramref name="application"/> and of <paramref name="alsoForward"/>
    /// (services registered on the <see cref="ContainerBuilder"/> directly).
    /// </summary>
    public static void AddTo(IServiceCollection framework, IServiceCollection application, Action<ContainerBuilder> configure, params (Type ServiceType, ServiceLifetime Lifetime)[] alsoForward)
    {
        var forwarded = application
            .Where(d => !d.ServiceType.IsGenericTypeDefinition)
            .GroupBy(d => (d.ServiceType, d.ServiceKey))
            // The last registration of a type is the one a single resolve gets, in both containers.
            .Select(g => (g.Key.ServiceType, g.Key.ServiceKey, g.Last().Lifetime))
            .Concat(alsoForward.Select(f => (f.ServiceType, ServiceKey: (object?)null, f.Lifetime)))
            .ToList();
        var forwardedTypes = forwarded.Select(f => f.ServiceType).ToHashSet();

        framework.AddSingleton(sp => Build(sp, framework, application, configure, forwardedTypes));
        framework.AddScoped<ApplicationScope>();
        // The built-in container tracks what its forwarders return, so a disposable application service
        // resolved through it is disposed by both containers; Dispose is idempotent (.NET guideline), and
        // the built-in one goes first because the Autofac scope was opened before.
        foreach (var (serviceType, key, lifetime) in forwarded)
        {
            if (key is null)
            {
                framework.Add(new ServiceDescriptor(serviceType, sp => ScopeOf(sp, lifetime).Resolve(serviceType), lifetime));
                // Without it, the built-in container would answer GetServices<T>() with the forwarder alone.
                var all = typeof(IEnumerable<>).MakeGenericType(serviceType);
                framework.Add(new ServiceDescriptor(all, sp => ScopeOf(sp, ServiceLifetime.Transient).Resolve(all), ServiceLifetime.Transient));
            }
            else
            {
                framework.Add(new ServiceDescriptor(serviceType, key, (sp, k) => ScopeOf(sp, lifetime).ResolveKeyed(k!, serviceType), lifetime));
            }
        }
    }

    /// <summary>
    /// The Autofac scope that belongs to a built-in scope. Singletons come from the Autofac root, as
    /// does anything resolved from the built-in root (a CLI call, a test) — as before the split.
    /// </summary>
    private static ILifetimeScope ScopeOf(IServiceProvider services, ServiceLifetime lifetime)
    {
        var container = services.GetRequiredService<ApplicationContainer>();
        return lifetime == ServiceLifetime.Singleton || ReferenceEquals(services, container.FrameworkRoot)
            ? container.Root
            : services.GetRequiredService<ApplicationScope>().Lifetime;
    }

    private static ApplicationContainer Build(IServiceProvider frameworkRoot, IServiceCollection framework, IServiceCollection application, Action<ContainerBuilder> configure, HashSet<Type> forwardedTypes)
    {
        var builder = new ContainerBuilder();
        builder.Populate(application);
        configure(builder);
        builder.RegisterType<FrameworkScope>().InstancePerLifetimeScope();

        // Populate makes these Autofac's own. They are the built-in container's current scope instead:
        // a scope that application code opens (a job run, the demo seeding) must be a built-in scope,
        // so that both sides share it, and a provider handed to application code sees both sides.
        foreach (var frontDoor in new[] { typeof(IServiceProvider), typeof(IKeyedServiceProvider) })
        {
            builder.RegisterComponent(FrameworkServices.Registration(frontDoor, scope => scope, singleton: false));
        }

        foreach (var frontDoor in new[] { typeof(IServiceScopeFactory), typeof(IServiceProviderIsService), typeof(IServiceProviderIsKeyedService) })
        {
            builder.RegisterComponent(FrameworkServices.Registration(frontDoor, scope => scope.GetRequiredService(frontDoor), singleton: false));
        }

        builder.RegisterSource(new FrameworkServices(frameworkRoot.GetRequiredService<IServiceProviderIsService>(), framework, forwardedTypes));
        return new ApplicationContainer(builder.Build(), frameworkRoot);
    }

    /// <summary>Opens the Autofac scope of one built-in scope.</summary>
    internal ILifetimeScope BeginScope(IServiceProvider services)
    {
        var scope = _container.BeginLifetimeScope();
        scope.Resolve<FrameworkScope>().Services = services;
        return scope;
    }

    public void Dispose() => _container.Dispose();

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    /// <summary>The built-in scope an Autofac lifetime scope belongs to (the root's: the built-in root).</summary>
    private sealed class FrameworkScope
    {
        private IServiceProvider? _services;

        public IServiceProvider Services
        {
            get => _services ?? throw new InvalidOperationException("Ein Autofac-Bereich ohne zugehörigen ASP.NET-Core-Bereich: Bereiche nur über IServiceScopeFactory öffnen.");
            set => _services = value;
        }
    }

    /// <summary>
    /// Hands Autofac the built-in container's services the application does not register itself,
    /// resolved from the built-in scope of the resolving Autofac scope and owned by the built-in
    /// container. A framework singleton is cached as an Autofac singleton (a logger in a handler costs
    /// no second lookup); anything else is asked for each time, so that its lifetime is the built-in
    /// container's.
    /// </summary>
    private sealed class FrameworkServices : IRegistrationSource
    {
        private readonly IServiceProviderIsService _isService;
        private readonly Dictionary<Type, ServiceLifetime> _lifetimes = [];
        private readonly HashSet<Type> _forwarded;

        public FrameworkServices(IServiceProviderIsService isService, IServiceCollection framework, HashSet<Type> forwarded)
        {
            _isService = isService;
            _forwarded = forwarded;
            foreach (var descriptor in framework.Where(d => !d.IsKeyedService))
            {
                _lifetimes[descriptor.ServiceType] = descriptor.Lifetime;
            }
        }

        public bool IsAdapterForIndividualComponents => false;

        public IEnumerable<IComponentRegistration> RegistrationsFor(Service service, Func<Service, IEnumerable<ServiceRegistration>> registrationAccessor)
        {
            // Collections stay Autofac's (it builds them from the registrations of the element type);
            // the forwarded types are Autofac's own, and asking back for them would go round in circles.
            if (service is not TypedService { ServiceType: var type }
                || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                || _forwarded.Contains(type)
                || !_isService.IsService(type)
                || registrationAccessor(service).Any())
            {
                return [];
            }

            return [Registration(type, scope => scope.GetRequiredService(type), singleton: LifetimeOf(type) == ServiceLifetime.Singleton)];
        }

        /// <summary>A service of the built-in scope that belongs to the resolving Autofac scope, owned by the built-in container.</summary>
        public static IComponentRegistration Registration(Type type, Func<IServiceProvider, object> fromScope, bool singleton)
        {
            var registration = RegistrationBuilder
                .ForDelegate(type, (context, _) => fromScope(context.Resolve<FrameworkScope>().Services))
                .As(type)
                .ExternallyOwned();
            if (singleton)
            {
                registration.SingleInstance();
            }

            return registration.CreateRegistration();
        }

        private ServiceLifetime LifetimeOf(Type type)
            => _lifetimes.TryGetValue(type, out var lifetime) ? lifetime
                : type.IsConstructedGenericType && _lifetimes.TryGetValue(type.GetGenericTypeDefinition(), out var open) ? open
                : ServiceLifetime.Transient;
    }
}

/// <summary>
/// The Autofac lifetime scope of one built-in scope (one HTTP request, job run or CLI call): scoped
/// application services exist once per built-in scope, whichever side resolves them. Disposed with it.
/// </summary>
internal sealed class ApplicationScope(ApplicationContainer container, IServiceProvider services) : IDisposable, IAsyncDisposable
{
    public ILifetimeScope Lifetime { get; } = container.BeginScope(services);

    public void Dispose() => Lifetime.Dispose();

    public ValueTask DisposeAsync() => Lifetime.DisposeAsync();
}
