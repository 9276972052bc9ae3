using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// The module's demo account (README, "Gesundheitsprävention"): the Kinderarztpraxis of the demo data, which sees and
/// maintains only its own offers. Its provider has a fixed id, because the accounts are declared before the demo data
/// exist; the seeder creates the provider with the same id.
/// </summary>
internal static class DemoKonten
{
    public const string PraxisBenutzer = "praxis";
    public const string PraxisPasswort = "Demo-Praxis-2026";
    public const string PraxisAnbieterId = "0193f5a0-4e00-7000-8000-000000000001";

    public static IReadOnlyList<DemoAccount> Alle { get; } =
    [
        new(
            PraxisBenutzer,
            "Kinderarztpraxis Dr. Aydın (Demo-Anbieter)",
            PraxisPasswort,
            "Anbieter Kinderarztpraxis Dr. Aydın",
            "Anbieter von Gesundheitsangeboten: pflegt nur die eigenen Angebote; Änderungen an veröffentlichten Angeboten prüft der Kreis.",
            [new DemoGrant(GesundheitModule.Angebote, ScopeKind.Groups, GroupIds: [PraxisAnbieterId])]),
    ];
}
