using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>
/// The module's demo account (README, „Schulungen“): a trainer who sees the sessions she leads and records their
/// attendance. The seeder links the demo trainer Tanja Demir to it. The host creates it only when it seeds demo data.
/// </summary>
internal static class DemoKonten
{
    public const string TrainerinBenutzer = "trainerin";
    public const string TrainerinPasswort = "Demo-Trainerin-2026";

    public static IReadOnlyList<DemoAccount> Alle { get; } =
    [
        new(
            TrainerinBenutzer,
            "Tanja Demir (Demo-Trainerin)",
            TrainerinPasswort,
            "Trainerin/Trainer Schulungen",
            "Trainerinnen und Trainer: sehen nur die Termine, die sie leiten, und erfassen dort die Anwesenheit.",
            [new DemoGrant(SchulungenModule.Anwesenheit, ScopeKind.OwnRecords)]),
    ];
}
