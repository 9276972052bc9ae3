using System.Reflection;

namespace IntegrationsPlattform.Architecture.Tests;

/// <summary>The architecture rules hold for every module, contracts assembly and the host of this repository.</summary>
[TestFixture]
public sealed class RepositoryArchitectureTests
{
    private static IReadOnlyList<Assembly> Modules => Inspected.Repository.Modules;

    private static IEnumerable<Assembly> AllContracts => Inspected.Repository.Contracts.Prepend(Inspected.Sdk);

    [Test]
    public void EveryModuleAndContractsAssemblyOfTheRepositoryIsInspected()
    {
        // Rules over an empty or partial set would pass vacuously: compare with the source tree.
        var modules = ProjectNames("modules").Append("IntegrationsPlattform.TestPlugins.Beispiel").Append("IntegrationsPlattform.TestPlugins.Verbraucher");
        var contracts = ProjectNames("contracts").Append("IntegrationsPlattform.Contracts.Beispiel");
        Assert.Multiple(() =>
        {
            Assert.That(Modules.Select(m => m.GetName().Name), Is.SupersetOf(modules));
            Assert.That(AllContracts.Select(c => c.GetName().Name), Is.SupersetOf(contracts), "Liefert jedes Modul seine Contracts mit (ModuleContracts=\"true\")?");
        });
    }

    [Test]
    public void ModulesReferenceNoOtherModuleNorTheHost()
        => AssertHolds(ArchitectureRules.ModulesReferenceNoOtherModuleNorHost(Modules));

    [Test]
    public void ContractsReferenceNoModuleNorTheHost()
        => AssertHolds(ArchitectureRules.ContractsReferenceNoModuleNorHost(AllContracts, Modules));

    [Test]
    public void ModulesExposeOnlyTheirManifestAndPages()
        => AssertHolds(ArchitectureRules.ModulesExposeOnlyManifestAndPages(Modules));

    [Test]
    public void ContractMessagesAreSealedAndImmutable()
        => AssertHolds(ArchitectureRules.MessagesAreSealedAndImmutable(AllContracts));

    [Test]
    public void HostReferencesNoModule()
        => AssertHolds(ArchitectureRules.HostReferencesNoModule(Inspected.Host, Modules));

    private static IEnumerable<string> ProjectNames(string folder)
    {
        var path = Path.Combine(Inspected.RepoRoot, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*.csproj", SearchOption.AllDirectories).Select(p => Path.GetFileNameWithoutExtension(p)) : [];
    }

    private static void AssertHolds(IReadOnlyList<string> violations)
        => Assert.That(violations, Is.Empty, "Verstöße:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
}
