using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

/// <summary>
/// The module's demo accounts (README, "Integrationslotsen"): a Lotsin who sees and records only her own
/// assignments, and a coordinator of the demo Träger who sees the Lotsen and requests of the
/// municipalities of its agreement. The host creates them only when it seeds demo data.
/// </summary>
internal static class DemoKonten
{
    public const string LotsinBenutzer = "lotsin";
    public const string LotsinPasswort = "Demo-Lotsin-2026";
    public const string KoordinationBenutzer = "koordination";
    public const string KoordinationPasswort = "Demo-Koordination-2026";

    /// <summary>
    /// The municipalities of the demo agreement (Bad König, Erbach, Michelstadt: the Mümling valley).
    /// Fixed AGS, because the accounts are declared before the deployment is known; the seeder uses
    /// the same ones (or the deployment's first three where these do not exist).
    /// </summary>
    public static readonly IReadOnlyList<string> VereinbarungKommunen = ["06437001", "06437006", "06437011"];

    public static IReadOnlyList<DemoAccount> Alle { get; } =
    [
        new(
            LotsinBenutzer,
            "Samira Haddad (Demo-Lotsin)",
            LotsinPasswort,
            "Lotsin/Lotse",
            "Ehrenamtliche Integrationslotsen: sehen und erfassen nur ihre eigenen Einsätze.",
            [new DemoGrant(LotsenModule.EinsaetzeErfassen, ScopeKind.OwnRecords)]),
        new(
            KoordinationBenutzer,
            "Demo-Koordination (Verein für Integration im Odenwald)",
            KoordinationPasswort,
            "Koordination Träger Verein für Integration im Odenwald",
            "Koordination des Trägers: Lotsen, Anfragen und Einsätze der Kommunen der Vereinbarung.",
            [
                new DemoGrant(LotsenModule.Lesen, ScopeKind.Municipalities, VereinbarungKommunen),
                new DemoGrant(LotsenModule.Bearbeiten, ScopeKind.Municipalities, VereinbarungKommunen),
                new DemoGrant(LotsenModule.EinsaetzeErfassen, ScopeKind.Municipalities, VereinbarungKommunen),
            ]),
    ];
}
