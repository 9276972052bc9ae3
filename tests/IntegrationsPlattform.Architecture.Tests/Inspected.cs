using System.Reflection;
using IntegrationsPlattform.Contracts.Modules;

namespace IntegrationsPlattform.Architecture.Tests;

/// <summary>What the tests inspect, each loaded once per test run.</summary>
public static class Inspected
{
    private static readonly Lazy<PluginSet> RepositoryPlugins = new(() => PluginSet.Load(Path.Combine(AppContext.BaseDirectory, "plugins")));
    private static readonly Lazy<PluginSet> ViolationPlugins = new(() => PluginSet.Load(Path.Combine(AppContext.BaseDirectory, "violations")));

    /// <summary>bin/…/plugins: the test plugins and every programme module in modules/.</summary>
    public static PluginSet Repository => RepositoryPlugins.Value;

    /// <summary>bin/…/violations: the deliberate-violation fixture in tests/ArchitectureViolations.</summary>
    public static PluginSet Violations => ViolationPlugins.Value;

    public static Assembly Host => typeof(Program).Assembly;

    /// <summary>The module SDK and shared kernel, which every module references.</summary>
    public static Assembly Sdk => typeof(PlatformModule).Assembly;

    public static string RepoRoot
        => typeof(Inspected).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;
}
