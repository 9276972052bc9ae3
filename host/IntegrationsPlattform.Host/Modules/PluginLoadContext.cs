using System.Reflection;
using System.Runtime.Loader;

namespace IntegrationsPlattform.Host.Modules;

/// <summary>
/// One load context per plugin folder. Anything the host already has (framework, shared packages,
/// the SDK and every module's contracts) resolves to the default context so that types stay
/// identical; everything else comes from the plugin's own folder.
/// </summary>
internal sealed class PluginLoadContext(string mainAssemblyPath, SharedAssemblies shared)
    : AssemblyLoadContext(name: Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (shared.IsShared(assemblyName))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}

/// <summary>The assemblies that must come from the default context: the trusted platform list plus whatever the host loaded there (contracts).</summary>
internal sealed class SharedAssemblies
{
    private readonly HashSet<string> _trusted;

    public SharedAssemblies()
    {
        var tpa = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        _trusted = new HashSet<string>(tpa.Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
    }

    public bool IsShared(AssemblyName name)
        => name.Name is not null
           && (_trusted.Contains(name.Name)
               || AssemblyLoadContext.Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase)));
}
