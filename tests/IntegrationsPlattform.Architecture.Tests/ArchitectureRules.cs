using System.Reflection;
using System.Runtime.CompilerServices;
using IntegrationsPlattform.Contracts.Modules;
using MediatR;
using Microsoft.AspNetCore.Components;
using Mono.Cecil;
using NetArchTest.Rules;

namespace IntegrationsPlattform.Architecture.Tests;

/// <summary>
/// The architecture rules as functions from assemblies to violations (empty = rule holds). The
/// repository tests and the deliberate-violation tests call the same functions, so a rule proven to
/// fail on the fixture is the rule that guards the repository. Each violation names the assembly and
/// the offending types.
/// NetArchTest finds the types behind a forbidden reference (rules 1, 2, 5). Rules 3 and 4 ask the
/// loaded types by reflection instead: NetArchTest 1.3.2's ImplementInterface sees only interfaces a
/// type declares itself (a page gets IComponent from ComponentBase), and its BeImmutable counts
/// init-only properties, i.e. every positional record, as mutable.
/// </summary>
public static class ArchitectureRules
{
    private const string HostAssembly = "IntegrationsPlattform.Host";
    private const string ModulesRoot = "IntegrationsPlattform.Modules";
    private const string TestPluginsRoot = "IntegrationsPlattform.TestPlugins";

    /// <summary>Rule 1: a module uses other modules only through their contracts, and never the host.</summary>
    public static IReadOnlyList<string> ModulesReferenceNoOtherModuleNorHost(IReadOnlyCollection<Assembly> modules)
        => modules.SelectMany(module => ForbiddenReferences(module, name => IsModule(name, modules) || IsHost(name))).ToList();

    /// <summary>Rule 2: contracts (the SDK and every module's contracts) know no module and not the host.</summary>
    public static IReadOnlyList<string> ContractsReferenceNoModuleNorHost(IEnumerable<Assembly> contracts, IReadOnlyCollection<Assembly> modules)
        => contracts.SelectMany(c => ForbiddenReferences(c, name => IsModule(name, modules) || IsHost(name))).ToList();

    /// <summary>Rule 5: the host knows no module by reference; it finds them at run time.</summary>
    public static IReadOnlyList<string> HostReferencesNoModule(Assembly host, IReadOnlyCollection<Assembly> modules)
        => ForbiddenReferences(host, name => IsModule(name, modules)).ToList();

    /// <summary>
    /// Rule 3: a module's domain, handlers and storage are internal. Public are only its manifest (the
    /// <see cref="PlatformModule"/> subclass the host instantiates) and routable pages (components with
    /// a <see cref="RouteAttribute"/>, which the host's router finds). What others may use lives in the
    /// module's contracts assembly.
    /// </summary>
    public static IReadOnlyList<string> ModulesExposeOnlyManifestAndPages(IEnumerable<Assembly> modules)
        => modules
            .SelectMany(module => module.GetExportedTypes()
                .Where(t => !IsManifest(t) && !IsRoutablePage(t) && !IsRazorImports(t))
                .Select(t => $"{NameOf(module)}: {t.FullName} ist öffentlich, aber weder das Modul-Manifest noch eine routbare Seite."))
            .ToList();

    /// <summary>
    /// Rule 4: requests and notifications in contracts are data, not objects with behaviour or state
    /// changes on the way: sealed, and without public setters or writable public fields (init-only is fine).
    /// </summary>
    public static IReadOnlyList<string> MessagesAreSealedAndImmutable(IEnumerable<Assembly> contracts)
        => contracts
            .SelectMany(c => c.GetTypes().Where(IsMessage).SelectMany(t => MessageProblems(t).Select(p => $"{NameOf(c)}: {t.FullName} {p}.")))
            .ToList();

    private static IEnumerable<string> ForbiddenReferences(Assembly assembly, Func<string, bool> isForbidden)
    {
        var forbidden = assembly.GetReferencedAssemblies().Select(r => r.Name!).Where(isForbidden).Order(StringComparer.Ordinal).ToList();
        if (forbidden.Count == 0)
        {
            yield break;
        }

        // The assembly reference proves the violation (the compiler emits only references it uses);
        // its type references say which of the forbidden assembly's types are used, and NetArchTest
        // finds the types of this assembly that use them.
        using var metadata = ModuleDefinition.ReadModule(assembly.Location);
        foreach (var reference in forbidden)
        {
            var usedTypes = metadata.GetTypeReferences()
                .Where(t => t.Scope.Name == reference)
                .Select(t => t.FullName)
                .Distinct()
                .Order(StringComparer.Ordinal)
                .ToArray();

            // FailingTypeNames, not GetTypes()/FailingTypes: those reload each type with Type.GetType
            // in the default context, which cannot see the plugins' load context. NetArchTest 1.3.2
            // matches no type of the global namespace (the host's Program), hence "verwendet" too.
            var users = usedTypes.Length == 0
                ? null
                : Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(usedTypes).GetResult().FailingTypeNames;
            var where = users is { Count: > 0 } ? string.Join(", ", users.Order(StringComparer.Ordinal)) : "(keinem Typ zugeordnet)";
            yield return $"{NameOf(assembly)} referenziert {reference} (verwendet {string.Join(", ", usedTypes)}) in {where}";
        }
    }

    private static bool IsModule(string assemblyName, IReadOnlyCollection<Assembly> modules)
        => IsUnder(assemblyName, ModulesRoot) || IsUnder(assemblyName, TestPluginsRoot) || modules.Any(m => NameOf(m) == assemblyName);

    private static bool IsHost(string assemblyName) => assemblyName == HostAssembly || IsUnder(assemblyName, HostAssembly);

    private static bool IsUnder(string assemblyName, string root) => assemblyName.StartsWith(root + ".", StringComparison.Ordinal);

    private static bool IsManifest(Type type) => type.IsSubclassOf(typeof(PlatformModule)) && !type.IsAbstract;

    private static bool IsRoutablePage(Type type) => typeof(IComponent).IsAssignableFrom(type) && type.IsDefined(typeof(RouteAttribute), inherit: false);

    // Razor compiles _Imports.razor into a public, empty class (only an Execute stub) and offers no
    // way to make generated classes internal, so that one is allowed. The same holds for every
    // .razor component: a module's non-routable .razor component is reported — write it in C# as an
    // internal component, or widen this rule on purpose.
    private static bool IsRazorImports(Type type) => type.Name == "_Imports" && type.BaseType == typeof(object);

    private static bool IsMessage(Type type)
        => !type.IsInterface && (typeof(IBaseRequest).IsAssignableFrom(type) || typeof(INotification).IsAssignableFrom(type));

    private static IEnumerable<string> MessageProblems(Type message)
    {
        if (!message.IsSealed)
        {
            yield return "ist nicht sealed";
        }

        foreach (var property in message.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            {
                yield return $"hat einen öffentlichen Setter ({property.Name})";
            }
        }

        foreach (var field in message.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly))
        {
            yield return $"hat ein schreibbares öffentliches Feld ({field.Name})";
        }
    }

    // An init accessor is a setter whose return carries the IsExternalInit modifier.
    private static bool IsInitOnly(MethodInfo setter) => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static string NameOf(Assembly assembly) => assembly.GetName().Name!;
}
