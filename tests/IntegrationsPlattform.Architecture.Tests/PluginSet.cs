using System.Reflection;
using System.Runtime.Loader;

namespace IntegrationsPlattform.Architecture.Tests;

/// <summary>
/// The module and contracts assemblies of one plugins directory laid out by build/PluginFolder.targets
/// (<c>&lt;Id&gt;/&lt;Module&gt;.dll</c> next to its <c>.deps.json</c>, its own contracts in
/// <c>&lt;Id&gt;/contracts/</c>), loaded for inspection only: no module code runs. NetArchTest
/// reads them again from their <see cref="Assembly.Location"/> with Mono.Cecil.
/// </summary>
public sealed class PluginSet
{
    private PluginSet(IReadOnlyList<Assembly> modules, IReadOnlyList<Assembly> contracts)
    {
        Modules = modules;
        Contracts = contracts;
    }

    public IReadOnlyList<Assembly> Modules { get; }

    /// <summary>The module contracts shipped in the plugin folders (not the SDK, which the test references).</summary>
    public IReadOnlyList<Assembly> Contracts { get; }

    /// <summary>
    /// Loads every plugin folder of <paramref name="pluginsDirectory"/>. A folder that is not a
    /// plugin (no or several <c>.deps.json</c>) fails the load instead of being skipped: a rule that
    /// silently inspects nothing would pass forever.
    /// </summary>
    public static PluginSet Load(string pluginsDirectory)
    {
        var folders = Directory.GetDirectories(pluginsDirectory).Order(StringComparer.Ordinal).ToList();
        var mainPaths = folders.Select(MainAssemblyPath).ToList();
        var contractsPaths = folders
            .Select(f => Path.Combine(f, "contracts"))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.dll").Order(StringComparer.Ordinal))
            .ToList();

        // One context for the whole set is enough for inspection; the host's one-per-plugin isolation
        // only matters for running modules. Main assemblies and contracts win over private copies.
        var privateFiles = folders.SelectMany(f => Directory.GetFiles(f, "*.dll", SearchOption.AllDirectories));
        var context = new InspectionLoadContext(Path.GetFileName(pluginsDirectory), mainPaths.Concat(contractsPaths).Concat(privateFiles));

        var contracts = contractsPaths.Select(p => context.LoadFromAssemblyName(AssemblyName.GetAssemblyName(p))).Distinct().ToList();
        var modules = mainPaths.Select(p => context.LoadFromAssemblyName(AssemblyName.GetAssemblyName(p))).ToList();
        return new PluginSet(modules, contracts);
    }

    private static string MainAssemblyPath(string folder)
    {
        var depsFiles = Directory.GetFiles(folder, "*.deps.json");
        if (depsFiles.Length != 1)
        {
            throw new InvalidOperationException($"{folder} ist kein Plugin-Ordner: {depsFiles.Length} *.deps.json statt genau einer.");
        }

        return depsFiles[0][..^".deps.json".Length] + ".dll";
    }

    /// <summary>
    /// Resolves what the test process already has (framework, SDK contracts, MediatR, the host) from
    /// the default context, so that <c>typeof(PlatformModule)</c> in a rule is the type the plugins
    /// derive from; everything else from the plugin folders.
    /// </summary>
    private sealed class InspectionLoadContext : AssemblyLoadContext
    {
        private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> _shared;

        public InspectionLoadContext(string name, IEnumerable<string> files)
            : base(name)
        {
            foreach (var file in files)
            {
                _files.TryAdd(Path.GetFileNameWithoutExtension(file), file);
            }

            var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            _shared = new HashSet<string>(trusted.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name is null || _shared.Contains(assemblyName.Name))
            {
                return null;
            }

            return _files.TryGetValue(assemblyName.Name, out var path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
