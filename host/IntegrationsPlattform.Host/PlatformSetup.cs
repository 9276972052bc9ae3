using System.Threading.RateLimiting;
using Autofac;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Print;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Calendar;
using IntegrationsPlattform.Host.Components;
using IntegrationsPlattform.Host.Accounts;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Demo;
using IntegrationsPlattform.Host.Dsgvo;
using IntegrationsPlattform.Host.Files;
using IntegrationsPlattform.Host.Jobs;
using IntegrationsPlattform.Host.Mail;
using IntegrationsPlattform.Host.Messaging;
using IntegrationsPlattform.Host.Messaging.Outbox;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Print;
using IntegrationsPlattform.Host.OptIn;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;
using IntegrationsPlattform.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;

namespace IntegrationsPlattform.Host;

/// <summary>Composition of the platform: configuration → modules → container → web pipeline.</summary>
internal static class PlatformSetup
{
    public const string TokenRateLimit = "token";

    public static void AddPlatform(this WebApplicationBuilder builder, PlatformOptions options)
    {
        TimeProvider time = options.ClockStart is { } start ? new StartedClock(start) : TimeProvider.System;
        using var bootLoggers = LoggerFactory.Create(l => l.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(c => c.SingleLine = true));
        var bootLogger = bootLoggers.CreateLogger("IntegrationsPlattform.Module");

        Directory.CreateDirectory(options.DataDirectory);
        // host.db and the module databases are independent of each other: the host's is migrated on the
        // second core while the modules are loaded and migrated. A failure still stops the start here.
        var hostDatabase = Task.Run(() => MigrationRunner.Migrate(options.HostDatabasePath, typeof(PlatformSetup).Assembly, time));
        var registry = new ModuleDiscovery(builder.Configuration, bootLogger).Discover(options.PluginsDirectory);

        // The application's services go to the application container (Autofac, see ApplicationContainer);
        // builder.Services keeps ASP.NET Core's own, and the host's hooks into them.
        var application = new ServiceCollection();
        new ModuleStartup(options, builder.Configuration, time, bootLogger).Start(registry, application);
        hostDatabase.GetAwaiter().GetResult();
        application.AddSingleton<ILocalClock, LocalClock>();
        application.AddSingleton<WriteGates>();
        application.AddSingleton<ConnectionPool>();
        application.AddSingleton<HostDatabase>();
        application.AddSingleton<AuditWriter>();
        application.AddSingleton<PermissionCache>();
        application.AddSingleton<PermissionCatalog>();
        application.AddSingleton<TokenService>();
        application.AddSingleton<AccountStore>();
        application.AddSingleton<RoleStore>();
        application.AddTransient<ScopeGroupCatalog>();
        application.AddSingleton<DemoSeeder>();
        application.AddSingleton<FirstAdmin>();
        application.AddSingleton<MailSender>();
        application.AddSingleton<IMailSender>(sp => sp.GetRequiredService<MailSender>());
        application.AddSingleton<IPublicLinks, PublicLinks>();
        application.AddSingleton<PlatformInitializer>();
        application.AddSingleton<JobScheduler>();
        // The SDK's own notifications (a linkable record's new status) travel like those of a module's contracts.
        application.AddSingleton(new MessageTypes(registry.All.SelectMany(m => m.ContractsAssemblies).Append(typeof(PlatformModule).Assembly)));
        application.AddSingleton<IOutboxWriter, OutboxWriter>();
        application.AddSingleton<OutboxDispatcher>();
        application.AddScoped<ParkedMessages>();
        application.AddTransient<IndicatorSnapshotJob>();
        application.AddTransient<OptInCleanupJob>();
        application.AddScoped<DoubleOptIn>();
        application.AddScoped<IDoubleOptIn>(sp => sp.GetRequiredService<DoubleOptIn>());
        application.AddSingleton<FeedTokens>();
        application.AddSingleton<IcsWriter>();
        application.AddSingleton<ICalendarInvitations, CalendarInvitations>();
        application.AddScoped<CalendarService>();
        application.AddAccountLinks();
        application.AddScoped<ModuleTransactions>();
        application.AddScoped(typeof(IModuleDatabase<>), typeof(ModuleDatabase<>));
        application.AddSingleton<FileCatalog>();
        application.AddSingleton<IPrintDocuments, PdfDocuments>();
        application.AddScoped<ICurrentUser, CurrentUser>();
        application.AddScoped<DataSubjectService>();
        application.AddTransient<IDataSubjectHandler, AccountDataSubjectHandler>();
        application.AddTransient<IDataSubjectHandler, OptInDataSubjectHandler>();
        application.AddSingleton(options.Deployment);
        application.AddTransient<IRequestHandler<GetDeployment, DeploymentInfo>, GetDeploymentHandler>();
        application.AddTransient<IRequestHandler<GetLatestIndicators, IReadOnlyList<IndicatorSnapshot>>, GetLatestIndicatorsHandler>();
        application.AddTransient<IRequestHandler<GetIndicatorHistory, IndicatorHistory>, GetIndicatorHistoryHandler>();
        application.AddTransient<IRequestHandler<SearchLinkableRecords, IReadOnlyList<LinkableRecord>>, Linking.SearchLinkableRecordsHandler>();

        var services = builder.Services;
        // Plain objects, known before either container exists: kept beside the framework's services, so
        // that setting up the pipeline does not wait for the application container (Autofac finds them).
        services.AddSingleton(options);
        services.AddSingleton(registry);
        services.AddSingleton<IModuleCatalog>(registry);
        ApplicationContainer.AddTo(services, application, RegisterDirectly,
            (typeof(IMediator), ServiceLifetime.Scoped), (typeof(AuditTrail), ServiceLifetime.Scoped), (typeof(IAuditTrail), ServiceLifetime.Scoped));
        // The clock is the framework's (tests replace it with ConfigureTestServices, which reaches only
        // the built-in container); the application gets it through the fallback.
        services.AddSingleton(time);
        services.AddHttpContextAccessor();
        // The host starts hosted services from the built-in container; these are application services.
        services.AddHostedService(sp => sp.GetRequiredService<PlatformInitializer>());
        services.AddHostedService(sp => sp.GetRequiredService<JobScheduler>());
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        services.AddDataProtection()
            .SetApplicationName("IntegrationsPlattform")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysDirectory));
        services.AddPlatformAuthentication(options);
        services.AddAntiforgery();
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "IntegrationsPlattform API";
            document.Info.Description = $"JSON-API der IntegrationsPlattform ({options.Deployment.KreisName}). Fehler als RFC 7807 Problem Details; Anmeldung per Bearer-Token (POST /api/auth/token).";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddPlatformChecks(registry);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unbekannt",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Security.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = (context, _) => new ValueTask(ProblemResponses.WriteAsync(context.HttpContext, 429, "Zu viele Anfragen", "Bitte eine Minute warten und dann erneut versuchen."));
        });
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in (builder.Configuration["Platform:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 10 * 1024 * 1024);
    }

    /// <summary>
    /// Registered on Autofac directly, where the service collection has no way to say it cheaply.
    /// MediatR 5 has no DI package: the mediator (one per lifetime scope) and the behaviours are
    /// registered here. Which behaviours a request passes, and in which order, is the plan of
    /// <see cref="RequestPipelines"/>; the behaviours themselves are built by Autofac, the logging
    /// behaviour once per request type since it is stateless. The audit trail is one instance under
    /// two types: a factory registration for the interface would resolve it through the built-in
    /// container and back, on every command.
    /// </summary>
    private static void RegisterDirectly(ContainerBuilder container)
    {
        container.RegisterType<RequestPipelines>().SingleInstance();
        container.Register(c => new PlatformMediator(c.Resolve<ILifetimeScope>(), c.Resolve<RequestPipelines>()))
            .As<IMediator>().InstancePerLifetimeScope();
        container.RegisterGeneric(typeof(LoggingBehavior<,>)).SingleInstance();
        container.RegisterGeneric(typeof(ValidationBehavior<,>));
        container.RegisterGeneric(typeof(TransactionBehavior<,>));
        container.RegisterType<AuditTrail>().AsSelf().As<IAuditTrail>().InstancePerLifetimeScope();
    }

    public static void UsePlatform(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<PlatformOptions>();
        var registry = app.Services.GetRequiredService<ModuleRegistry>();
        SecondCore.BuildApplicationContainer(app);
        WarnAboutModulesNotInstalled(app, registry, options);
        SecondCore.LoadKeyRing(app);

        app.UseForwardedHeaders();
        if (options.PublicBaseUrl is { } baseUrl && baseUrl.AbsolutePath.Length > 1)
        {
            app.UsePathBase(baseUrl.AbsolutePath.TrimEnd('/'));
        }

        app.UseSecurityHeaders();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = ProblemResponses.HandleExceptionAsync,
            SuppressDiagnosticsCallback = c => ProblemResponses.Map(c.Exception).Status < 500,
        });
        app.UseStatusCodePages(ProblemResponses.HandleEmptyStatusAsync);
        // Assets and the API browser are for pages. The JSON API has no files: it skips them (a
        // file-system lookup per call).
        app.UseWhen(context => !ProblemResponses.IsApi(context.Request), pages =>
        {
            pages.UseStaticFiles();
            pages.UseModuleStaticFiles(registry);

            // The API browser is static files only; it sits before authentication like the other assets.
            pages.UseSwaggerUI(o =>
            {
                o.RoutePrefix = "openapi/ui";
                o.SwaggerEndpoint("/openapi/v1.json", "IntegrationsPlattform v1");
                o.DocumentTitle = "IntegrationsPlattform – API";
            });
        });
        app.UseRouting();
        app.UsePlatformLocalization();
        app.UseRateLimiter();
        app.UsePlatformAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Forms whose token does not validate are refused here, for every endpoint alike: the request
        // delegates generated at compile time would otherwise read the form and fail with a 500.
        app.Use((context, next) => context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
            ? throw new BadHttpRequestException("Das Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte die Seite neu laden und erneut absenden.", StatusCodes.Status400BadRequest)
            : next(context));

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapPlatformHealth();
        app.MapAccountEndpoints();
        app.MapAuthApi();
        app.MapAdminApi();
        app.MapInvitationApi();
        app.MapLinkableRecordApi();
        app.MapIndicatorApi();
        app.MapAdminPageEndpoints();
        app.MapCalendarFeeds();
        app.MapModuleApis(registry);
        app.MapPlatformPages(registry);
        SecondCore.BuildEndpointTable(app);
    }

    /// <summary>In the application's log, which reaches the deployment's log providers (discovery logs to the console only).</summary>
    private static void WarnAboutModulesNotInstalled(WebApplication app, ModuleRegistry registry, PlatformOptions options)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IntegrationsPlattform.Module");
        foreach (var module in registry.NotInstalled)
        {
            logger.LogWarning("Modul {ModuleId} konfiguriert, aber nicht installiert: {Reason} (Plugin-Verzeichnis {PluginsDirectory})", module.Id, module.Reason, options.PluginsDirectory);
        }
    }
}
