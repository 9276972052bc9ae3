using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Components;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.Extensions.FileProviders;

namespace IntegrationsPlattform.Host.Web;

/// <summary>Routes of the running modules: APIs under /api/&lt;module&gt;, pages and their downloads under /&lt;module&gt;, assets under /_modules/&lt;Id&gt;.</summary>
internal static class ModuleEndpoints
{
    public static void MapModuleApis(this WebApplication app, ModuleRegistry registry)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IntegrationsPlattform.Module");
        foreach (var module in registry.Running.ToList())
        {
            var manifest = module.Manifest!;
            var group = app.MapGroup("/api/" + manifest.RoutePrefix)
                .WithTags(manifest.DisplayName)
                .WithMetadata(new ModuleEndpointTag(manifest.Id));
            group.RequireDeclaredAccess(manifest.Id, logger);
            var pageEndpoints = app.MapGroup("/" + manifest.RoutePrefix)
                .ExcludeFromDescription()
                .WithMetadata(new ModuleEndpointTag(manifest.Id));
            pageEndpoints.RequireDeclaredAccess(manifest.Id, logger);
            try
            {
                module.Instance!.MapApi(new ModuleApiBuilder(manifest, group));
                module.Instance.MapPageEndpoints(new ModulePageEndpointBuilder(manifest, pageEndpoints));
            }
            catch (Exception ex)
            {
                module.Fail($"API konnte nicht eingerichtet werden: {ex.Message}");
                logger.LogError(ex, "Modul {ModuleId} (Ordner {Folder}) fehlgeschlagen: {Reason}", module.Id, module.FolderName, module.Reason);
                group.AddEndpointFilter((_, _) => ValueTask.FromResult<object?>(Results.Problem(statusCode: 503, title: "Modul nicht verfügbar", detail: module.Reason)));
            }
        }
    }

    /// <summary>
    /// Every module endpoint needs a permission unless it is marked public. One that declares neither is
    /// closed (403 for everyone) and named in the log, so that a forgotten check never opens data.
    /// </summary>
    private static void RequireDeclaredAccess(this IEndpointConventionBuilder builder, string moduleId, ILogger logger)
        => builder.Finally(endpoint =>
        {
            var declared = endpoint.Metadata.Any(m => m is RequirePermissionAttribute or IAllowAnonymous);
            if (!declared)
            {
                logger.LogWarning("{Endpoint} von Modul {ModuleId} erklärt weder Berechtigung noch öffentlichen Zugang und ist daher gesperrt.", endpoint.DisplayName, moduleId);
                endpoint.Metadata.Add(new RequirePermissionAttribute(moduleId.ToLowerInvariant() + ".nicht-erklaert"));
            }
        });

    public static void MapPlatformPages(this WebApplication app, ModuleRegistry registry)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IntegrationsPlattform.Module");
        var moduleAssemblies = registry.Running.Select(m => m.Assembly!).ToArray();
        var pages = app.MapRazorComponents<App>().AddAdditionalAssemblies(moduleAssemblies);
        pages.Finally(endpoint =>
        {
            var component = endpoint.Metadata.OfType<ComponentTypeMetadata>().FirstOrDefault()?.Type;
            if (component is null || registry.OfAssembly(component.Assembly) is not { } module)
            {
                return;
            }

            var declared = endpoint.Metadata.Any(m => m is IAuthorizeData or IAllowAnonymous);
            if (!declared)
            {
                logger.LogWarning("Seite {Page} von Modul {ModuleId} erklärt keine Berechtigung und ist daher gesperrt.", component.Name, module.Id);
                endpoint.Metadata.Add(new RequirePermissionAttribute(module.Id.ToLowerInvariant() + ".nicht-erklaert"));
            }
        });
    }

    /// <summary>A module's own static files (its <c>wwwroot</c> in the plugin folder) under <c>/_modules/&lt;Id&gt;/</c>.</summary>
    public static void UseModuleStaticFiles(this IApplicationBuilder app, ModuleRegistry registry)
    {
        foreach (var module in registry.Running)
        {
            var root = Path.Combine(module.Folder, "wwwroot");
            if (Directory.Exists(root))
            {
                app.UseStaticFiles(new StaticFileOptions { RequestPath = "/_modules/" + module.Id, FileProvider = new PhysicalFileProvider(root) });
            }
        }
    }
}
