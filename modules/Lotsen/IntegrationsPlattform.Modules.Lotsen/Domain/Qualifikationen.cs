namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>
/// Trainings a Lotse can have attended. The Land's Basisqualifizierung is what makes a Lotse
/// assignable at all; further courses are required per topic where the Kreis configures it
/// (<c>ThemenQualifikation</c>), e.g. the school-training module's anti-discrimination course for "schule".
/// </summary>
internal static class Qualifikationen
{
    public const string Basisqualifizierung = "basisqualifizierung";

    public static IReadOnlyList<(string Schluessel, string Text)> Alle { get; } =
    [
        (Basisqualifizierung, "Basisqualifizierung des Landes Hessen"),
        ("aufbaukurs", "Aufbaukurs Integrationslotsen"),
        ("antidiskriminierung", "Fortbildung Antidiskriminierung"),
        ("interkulturell", "Interkulturelle Kompetenz"),
        ("sonstige", "Sonstige Fortbildung"),
    ];

    public static bool IstBekannt(string schluessel) => Alle.Any(q => q.Schluessel == schluessel);

    public static string Text(string schluessel) => Alle.FirstOrDefault(q => q.Schluessel == schluessel).Text ?? schluessel;
}
