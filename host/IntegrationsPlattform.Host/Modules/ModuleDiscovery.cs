using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Modules;
using Microsoft.AspNetCore.Components;

namespace IntegrationsPlattform.Host.Modules;

/// <summary>
/// Finds plugin folders, loads each module into its own load context and decides, before any module
/// code beyond its manifest runs, which modules the deployment may start.
/// </summary>
internal sealed partial class ModuleDiscovery(IConfiguration configuration, ILogger logger)
{
    public const string ContractsFolder = "contracts";

    private static readonly string[] ReservedPrefixes = ["admin", "auth", "account", "health", "openapi", "_modules", "api", "legal", "css", "js"];
    private static readonly int HostSdkMajor = typeof(PlatformModule).Assembly.GetName().Version!.Major;

    public ModuleRegistry Discover(string pluginsDirectory)
    {
        if (!Directory.Exists(pluginsDirectory))
        {
            logger.LogWarning("Plugin-Verzeichnis {PluginsDirectory} existiert nicht; es werden keine Module geladen.", pluginsDirectory);
            return new ModuleRegistry([], FindNotInstalled([]));
        }

        var folders = Directory.GetDirectories(pluginsDirectory).Order(StringComparer.Ordinal).ToList();
        var modules = folders.Select(f => new InstalledModule { Folder = f }).ToList();

        // Contracts first, all of them (also of disabled modules): a consumer's types must resolve even
        // when the provider is off, so that its request fails with "module not enabled" and not a type load error.
        foreach (var module in modules)
        {
            module.ContractsAssemblies = LoadContracts(module.Folder);
        }

        var shared = new SharedAssemblies();
        foreach (var module in modules)
        {
            LoadManifest(module, shared);
        }

        RefuseDuplicateIds(modules);
        foreach (var module in modules.Where(m => m.Manifest is not null && m.State != ModuleState.Refused))
        {
            if (IsEnabledInConfiguration(module.Manifest!.Id))
            {
                module.MarkEnabled();
            }
            else
            {
                module.MarkDisabled();
            }
        }

        RefuseDuplicateRoutes(modules);
        RefuseMissingDependencies(modules);

        foreach (var module in modules.Where(m => m.State == ModuleState.Refused))
        {
            logger.LogError("Modul {ModuleId} (Ordner {Folder}) abgelehnt: {Reason}", module.Id, module.FolderName, module.Reason);
        }

        return new ModuleRegistry(modules, FindNotInstalled(modules));
    }

    public bool IsEnabledInConfiguration(string moduleId) => configuration.GetValue($"Modules:{moduleId}:Enabled", false);

    /// <summary>
    /// Ids the configuration enables although no plugin folder holds them. The host starts without them (a
    /// Kreis may prepare its configuration before it installs a module), but lists them and warns at
    /// start-up: a typing error in an id would otherwise switch nothing on without a word.
    /// </summary>
    private List<NotInstalledModule> FindNotInstalled(List<InstalledModule> modules)
        => configuration.GetSection("Modules").GetChildren()
            .Select(section => section.Key)
            .Where(id => IsEnabledInConfiguration(id) && !modules.Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(id => new NotInstalledModule(id))
            .ToList();

    private static List<Assembly> LoadContracts(string folder)
    {
        var contractsDir = Path.Combine(folder, ContractsFolder);
        if (!Directory.Exists(contractsDir))
        {
            return [];
        }

        var loaded = new List<Assembly>();
        foreach (var path in Directory.GetFiles(contractsDir, "*.dll").Order(StringComparer.Ordinal))
        {
            var name = AssemblyName.GetAssemblyName(path);
            var existing = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => AssemblyName.ReferenceMatchesDefinition(a.GetName(), name));
            loaded.Add(existing ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
        }

        return loaded;
    }

    private void LoadManifest(InstalledModule module, SharedAssemblies shared)
    {
        var depsFiles = Directory.GetFiles(module.Folder, "*.deps.json");
        if (depsFiles.Length != 1)
        {
            module.Refuse($"Der Ordner enthält {depsFiles.Length} Modul-Assemblies (*.deps.json) statt genau einer.");
            return;
        }

        var mainPath = depsFiles[0][..^".deps.json".Length] + ".dll";
        try
        {
            var context = new PluginLoadContext(mainPath, shared);
            var assembly = context.LoadFromAssemblyPath(mainPath);
            module.Assembly = assembly;

            var sdkReference = assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == typeof(PlatformModule).Assembly.GetName().Name);
            if (sdkReference?.Version is { } referenced && referenced.Major != HostSdkMajor)
            {
                module.Refuse($"Gebaut gegen SDK {referenced.Major}.x, dieser Host bietet SDK {HostSdkMajor}.x.");
                return;
            }

            var moduleTypes = assembly.GetExportedTypes().Where(t => typeof(PlatformModule).IsAssignableFrom(t) && !t.IsAbstract).ToList();
            if (moduleTypes.Count != 1)
            {
                module.Refuse($"Die Assembly {assembly.GetName().Name} enthält {moduleTypes.Count} öffentliche Modulklassen statt genau einer.");
                return;
            }

            module.Instance = (PlatformModule)Activator.CreateInstance(moduleTypes[0])!;
            module.Manifest = module.Instance.Manifest;
            module.PageRoutes = FindPageRoutes(assembly);
        }
        catch (Exception ex) when (ex is ReflectionTypeLoadException or TypeLoadException or MissingMethodException or BadImageFormatException or FileLoadException or FileNotFoundException or TargetInvocationException)
        {
            module.Refuse($"Das Modul lässt sich nicht laden ({ex.GetType().Name}: {ex.Message}). Vermutlich ist es gegen eine andere SDK-Version gebaut.");
            return;
        }

        var manifest = module.Manifest;
        if (manifest.SdkMajor != HostSdkMajor)
        {
            module.Refuse($"Das Modul erwartet SDK {manifest.SdkMajor}.x, dieser Host bietet SDK {HostSdkMajor}.x.");
        }
        else if (!ModuleIdPattern().IsMatch(manifest.Id))
        {
            module.Refuse($"Die Modul-Id '{manifest.Id}' ist ungültig (erlaubt: PascalCase aus Buchstaben und Ziffern).");
        }
        else if (ReservedPrefixes.Contains(manifest.RoutePrefix))
        {
            module.Refuse($"Die Modul-Id '{manifest.Id}' ist reserviert.");
        }
    }

    private static List<string> FindPageRoutes(Assembly assembly)
        => assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .ToList();

    private static void RefuseDuplicateIds(List<InstalledModule> modules)
    {
        var seen = new Dictionary<string, InstalledModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules.Where(m => m.Manifest is not null && m.State != ModuleState.Refused))
        {
            if (seen.TryGetValue(module.Manifest!.Id, out var first))
            {
                module.Refuse($"Die Modul-Id '{module.Manifest.Id}' ist bereits vom Ordner {Path.GetFileName(first.Folder)} belegt.");
            }
            else
            {
                seen[module.Manifest.Id] = module;
            }
        }
    }

    private static void RefuseDuplicateRoutes(List<InstalledModule> modules)
    {
        var owners = new Dictionary<string, InstalledModule>(StringComparer.OrdinalIgnoreCase);
        foreach (var module in modules.Where(m => m.IsRunning))
        {
            var duplicate = module.PageRoutes.FirstOrDefault(owners.ContainsKey);
            if (duplicate is not null)
            {
                module.Refuse($"Die Seite '{duplicate}' ist bereits vom Modul {owners[duplicate].Id} belegt.");
                continue;
            }

            var prefix = "/" + module.Manifest!.RoutePrefix;
            var outside = module.PageRoutes.FirstOrDefault(r => !r.Equals(prefix, StringComparison.OrdinalIgnoreCase) && !r.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));
            if (outside is not null)
            {
                module.Refuse($"Die Seite '{outside}' liegt außerhalb des Modulpfads {prefix}.");
                continue;
            }

            foreach (var route in module.PageRoutes)
            {
                owners[route] = module;
            }
        }
    }

    private static void RefuseMissingDependencies(List<InstalledModule> modules)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var module in modules.Where(m => m.IsRunning))
            {
                var missing = module.Manifest!.Requires.FirstOrDefault(r => !modules.Any(o => o.IsRunning && string.Equals(o.Manifest!.Id, r, StringComparison.OrdinalIgnoreCase)));
                if (missing is not null)
                {
                    var present = modules.Any(o => string.Equals(o.Manifest?.Id, missing, StringComparison.OrdinalIgnoreCase));
                    module.Refuse(present
                        ? $"Benötigt das Modul '{missing}', das nicht aktiv ist."
                        : $"Benötigt das Modul '{missing}', das nicht installiert ist.");
                    changed = true;
                }
            }
        }
        while (changed);
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]{1,39}$")]
    private static partial Regex ModuleIdPattern();
}
