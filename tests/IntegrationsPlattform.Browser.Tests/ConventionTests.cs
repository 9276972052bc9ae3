namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// The convention that finds a module's browser tests: a fixture under <c>Modules/&lt;Id&gt;/</c> runs that module, so it
/// must derive from <see cref="ModuleBrowserTest"/> and name a module that is in this project's plugin folder.
/// </summary>
[TestFixture]
public sealed class ConventionTests
{
    private static IReadOnlyList<Type> ModuleFixtures => typeof(ConventionTests).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false } && typeof(BrowserTest).IsAssignableFrom(t) && ModuleBrowserTest.ModuleOf(t) is not null)
        .ToList();

    [Test]
    public void EveryModuleFixtureRunsAnInstalledModule()
    {
        var installed = Directory.GetDirectories(PlatformHost.PluginsDirectory).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(ModuleFixtures.Select(ModuleBrowserTest.ModuleOf), Does.Contain("Lotsen"));
            Assert.That(ModuleFixtures.Where(t => !typeof(ModuleBrowserTest).IsAssignableFrom(t)), Is.Empty, "fixtures under Modules/<Id>/ derive from ModuleBrowserTest");
            Assert.That(ModuleFixtures.Select(ModuleBrowserTest.ModuleOf).Where(id => !installed.Contains(id)), Is.Empty, "the plugin folder holds every module under modules/");
        });
    }
}
