using System.Reflection;

namespace IntegrationsPlattform.Architecture.Tests;

/// <summary>
/// Test the tests: every rule, run over the deliberate-violation fixture (tests/ArchitectureViolations),
/// reports exactly the violations planted there, naming the offending types — and leaves the allowed
/// types (manifest, routable page, init-only sealed record, the well-behaved module Nachbar) alone.
/// </summary>
[TestFixture]
public sealed class ViolationFixtureTests
{
    private const string Module = "IntegrationsPlattform.Modules.Verstoss";
    private const string Contracts = "IntegrationsPlattform.Contracts.Verstoss";

    private static IReadOnlyList<Assembly> Modules => Inspected.Violations.Modules;

    [Test]
    public void FixtureIsLoaded()
        => Assert.Multiple(() =>
        {
            Assert.That(Modules.Select(m => m.GetName().Name), Is.EquivalentTo(new[] { "IntegrationsPlattform.Modules.Nachbar", Module }));
            Assert.That(Inspected.Violations.Contracts.Select(c => c.GetName().Name), Is.EqualTo(new[] { Contracts }));
        });

    [Test]
    public void ModuleReferencingAnotherModuleAndTheHostIsReported()
        => AssertReports(
            ArchitectureRules.ModulesReferenceNoOtherModuleNorHost(Modules),
            // Program sits in the global namespace, which NetArchTest cannot attribute; ModuleState gives HostZugriff away.
            $"{Module} referenziert IntegrationsPlattform.Host (verwendet IntegrationsPlattform.Host.Modules.ModuleState, IntegrationsPlattform.Host.Modules.ModuleStateText, Program) in {Module}.HostZugriff",
            $"{Module} referenziert IntegrationsPlattform.Modules.Nachbar (verwendet IntegrationsPlattform.Modules.Nachbar.NachbarModule) in {Module}.NachbarZugriff");

    [Test]
    public void ContractsReferencingAModuleAndTheHostAreReported()
        => AssertReports(
            ArchitectureRules.ContractsReferenceNoModuleNorHost(Inspected.Violations.Contracts, Modules),
            $"{Contracts} referenziert IntegrationsPlattform.Host (verwendet IntegrationsPlattform.Host.Modules.ModuleState, IntegrationsPlattform.Host.Modules.ModuleStateText) in {Contracts}.HostVertrag",
            $"{Contracts} referenziert IntegrationsPlattform.Modules.Nachbar (verwendet IntegrationsPlattform.Modules.Nachbar.NachbarModule) in {Contracts}.NachbarVertrag");

    [Test]
    public void PublicHandlerAndPublicNonPageComponentAreReported()
        => AssertReports(
            ArchitectureRules.ModulesExposeOnlyManifestAndPages(Modules),
            $"{Module}: {Module}.OeffentlicherHandler ist öffentlich, aber weder das Modul-Manifest noch eine routbare Seite.",
            $"{Module}: {Module}.OeffentlicheKomponente ist öffentlich, aber weder das Modul-Manifest noch eine routbare Seite.");

    [Test]
    public void MutableAndUnsealedMessagesAreReported()
        => AssertReports(
            ArchitectureRules.MessagesAreSealedAndImmutable(Inspected.Violations.Contracts),
            $"{Contracts}: {Contracts}.VeraenderlicheAnfrage hat einen öffentlichen Setter (Name).",
            $"{Contracts}: {Contracts}.OffeneMeldung ist nicht sealed.");

    [Test]
    public void HostReferencingAModuleIsReported()
        // The fixture module stands in for a host: it references the module Nachbar, which a host must not.
        => AssertReports(
            ArchitectureRules.HostReferencesNoModule(Modules.Single(m => m.GetName().Name == Module), Modules),
            $"{Module} referenziert IntegrationsPlattform.Modules.Nachbar (verwendet IntegrationsPlattform.Modules.Nachbar.NachbarModule) in {Module}.NachbarZugriff");

    private static void AssertReports(IReadOnlyList<string> violations, params string[] expected)
        => Assert.That(violations, Is.EquivalentTo(expected));
}
