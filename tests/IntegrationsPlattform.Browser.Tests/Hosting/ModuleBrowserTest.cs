namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// Base of a programme module's browser fixtures, found by convention rather than by a list: a module's browser
/// tests live in <c>Modules/&lt;Id&gt;/</c> of this project under the namespace
/// <c>IntegrationsPlattform.Browser.Tests.Modules.&lt;Id&gt;</c>. The project lays out every module under
/// <c>modules/</c> in its plugin folder, and the fixture's host runs the module its namespace names.
/// </summary>
public abstract class ModuleBrowserTest : BrowserTest
{
    public const string NamespacePrefix = "IntegrationsPlattform.Browser.Tests.Modules.";

    /// <summary>The module under test, from the fixture's namespace.</summary>
    protected string ModuleId => ModuleOf(GetType())
        ?? throw new InvalidOperationException($"{GetType().FullName} liegt nicht im Namensraum {NamespacePrefix}<Modul-Id>.");

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { [$"Modules:{ModuleId}:Enabled"] = "true" };

    /// <summary>The module id a browser fixture's namespace names, or null outside <see cref="NamespacePrefix"/>.</summary>
    public static string? ModuleOf(Type fixture)
        => fixture.Namespace is { } name && name.StartsWith(NamespacePrefix, StringComparison.Ordinal) ? name[NamespacePrefix.Length..].Split('.')[0] : null;
}
